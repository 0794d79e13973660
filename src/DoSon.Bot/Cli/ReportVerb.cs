using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Reports;

namespace DoSon.Bot.Cli;

/// <summary>`report 03/2026 [--out báo-cáo.docx] [--overwrite]`: the monthly report, on the terminal or
/// in a file. An existing file (one the office may have edited) is replaced only with --overwrite.</summary>
public sealed class ReportVerb(ReportService reports) : ICliVerb
{
    public string Name => "report";

    public string Usage => ReportTexts.Usage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        string? path = null;
        var overwrite = false;
        var positional = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--out" && i + 1 < arguments.Count && path is null)
            {
                path = arguments[++i];
            }
            else if (arguments[i] == "--overwrite" && !overwrite)
            {
                overwrite = true;
            }
            else
            {
                positional.Add(arguments[i]);
            }
        }

        if (positional.Count != 1 || positional[0].StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"Cách dùng: {ProgramName.Command(Usage)}");
            return CliRunner.UsageError;
        }

        if (!ReportService.TryParseMonth(positional[0], out var year, out var month))
        {
            await output.WriteLineAsync(ReportTexts.BadMonth(positional[0]) + $"\nCách dùng: {ProgramName.Command(Usage)}");
            return CliRunner.UsageError;
        }

        if (path is not null && Path.GetExtension(path).ToLowerInvariant() is not (".txt" or ".docx"))
        {
            await output.WriteLineAsync(ReportTexts.BadOut(path));
            return CliRunner.UsageError;
        }

        // Refuse before building, so that a report the office has edited is never silently replaced.
        if (path is not null && File.Exists(path) && !overwrite)
        {
            await output.WriteLineAsync(ImportTexts.AlreadyExists(path));
            return ExitCodes.Failed;
        }

        var report = await reports.BuildAsync(year, month);
        if (path is null)
        {
            await output.WriteLineAsync(report.ToText());
            return 0;
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".txt":
                await File.WriteAllTextAsync(path, report.ToText() + "\n", cancellationToken);
                break;
            case ".docx":
                ReportDocument.WriteDocx(report, path);
                break;
            default:
                await output.WriteLineAsync(ReportTexts.BadOut(path));
                return CliRunner.UsageError;
        }

        await output.WriteLineAsync(ReportTexts.Written(path));
        return 0;
    }
}
