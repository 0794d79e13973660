using DocumentFormat.OpenXml.Packaging;
using DoSon.Bot.Cli;
using DoSon.Bot.Reports;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reports;

public class MonthlyReportTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_report_counts_done_carries_over_unfinished_and_quotes_blockers()
    {
        await _bot.SayAsync(WardData.UbndOfficer, "/xong T1");
        await _bot.SayAsync(WardData.Police, "/vuongmac T3 thiếu lực lượng tuần tra");

        var text = (await _bot.Get<ReportService>().BuildAsync(2026, 3)).ToText();

        text.Should().StartWith("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM THÁNG 03 NĂM 2026\n(Số liệu đến ngày 08/03/2026");
        text.Should().Contain("- Tổng số nhiệm vụ: 3; hoàn thành 1 (33%).");
        text.Should().Contain("III. NHIỆM VỤ ĐÃ HOÀN THÀNH\n- T1: Nhiệm vụ T1 (Ủy ban nhân dân phường).");
        text.Should().Contain("- T3: Nhiệm vụ T3 — Công an phường chủ trì; vướng mắc 0%; hạn 05/03/2026 (quá hạn 3 ngày).");
        text.Should().Contain("V. KHÓ KHĂN, VƯỚNG MẮC\n- T3 (Công an phường): thiếu lực lượng tuần tra");
        text.Should().Contain("2.1. Công tác xây dựng Đảng, hệ thống chính trị và vận động Nhân dân: hoàn thành 1/3");
    }

    [Fact]
    public async Task A_month_without_tasks_says_so()
    {
        (await _bot.Get<ReportService>().BuildAsync(2026, 4)).ToText().Should().Contain("Không có nhiệm vụ nào có hạn trong tháng 04/2026.");
    }

    [Fact]
    public async Task BaoCao_is_for_leaders_and_checks_the_month()
    {
        (await _bot.SayAsync(WardData.UbndOfficer, "/baocao")).Should().Contain("chỉ dành cho lãnh đạo");
        (await _bot.SayAsync(WardData.UbndLeader, "/baocao 13/2026")).Should().Contain("«13/2026» không phải là tháng hợp lệ");
        (await _bot.SayAsync(WardData.UbndLeader, "/baocao")).Should().Contain("THÁNG 03 NĂM 2026");
    }

    [Fact]
    public async Task The_report_verb_writes_a_word_document()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bao-cao-{Guid.NewGuid():N}.docx");
        try
        {
            var output = new StringWriter();
            var code = await _bot.Get<ReportVerb>().RunAsync(["03/2026", "--out", path], output, CancellationToken.None);

            code.Should().Be(0);
            output.ToString().Should().Contain("Đã ghi báo cáo ra tệp");
            using var doc = WordprocessingDocument.Open(path, false);
            doc.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("IV. NHIỆM VỤ CHƯA HOÀN THÀNH");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("tháng ba")]
    [InlineData("03/2026|--out|bao-cao.pdf")]
    public async Task The_report_verb_explains_its_usage(string joined)
    {
        var args = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
        var output = new StringWriter();

        var code = await _bot.Get<ReportVerb>().RunAsync(args, output, CancellationToken.None);

        code.Should().Be(2);
        output.ToString().Should().MatchRegex("Cách dùng|chỉ hỗ trợ tệp");
    }

    [Theory]
    [InlineData(".txt")]
    [InlineData(".docx")]
    public async Task The_report_verb_refuses_to_overwrite_a_file_unless_asked(string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bao-cao-{Guid.NewGuid():N}{extension}");
        byte[] edited = [0xEF, 0xBB, 0xBF, 0x42, 0xE1, 0xBA, 0xA3, 0x6E, 0x20, 0x73, 0xE1, 0xBB, 0xAD, 0x61];
        await File.WriteAllBytesAsync(path, edited);
        try
        {
            var refusedOutput = new StringWriter();
            var refused = await _bot.Get<ReportVerb>().RunAsync(["03/2026", "--out", path], refusedOutput, CancellationToken.None);
            var after = await File.ReadAllBytesAsync(path);
            var replaced = await _bot.Get<ReportVerb>().RunAsync(["03/2026", "--out", path, "--overwrite"], new StringWriter(), CancellationToken.None);

            refused.Should().Be(1);
            refusedOutput.ToString().Should().Be(DoSon.Bot.Import.ImportTexts.AlreadyExists(path) + Environment.NewLine);
            after.Should().Equal(edited);
            replaced.Should().Be(0);
            (await File.ReadAllBytesAsync(path)).Should().NotEqual(edited);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_report_verbs_usage_mentions_overwrite() => _bot.Get<ReportVerb>().Usage.Should().Contain("--overwrite");
}
