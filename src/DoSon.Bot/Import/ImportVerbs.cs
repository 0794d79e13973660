using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Import;

/// <summary>`import &lt;tệp&gt; [--dry-run]`: 0 when the file was imported (or would be), 1 when the
/// file has errors, 2 when the command line is wrong.</summary>
public sealed class ImportVerb(IServiceProvider services) : ICliVerb
{
    /// <summary>Who the task history names for an import run from the command line.</summary>
    public const string CliMember = "cli";

    public string Name => "import";

    public string Usage => ImportTexts.ImportUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var args = VerbArguments.Parse(arguments, ["--dry-run"], [".json", ".xlsx"], ".json hoặc .xlsx");
        if (args.Problem is not null)
        {
            await output.WriteLineAsync(ImportTexts.Usage(Usage, args.Problem));
            return CliRunner.UsageError;
        }

        var dryRun = args.Flags.Contains("--dry-run");
        var importer = VerbArguments.Resolve<AssignmentImporter>(services, out var failure);
        if (importer is null)
        {
            await output.WriteLineAsync(failure);
            return VerbArguments.Failed;
        }

        var outcome = importer.Import(CliPaths.ForReading(args.Path!), dryRun, CliMember);
        await output.WriteLineAsync(ImportReport.Format(outcome, Path.GetFileName(args.Path!), dryRun));
        return outcome.Succeeded ? 0 : VerbArguments.Failed;
    }
}

/// <summary>`export &lt;tệp&gt; [--overwrite]`: the database in the import format.</summary>
public sealed class ExportVerb(IServiceProvider services) : ICliVerb
{
    public string Name => "export";

    public string Usage => ImportTexts.ExportUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var args = VerbArguments.Parse(arguments, ["--overwrite"], [".json", ".xlsx"], ".json hoặc .xlsx");
        if (args.Problem is not null)
        {
            await output.WriteLineAsync(ImportTexts.Usage(Usage, args.Problem));
            return CliRunner.UsageError;
        }

        var path = CliPaths.ForWriting(args.Path!);
        if (File.Exists(path) && !args.Flags.Contains("--overwrite"))
        {
            await output.WriteLineAsync(ImportTexts.AlreadyExists(path));
            return VerbArguments.Failed;
        }

        var store = VerbArguments.Resolve<IBotStore>(services, out var failure);
        if (store is null)
        {
            await output.WriteLineAsync(failure);
            return VerbArguments.Failed;
        }

        var file = AssignmentExporter.Export(store);
        if (!VerbArguments.TryWrite(() =>
            {
                if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
                {
                    AssignmentJson.Write(file, path);
                }
                else
                {
                    AssignmentWorkbook.Write(file, path);
                }
            }))
        {
            await output.WriteLineAsync(ImportTexts.CannotWrite(path));
            return VerbArguments.Failed;
        }

        await output.WriteLineAsync(ImportTexts.Exported(path, file));
        return 0;
    }
}

/// <summary>`template &lt;tệp.xlsx&gt; [--overwrite]`: an empty workbook to fill in. Needs no database.</summary>
public sealed class TemplateVerb : ICliVerb
{
    public string Name => "template";

    public string Usage => ImportTexts.TemplateUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var args = VerbArguments.Parse(arguments, ["--overwrite"], [".xlsx"], ".xlsx");
        if (args.Problem is not null)
        {
            await output.WriteLineAsync(ImportTexts.Usage(Usage, args.Problem));
            return CliRunner.UsageError;
        }

        var path = CliPaths.ForWriting(args.Path!);
        if (File.Exists(path) && !args.Flags.Contains("--overwrite"))
        {
            await output.WriteLineAsync(ImportTexts.AlreadyExists(path));
            return VerbArguments.Failed;
        }

        if (!VerbArguments.TryWrite(() => AssignmentWorkbook.Write(new AssignmentFile(), path)))
        {
            await output.WriteLineAsync(ImportTexts.CannotWrite(path));
            return VerbArguments.Failed;
        }

        await output.WriteLineAsync(ImportTexts.TemplateWritten(path));
        return 0;
    }
}

internal sealed record VerbArguments(string? Path, IReadOnlySet<string> Flags, string? Problem)
{
    /// <summary>The exit code for input that could not be used (a file with errors, a file that
    /// cannot be written); 2 (<see cref="CliRunner.UsageError"/>) is for a wrong command line.</summary>
    public const int Failed = 1;

    public static VerbArguments Parse(IReadOnlyList<string> arguments, string[] flags, string[] extensions, string allowed)
    {
        string? path = null;
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in arguments)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (!flags.Contains(a, StringComparer.OrdinalIgnoreCase))
                {
                    return new(null, set, ImportTexts.UnknownOption(a));
                }

                set.Add(a);
            }
            else if (path is null)
            {
                path = a;
            }
            else
            {
                return new(null, set, ImportTexts.ExtraArgument(a));
            }
        }

        if (path is null)
        {
            return new(null, set, ImportTexts.MissingPath);
        }

        var extension = System.IO.Path.GetExtension(path);
        return extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? new(path, set, null)
            : new(null, set, ImportTexts.WrongExtension(extension, allowed));
    }

    /// <summary>The store is resolved only when a verb needs it, so that `template` and a wrong
    /// command line never open (or create) the database file, and a database that cannot be opened
    /// is reported in a sentence instead of a stack trace.</summary>
    public static T? Resolve<T>(IServiceProvider services, out string? failure)
        where T : class
    {
        try
        {
            failure = null;
            return services.GetRequiredService<T>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or LiteDB.LiteException)
        {
            failure = ImportTexts.CannotOpenDatabase(ex.Message);
            return null;
        }
    }

    public static bool TryWrite(Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
