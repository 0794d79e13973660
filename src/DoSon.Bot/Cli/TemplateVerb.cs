using DoSon.Bot.Import;

namespace DoSon.Bot.Cli;

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
