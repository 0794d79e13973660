using DoSon.Bot.Backups;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Cli;

/// <summary>What the backup verbs share: the database must exist (they never create one), one program
/// at a time (the <see cref="DatabaseLock"/>), and every expected failure is one sentence and its exit code.</summary>
internal static class BackupVerbGuard
{
    public static async Task<int> RunAsync(TextWriter output, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (ExpectedFailureException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return ex.ExitCode;
        }
    }

    /// <summary>The lock of an existing database, or a sentence naming the path and Storage:DatabasePath.</summary>
    public static DatabaseLock LockExisting(string databasePath, string what)
    {
        var report = DatabaseFileCheck.Inspect(databasePath, deep: false, forWriting: false);
        if (report.State is DatabaseFileState.Missing or DatabaseFileState.ParentIsFile or DatabaseFileState.IsDirectory)
        {
            throw DatabaseGuard.Refuse(report, new BackupOptions());
        }

        return DatabaseLock.Acquire(databasePath, what);
    }
}

/// <summary>`backup [tệp.db] [--overwrite]`: a copy now; `backup list`: the copies, newest first.</summary>
public sealed class BackupVerb(DatabaseBackups backups) : ICliVerb
{
    public string Name => "backup";

    public string Usage => BackupTexts.BackupUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var overwrite = false;
        string? target = null;
        foreach (var a in arguments)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (!string.Equals(a, "--overwrite", StringComparison.OrdinalIgnoreCase))
                {
                    await output.WriteLineAsync(BackupTexts.Usage(Usage, BackupTexts.UnknownOption(a)));
                    return ExitCodes.Usage;
                }

                overwrite = true;
            }
            else if (target is null)
            {
                target = a;
            }
            else
            {
                await output.WriteLineAsync(BackupTexts.Usage(Usage, BackupTexts.ExtraArgument(a)));
                return ExitCodes.Usage;
            }
        }

        if (string.Equals(target, "list", StringComparison.OrdinalIgnoreCase))
        {
            return await BackupVerbGuard.RunAsync(output, () => List(output));
        }

        return await BackupVerbGuard.RunAsync(output, () =>
        {
            using var held = BackupVerbGuard.LockExisting(backups.DatabasePath, "backup");
            var result = backups.BackUpClosed(BackupReason.Regular, target is null ? null : CliPaths.ForWriting(target), overwrite);
            output.WriteLine(BackupTexts.Written(result));
            return ExitCodes.Ok;
        });
    }

    private int List(TextWriter output)
    {
        using var held = BackupVerbGuard.LockExisting(backups.DatabasePath, "backup list");
        var copies = backups.List();
        output.WriteLine(BackupTexts.ListHeader(backups.Folder, copies.Count));
        foreach (var copy in copies)
        {
            var report = DatabaseFileCheck.Inspect(copy.Path, deep: false, forWriting: false);
            output.WriteLine(BackupTexts.ListLine(copy, new FileInfo(copy.Path).Length, report));
        }

        return ExitCodes.Ok;
    }
}

/// <summary>`restore &lt;tệp&gt;`: replaces the database with a checked backup, keeping the current one.
/// Works on a damaged database: it takes only the lock and never opens the store.</summary>
public sealed class RestoreVerb(DatabaseBackups backups) : ICliVerb
{
    public string Name => "restore";

    public string Usage => BackupTexts.RestoreUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1 || arguments[0].StartsWith("--", StringComparison.Ordinal))
        {
            var problem = arguments.Count == 0 ? BackupTexts.MissingFile
                : arguments[0].StartsWith("--", StringComparison.Ordinal) ? BackupTexts.UnknownOption(arguments[0])
                : BackupTexts.ExtraArgument(arguments[1]);
            await output.WriteLineAsync(BackupTexts.Usage(Usage, problem));
            return ExitCodes.Usage;
        }

        return await BackupVerbGuard.RunAsync(output, () =>
        {
            var current = DatabaseFileCheck.Inspect(backups.DatabasePath, deep: false, forWriting: false);
            if (current.State is DatabaseFileState.IsDirectory or DatabaseFileState.ParentIsFile)
            {
                throw new ExpectedFailureException(BackupTexts.CurrentNotReplaceable(current), ExitCodes.DatabaseUnavailable);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(backups.DatabasePath)!);
            using var held = DatabaseLock.Acquire(backups.DatabasePath, "restore");
            var result = backups.Restore(CliPaths.ForReading(arguments[0]));
            output.WriteLine(BackupTexts.Restored(result));
            return ExitCodes.Ok;
        });
    }
}

/// <summary>`check`: reads every document of every collection; prints the counts, exit 0, or one sentence, exit 1.</summary>
public sealed class CheckVerb(DatabaseBackups backups) : ICliVerb
{
    public string Name => "check";

    public string Usage => BackupTexts.CheckUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count > 0)
        {
            await output.WriteLineAsync(BackupTexts.Usage(Usage, BackupTexts.ExtraArgument(arguments[0])));
            return ExitCodes.Usage;
        }

        return await BackupVerbGuard.RunAsync(output, () =>
        {
            using var held = BackupVerbGuard.LockExisting(backups.DatabasePath, "check");
            var report = DatabaseFileCheck.Inspect(backups.DatabasePath, deep: true, forWriting: false);
            if (!report.IsUsable)
            {
                throw new ExpectedFailureException(BackupTexts.CheckFailed(report), ExitCodes.Failed);
            }

            output.WriteLine(BackupTexts.CheckHeader(report));
            foreach (var (collection, count) in report.Counts.OrderBy(c => BackupTexts.CollectionOrder(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                output.WriteLine(BackupTexts.CheckCount(collection, count));
            }

            output.WriteLine(BackupTexts.CheckOk);
            return ExitCodes.Ok;
        });
    }
}
