using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Tests.Notices;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Playwright;
using DoSon.Bot.Tests.Fakes;

namespace DoSon.Bot.Tests.Web;

/// <summary>Nhập dữ liệu in a real browser: the March notice chosen in the file input, a deadline corrected
/// in the draft, the preview, the confirmation and its report.</summary>
[Collection(RunsAlone.Name)]
public sealed class ImportBrowserTests
{
    [SkippableTheory]
    [InlineData(390, 844, "390")]
    [InlineData(1280, 900, "desktop")]
    public async Task The_March_notice_is_uploaded_corrected_previewed_and_imported(int width, int height, string name)
    {
        Browser.SkipIfMissing();

        await using var web = await WebConsole.StartAsync(marchSample: true);
        await using var browser = await Browser.SignedInAsync(web, "CVP", width, height);
        var page = browser.Page;

        await page.GotoAsync(new Uri(web.BaseAddress, "nhap-du-lieu").ToString());
        await page.Locator("#tep").SetInputFilesAsync(NoticeFixtures.TestData(NoticeFixtures.MarchFile));
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.ImportUpload }).ClickAsync();
        await page.WaitForURLAsync("**/nhap-du-lieu/ban-nhap/**");

        var code = NoticeFixtures.March.Report.Attention.First(a => a.Kind is DoSon.Bot.Notices.AttentionKind.NoDate or DoSon.Bot.Notices.AttentionKind.AmbiguousDate).TaskCode!;
        var due = page.GetByLabel($"{WebTexts.DraftColumnDue} {code}", new() { Exact = true });
        (await due.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor")).Should().NotBe("rgb(187, 187, 187)", "the guessed deadline is highlighted");
        await due.FillAsync("26/03/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.DraftSave }).ClickAsync();
        await page.WaitForURLAsync("**/nhap-du-lieu/xem-truoc/**");

        (await page.Locator("table.preview").InnerTextAsync()).Should().Contain(code).And.Contain("26/03/2026");
        await browser.ShouldFitAsync(width);
        await browser.ScreenshotAsync($"web-nhap-du-lieu-{name}");

        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.PreviewConfirm }).ClickAsync();
        await page.WaitForURLAsync("**/nhap-du-lieu/ket-qua/**");
        (await page.Locator("pre.report").InnerTextAsync()).Should().Contain(ImportTexts.Applied);
        browser.ConsoleErrors.Should().BeEmpty();
        (await web.Bot.Store.FindTaskAsync(code))!.Due.Should().Be(new DateOnly(2026, 3, 26));
    }
}
