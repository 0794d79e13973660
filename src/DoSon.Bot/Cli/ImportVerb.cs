using DoSon.Bot.Import;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Cli;

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
        // The store opens on first use: a database that cannot be used is an ExpectedFailureException
        // the top level says in one sentence with its own exit code.
        var importer = services.GetRequiredService<AssignmentImporter>();

        var outcome = await importer.ImportAsync(CliPaths.ForReading(args.Path!), dryRun, CliMember);
        await output.WriteLineAsync(ImportReport.Format(outcome, Path.GetFileName(args.Path!), dryRun));
        return outcome.Succeeded ? 0 : VerbArguments.Failed;
    }
}
