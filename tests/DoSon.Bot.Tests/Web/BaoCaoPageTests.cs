using System.Net;
using DoSon.Bot.Domain;
using DoSon.Bot.Reports;
using DoSon.Bot.Web;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace DoSon.Bot.Tests.Web;

/// <summary>Báo cáo over HTTP on the March sample: the same report as /baocao, and its downloads.</summary>
public sealed class BaoCaoPageTests : IAsyncLifetime
{
    private WebConsole _web = null!;

    public async Task InitializeAsync()
    {
        _web = await WebConsole.StartAsync(marchSample: true);
        // 20/03/2026: some deadlines have passed, so the report has overdue rows.
        _web.SetWardTime(new DateOnly(2026, 3, 20), new TimeOnly(8, 0));
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private Task<MonthlyReport> MarchAsync() => _web.Bot.Services.GetRequiredService<ReportService>().BuildAsync(2026, 3);

    [Fact]
    public async Task The_page_for_03_2026_shows_the_figures_of_the_text_report()
    {
        var client = await _web.SignedInClientAsync("CT-UBND");

        var response = await client.GetAsync("/bao-cao?thang=03/2026");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var report = await MarchAsync();
        var text = report.ToText();
        page.Should().Contain(report.Title);
        foreach (var line in report.Blocks.First(b => b.Heading == ReportTexts.Summary).Lines)
        {
            text.Should().Contain(line);
            page.Should().Contain(line.TrimStart('-', ' '));
        }

        report.Units.Should().NotBeEmpty();
        foreach (var unit in report.Units)
        {
            text.Should().Contain(unit.ToLine(), "the page's unit rows are the text's section VI");
            page.Should().Contain(unit.Name);
        }

        foreach (var row in report.Sections.SelectMany(s => s.Rows).Where(r => r.Status != WorkTaskStatus.Done))
        {
            text.Should().Contain(row.ToLine());
            page.Should().Contain(row.ToLine().TrimStart('-', ' '), "the carried-over list is the text's section IV");
        }

        report.Sections.SelectMany(s => s.Rows).Should().Contain(r => r.DaysOverdue != null, "20/03 is past some deadlines");
        foreach (var section in report.Sections)
        {
            page.Should().Contain(section.Summary.TrimStart('-', ' '));
        }
    }

    [Fact]
    public async Task Without_a_month_the_page_shows_this_month_on_the_app_clock()
    {
        var client = await _web.SignedInClientAsync("CVP");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/bao-cao"));

        page.Should().Contain(ReportTexts.Title(3, 2026)).And.Contain("value=\"03/2026\"");
    }

    [Theory]
    [InlineData("13/2026")]
    [InlineData("tháng ba")]
    public async Task A_bad_month_is_one_sentence_naming_the_field_and_the_form(string month)
    {
        var client = await _web.SignedInClientAsync("CVP");

        var response = await client.GetAsync("/bao-cao?thang=" + Uri.EscapeDataString(month));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.Should().Contain(WebTexts.ReportBadMonth(month)).And.Contain("MM/yyyy").And.NotContain(ReportTexts.Summary);
        (await client.GetAsync("/bao-cao?handler=Docx&thang=" + Uri.EscapeDataString(month))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("CC-VHXH")]
    [InlineData("BT-TDP8")]
    public async Task A_member_is_refused_in_Vietnamese_with_403_and_gets_no_download(string member)
    {
        var client = await _web.SignedInClientAsync(member);

        var response = await client.GetAsync("/bao-cao?thang=03/2026");
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.Should().Contain(WebTexts.ReportLeadersOnly).And.NotContain(ReportTexts.Summary);
        (await client.GetAsync("/bao-cao?handler=Docx&thang=03/2026")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/bao-cao?handler=Xlsx&thang=03/2026")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_a_session_the_page_and_its_downloads_send_to_sign_in()
    {
        foreach (var path in new[] { "/bao-cao", "/bao-cao?handler=Docx&thang=03/2026", "/tong-quan/bieu-do.png" })
        {
            var response = await _web.Client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.Should().Be(WebSession.NeedSignInPath);
        }
    }

    [Fact]
    public async Task The_docx_download_opens_with_the_reports_content_and_the_chart()
    {
        var client = await _web.SignedInClientAsync("CT-UBND");

        var response = await client.GetAsync("/bao-cao?handler=Docx&thang=03/2026");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Báo cáo tháng 03-2026.docx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!.InnerText;
        var report = await MarchAsync();
        body.Should().Contain(report.Units[0].Name).And.Contain(report.Sections[0].Rows[0].Code);
        var image = document.MainDocumentPart.ImageParts.Should().ContainSingle().Subject;
        using var png = image.GetStream();
        var head = new byte[8];
        png.ReadExactly(head);
        head.Should().Equal(PngSignature);
    }

    [Fact]
    public async Task The_xlsx_download_has_one_sheet_per_view_with_the_reports_rows()
    {
        var client = await _web.SignedInClientAsync("BT");

        var response = await client.GetAsync("/bao-cao?handler=Xlsx&thang=3/2026");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Báo cáo tháng 03-2026.xlsx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        stream.GetSheetNames().Should().Equal(WebTexts.SheetByUnit, WebTexts.SheetBySection, WebTexts.SheetCarriedOver, WebTexts.SheetBlockers);
        var report = await MarchAsync();
        var units = stream.Query(useHeaderRow: true, sheetName: WebTexts.SheetByUnit).Cast<IDictionary<string, object?>>().ToList();
        units.Should().HaveCount(report.Units.Count);
        var first = units[0];
        first[WebTexts.ColumnUnit].Should().Be(report.Units[0].Name);
        Convert.ToInt32(first[WebTexts.ColumnLed], System.Globalization.CultureInfo.InvariantCulture).Should().Be(report.Units[0].Total);
        var carried = stream.Query(useHeaderRow: true, sheetName: WebTexts.SheetCarriedOver).Cast<IDictionary<string, object?>>().ToList();
        carried.Select(r => r[WebTexts.ColumnCode]).Should().Equal(report.Sections.SelectMany(s => s.Rows).Where(r => r.Status != WorkTaskStatus.Done).Select(r => (object?)r.Code));
    }

    [Fact]
    public async Task The_dashboard_chart_as_PNG_has_the_signature_and_the_svgs_size()
    {
        var client = await _web.SignedInClientAsync("CVP");

        var response = await client.GetAsync(WebConsolePipeline.DashboardChartPngPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(8).Should().Equal(PngSignature);
        // IHDR: width and height, big-endian, at bytes 16-23.
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)).Should().Be(DashboardChart.Width);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)).Should().Be(DashboardChart.Height);
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
}
