using DoSon.Bot.Domain;
using DoSon.Bot.Reports;
using DoSon.Bot.Web;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.Playwright;
using DoSon.Bot.Tests.Fakes;

namespace DoSon.Bot.Tests.Web;

/// <summary>Báo cáo and Lịch in a real browser (see <see cref="Browser"/>), on the March sample.</summary>
[Collection(RunsAlone.Name)]
public sealed class BaoCaoBrowserTests
{
    [SkippableTheory]
    [InlineData(390, 844, "390")]
    [InlineData(1280, 900, "desktop")]
    public async Task A_leader_picks_03_2026_downloads_the_docx_and_makes_a_calendar_address(int width, int height, string name)
    {
        Browser.SkipIfMissing();

        await using var web = await WebConsole.StartAsync(marchSample: true);
        // April: the page opens on this month, and the leader picks March.
        web.SetWardTime(new DateOnly(2026, 4, 2), new TimeOnly(8, 0));
        await using var browser = await Browser.SignedInAsync(web, "CT-UBND", width, height);
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.ReportPage, Exact = true }).ClickAsync();
        (await page.Locator("h2").First.InnerTextAsync()).Should().Be(ReportTexts.Title(4, 2026));
        await page.GetByLabel(WebTexts.ReportMonth).FillAsync("03/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.ReportShow }).ClickAsync();
        await page.WaitForURLAsync("**/bao-cao?thang=03*");
        (await page.Locator("h2").First.InnerTextAsync()).Should().Be(ReportTexts.Title(3, 2026));
        await browser.ShouldFitAsync(width);
        await browser.ScreenshotAsync($"web-bao-cao-{name}");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = WebTexts.ReportDownloadDocx }).ClickAsync());
        download.SuggestedFilename.Should().Be("Báo cáo tháng 03-2026.docx");
        var saved = Path.Combine(Path.GetTempPath(), $"doson-{Guid.NewGuid():N}.docx");
        try
        {
            await download.SaveAsAsync(saved);
            using var document = WordprocessingDocument.Open(saved, false);
            document.MainDocumentPart!.Document.Body!.InnerText.Should().Contain(ReportTexts.DocumentSubject(3, 2026));
        }
        finally
        {
            File.Delete(saved);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.CalendarPage, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.CalendarCreate }).ClickAsync();
        var address = await page.Locator("a.feed").InnerTextAsync();
        address.Should().StartWith(web.BaseAddress + "lich/").And.EndWith(".ics");
        (await page.ContentAsync()).Should().Contain(WebTexts.CalendarShownOnce);
        await browser.ShouldFitAsync(width);
        browser.ConsoleErrors.Should().BeEmpty("the pages break none of their Content-Security-Policy");
        await browser.ScreenshotAsync($"web-lich-{name}");
    }
}
