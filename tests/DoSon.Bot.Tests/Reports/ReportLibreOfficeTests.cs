using System.Diagnostics;
using System.Text.RegularExpressions;
using DoSon.Bot.Reports;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reports;

/// <summary>The March 2026 report opens in LibreOffice: converted to PDF by `soffice --headless`, its text
/// (read with poppler's pdftotext when present) carries the text version's facts. Runs only where
/// LibreOffice is installed (`apt-get install libreoffice-writer-nogui poppler-utils`); CI does not
/// install it, so there the test is reported as skipped with the reason.</summary>
public sealed partial class ReportLibreOfficeTests
{
    /// <summary>A generous bound on an external program's start-up on a busy machine; not a timed assertion.</summary>
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(4);

    [SkippableFact]
    public async Task The_march_report_opens_in_libreoffice_and_reads_as_its_text_version()
    {
        var soffice = OnPath("soffice");
        Skip.If(soffice is null, "LibreOffice (soffice) is not on PATH: apt-get install -y libreoffice-writer-nogui poppler-utils to run this test.");

        await using var march = await MarchReport.CreateAsync();
        var outDir = Path.Combine(march.Folder, "pdf");
        Directory.CreateDirectory(outDir);
        var profile = new Uri(Path.Combine(march.Folder, "lo-profile")).AbsoluteUri;

        var (code, output) = await RunAsync(soffice!, [$"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", outDir, march.DocxPath]);

        code.Should().Be(0, output);
        var pdf = Path.Combine(outDir, Path.ChangeExtension(Path.GetFileName(march.DocxPath), ".pdf"));
        File.Exists(pdf).Should().BeTrue(output);
        new FileInfo(pdf).Length.Should().BeGreaterThan(20_000, "a report of 23 tasks in tables is more than an empty page");

        var pdftotext = OnPath("pdftotext");
        if (pdftotext is null)
        {
            return;
        }

        var (textCode, textOutput) = await RunAsync(pdftotext, ["-enc", "UTF-8", pdf, "-"]);
        textCode.Should().Be(0, textOutput);
        var text = Flat(textOutput);
        var expected = new List<string>
        {
            ReportTexts.SuperiorCommittee, ReportTexts.Committee, ReportTexts.Number, ReportTexts.Party,
            ReportTexts.PlaceAndDate(new DateOnly(2026, 3, 8)), ReportTexts.DocumentKind, ReportTexts.DocumentSubject(3, 2026),
            march.Report.AsOf, ReportTexts.OnBehalf, ReportTexts.Recipients, MarchReport.BlockerWords,
        };
        expected.AddRange(march.Report.Blocks.Select(b => b.Heading));
        expected.AddRange(march.Report.Sections.Select(s => s.Name));
        // Table cells wrap, so each task is looked for by its code, unit, deadline, and percent.
        foreach (var (field, rows) in ReportDocumentTests.TextSections(march.Text))
        {
            expected.Add(field);
            expected.AddRange(rows.Select(r => $"({r.Code})"));
        }

        expected.Select(Flat).Where(e => !text.Contains(e, StringComparison.Ordinal)).Should().BeEmpty("the PDF's text is:\n" + textOutput);
        Regex.Count(text, @"\d\d/03/2026").Should().BeGreaterThanOrEqualTo(23, "every task's deadline is in a table");
    }

    private static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{program} did not finish within {ProcessTimeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
