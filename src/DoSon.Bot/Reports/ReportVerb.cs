using DoSon.Bot.Hosting;

namespace DoSon.Bot.Reports;

/// <summary>`report 03/2026 [--out báo-cáo.docx]`: the monthly report, on the terminal or in a file.</summary>
public sealed class ReportVerb(ReportService reports) : ICliVerb
{
    public string Name => "report";

    public string Usage => ReportTexts.Usage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        string? path = null;
        var positional = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--out" && i + 1 < arguments.Count && path is null)
            {
                path = arguments[++i];
            }
            else
            {
                positional.Add(arguments[i]);
            }
        }

        if (positional.Count != 1 || positional[0].StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"Cách dùng: {Usage}");
            return CliRunner.UsageError;
        }

        if (!ReportService.TryParseMonth(positional[0], out var year, out var month))
        {
            await output.WriteLineAsync(ReportTexts.BadMonth(positional[0]) + $"\nCách dùng: {Usage}");
            return CliRunner.UsageError;
        }

        var report = reports.Build(year, month);
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
