using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Backups;

public sealed record BackupResult(string Path, long Bytes, DatabaseFileReport Report, IReadOnlyList<string> Deleted);

public sealed record RestoreResult(string DatabasePath, string Source, DatabaseFileReport Report, string? KeptCopy, string? MovedAside);

/// <summary>Writing, listing, rotating and restoring copies of the database. Every copy is written
/// to a hidden temporary name, opened again read-only and read through (the deep check), and only
/// then renamed to its final name, so a file with a backup's name is always a good one.</summary>
public sealed class DatabaseBackups(IOptions<BackupOptions> options, IOptions<StorageOptions> storage, TimeProvider time)
{
    private readonly BackupOptions _options = options.Value;

    public string DatabasePath { get; } = Path.GetFullPath(storage.Value.DatabasePath);

    public string Folder => _options.ResolveFolder(DatabasePath);

    private string Prefix => Path.GetFileNameWithoutExtension(DatabasePath);

    /// <summary>The copies the bot named in the backup folder, newest first.</summary>
    public IReadOnlyList<BackupCopy> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Folder, "*.db")
            .Select(f => BackupCopy.Parse(Prefix, f))
            .OfType<BackupCopy>()
            .OrderByDescending(c => c.LocalTime)
            .ThenByDescending(c => c.Sequence)];
    }

    /// <summary>Writes a copy made by <paramref name="copyTo"/> (which creates the file it is given):
    /// into the backup folder under a dated name, then rotates; or to <paramref name="target"/>
    /// (a file, or a folder to put the dated name in), never over an existing file unless told.</summary>
    public BackupResult Write(Action<string> copyTo, BackupReason reason, string? target = null, bool overwrite = false)
    {
        // One copy at a time: two at once (a daily copy the clock caught up on and a copy before an
        // import in the same minute) would pick the same dated name and share its temporary file.
        lock (WriteGate)
        {
            return WriteOne(copyTo, reason, target, overwrite);
        }
    }

    private static readonly Lock WriteGate = new();

    private BackupResult WriteOne(Action<string> copyTo, BackupReason reason, string? target, bool overwrite)
    {
        var intoFolder = target is null;
        var final = intoFolder ? NextName(Folder, reason) : Target(target!, reason);
        if (!overwrite && File.Exists(final))
        {
            throw new ExpectedFailureException(BackupTexts.TargetExists(final), ExitCodes.Failed);
        }

        var temp = Path.Combine(Path.GetDirectoryName(final)!, "." + Path.GetFileNameWithoutExtension(final) + ".dang-ghi.db");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            DeleteIfExists(temp);
            copyTo(temp);
            var report = DatabaseFileCheck.Inspect(temp, deep: true, forWriting: false);
            if (!report.IsUsable)
            {
                throw new ExpectedFailureException(BackupTexts.NotVerified(final, report), ExitCodes.Failed);
            }

            File.Move(temp, final, overwrite);
            var bytes = new FileInfo(final).Length;
            var deleted = intoFolder ? Rotate(final) : [];
            return new(final, bytes, report with { Path = final }, deleted);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(BackupTexts.CannotWrite(final, ex.Message), ExitCodes.Failed, ex);
        }
        finally
        {
            TryDelete(temp);
            TryDelete(DatabaseFileCopy.LogFileOf(temp));
        }
    }

    /// <summary>A copy of the database while no program has it open; the caller holds its <see cref="DatabaseLock"/>.</summary>
    public BackupResult BackUpClosed(BackupReason reason, string? target = null, bool overwrite = false)
    {
        var current = DatabaseFileCheck.Inspect(DatabasePath, deep: true, forWriting: false);
        if (current.State == DatabaseFileState.Missing)
        {
            throw DatabaseGuard.Refuse(current, new BackupOptions());
        }

        if (!current.IsUsable)
        {
            throw new ExpectedFailureException(BackupTexts.DatabaseNotCopyable(current), ExitCodes.Failed);
        }

        return Write(temp => DatabaseFileCopy.CopyClosed(DatabasePath, temp), reason, target, overwrite);
    }

    /// <summary>Replaces the database with a checked copy of <paramref name="source"/>, all or nothing;
    /// the database as it was is kept as a backup first (or, when it cannot be read, moved aside
    /// beside itself as "name.hong-time.db"). The caller holds the <see cref="DatabaseLock"/>.</summary>
    public RestoreResult Restore(string source)
    {
        var from = Path.GetFullPath(source);
        if (string.Equals(from, DatabasePath, StringComparison.Ordinal))
        {
            throw new ExpectedFailureException(BackupTexts.RestoreOntoItself(from), ExitCodes.Failed);
        }

        var checkedSource = DatabaseFileCheck.Inspect(from, deep: true, forWriting: false);
        if (!checkedSource.IsUsable)
        {
            throw new ExpectedFailureException(BackupTexts.NotRestorable(checkedSource), ExitCodes.Failed);
        }

        var current = DatabaseFileCheck.Inspect(DatabasePath, deep: true, forWriting: true);
        if (current.State is DatabaseFileState.IsDirectory or DatabaseFileState.ParentIsFile or DatabaseFileState.Unreadable or DatabaseFileState.NotWritable)
        {
            throw new ExpectedFailureException(BackupTexts.CurrentNotReplaceable(current), ExitCodes.DatabaseUnavailable);
        }

        var folder = Path.GetDirectoryName(DatabasePath)!;
        var temp = Path.Combine(folder, "." + Path.GetFileNameWithoutExtension(DatabasePath) + ".dang-khoi-phuc.db");
        string? kept = null, aside = null;
        try
        {
            // The new file first, checked, beside the database: the rename below is then all or nothing.
            Directory.CreateDirectory(folder);
            DeleteIfExists(temp);
            DatabaseFileCopy.CopyClosed(from, temp);
            var copied = DatabaseFileCheck.Inspect(temp, deep: true, forWriting: false);
            if (!copied.IsUsable)
            {
                throw new ExpectedFailureException(BackupTexts.NotRestorable(copied with { Path = from }), ExitCodes.Failed);
            }

            if (current.IsUsable)
            {
                try
                {
                    kept = BackUpClosed(BackupReason.BeforeRestore).Path;
                }
                catch (ExpectedFailureException ex)
                {
                    throw new ExpectedFailureException(BackupTexts.CurrentNotKept(DatabasePath, ex.Message), ExitCodes.Failed, ex);
                }
            }
            else if (current.State != DatabaseFileState.Missing)
            {
                aside = Path.Combine(folder, Path.GetFileNameWithoutExtension(DatabasePath) + ".hong-"
                    + WardClock.ToLocal(time.GetUtcNow()).ToString("yyyy-MM-dd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + ".db");
                File.Move(DatabasePath, aside);
                if (File.Exists(DatabaseFileCopy.LogFileOf(DatabasePath)))
                {
                    File.Move(DatabaseFileCopy.LogFileOf(DatabasePath), DatabaseFileCopy.LogFileOf(aside));
                }
            }

            // A log left by the old database would be replayed onto the restored one.
            DeleteIfExists(DatabaseFileCopy.LogFileOf(DatabasePath));
            File.Move(temp, DatabasePath, overwrite: true);
            return new(DatabasePath, from, copied with { Path = DatabasePath }, kept, aside);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(BackupTexts.CannotWrite(DatabasePath, ex.Message), ExitCodes.Failed, ex);
        }
        finally
        {
            TryDelete(temp);
            TryDelete(DatabaseFileCopy.LogFileOf(temp));
        }
    }

    private string Target(string target, BackupReason reason)
    {
        var full = Path.GetFullPath(target);
        return Directory.Exists(full) ? NextName(full, reason) : full;
    }

    private string NextName(string folder, BackupReason reason)
    {
        var local = WardClock.ToLocal(time.GetUtcNow()).DateTime;
        for (var sequence = 1; ; sequence++)
        {
            var path = Path.Combine(folder, BackupCopy.FileName(Prefix, local, reason, sequence));
            if (!File.Exists(path))
            {
                return path;
            }
        }
    }

    private List<string> Rotate(string justMade)
    {
        var deleted = new List<string>();
        foreach (var copy in BackupRotation.ToDelete(List(), _options.KeepDaily, _options.KeepMonthly, justMade))
        {
            if (TryDelete(copy.Path))
            {
                deleted.Add(copy.Path);
            }
        }

        return deleted;
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            DeleteIfExists(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
