using DoSon.Bot.Cli;
using DoSon.Bot.Import;
using DoSon.Bot.Reports;
using DoSon.Bot.Tests.Fakes;

namespace DoSon.Bot.Tests.Reports;

/// <summary>The March 2026 sample on 08/03/2026 after a week of chat: one task done, one blocked in the
/// reporter's words, one in progress, one overdue; its text version and its Word document.</summary>
internal sealed class MarchReport : IAsyncDisposable
{
    public const string BlockerWords = "thiếu lực lượng tuần tra ban đêm";

    private BotHarness _bot = null!;

    private MarchReport(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public MonthlyReport Report { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public string DocxPath => Path.Combine(Folder, "bao-cao-03-2026.docx");

    public static async Task<MarchReport> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"doson-report-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var march = new MarchReport(folder);
        march._bot = await BotHarness.CreateAsync(seedWard: false);
        var sample = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
        var outcome = await march._bot.Get<AssignmentImporter>().ImportAsync(sample, dryRun: false, "seed");
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", outcome.Errors));
        }

        await march.SayAsync("CC-VHXH", "/xong T2603-223-02");
        await march.SayAsync("TCA", $"/vuongmac T2603-225-02 {BlockerWords}");
        await march.SayAsync("CT-HDND", "/capnhat T2603-21-07 40");

        march.Report = await march._bot.Get<ReportService>().BuildAsync(2026, 3);
        march.Text = march.Report.ToText();
        var code = await march._bot.Get<ReportVerb>().RunAsync(["03/2026", "--out", march.DocxPath], new StringWriter(), CancellationToken.None);
        if (code != 0)
        {
            throw new InvalidOperationException($"report exited with {code}");
        }

        return march;
    }

    private async Task SayAsync(string member, string text) =>
        await _bot.SayAsync(await _bot.Store.FindMemberAsync(member) ?? throw new InvalidOperationException(member), text);

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
