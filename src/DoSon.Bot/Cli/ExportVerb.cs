using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Cli;

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

        var store = services.GetRequiredService<IBotStore>();

        var file = await AssignmentExporter.ExportAsync(store);
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
