using DoSon.Bot.Channels;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Reminders;
using DoSon.Bot.Reports;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Notices;
using DoSon.Bot.Web;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DoSon.Bot.Tests.Web;

/// <summary>The office's whole month in one browser, while the bot keeps running: the March notice in,
/// its draft corrected and imported, a member invited with a QR code that reads back, a leader's
/// progress from chat seen on the task's page and the dashboard, and the month's report downloaded.</summary>
[Collection(RunsAlone.Name)]
public sealed class MonthlyCycleBrowserTests
{
    [SkippableTheory]
    [InlineData(390, 844, "390")]
    [InlineData(1280, 900, "desktop")]
    public async Task The_office_runs_the_month_from_the_browser_without_stopping_the_bot(int width, int height, string name)
    {
        Browser.SkipIfMissing();

        await using var web = await WebConsole.StartAsync(MembersPageTests.Settings, marchSample: true);
        var admin = (await web.Bot.Store.FindMemberAsync("CVP"))!;
        await using var browser = await Browser.OpenAsync(width, height);
        await browser.SignInAsync(web, await web.LinkFromChatAsync(admin));
        var page = browser.Page;
        string Url(string path) => new Uri(web.BaseAddress, path).ToString();

        var replans = web.Bot.Services.GetRequiredService<ReminderService>().Queue;
        var runs = replans.Runs;

        // 1. The notice in, a guessed deadline corrected in the draft, the preview, the import.
        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.ImportPage, Exact = true }).ClickAsync();
        await page.Locator("#tep").SetInputFilesAsync(NoticeFixtures.TestData(NoticeFixtures.MarchFile));
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.ImportUpload }).ClickAsync();
        await page.WaitForURLAsync("**/nhap-du-lieu/ban-nhap/**");
        var corrected = NoticeFixtures.March.Report.Attention.First(a => a.Kind is DoSon.Bot.Notices.AttentionKind.NoDate or DoSon.Bot.Notices.AttentionKind.AmbiguousDate).TaskCode!;
        await page.GetByLabel($"{WebTexts.DraftColumnDue} {corrected}", new() { Exact = true }).FillAsync("27/03/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.DraftSave }).ClickAsync();
        await page.WaitForURLAsync("**/nhap-du-lieu/xem-truoc/**");
        (await page.Locator("table.preview").InnerTextAsync()).Should().Contain(corrected).And.Contain("27/03/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.PreviewConfirm }).ClickAsync();
        await page.WaitForURLAsync("**/nhap-du-lieu/ket-qua/**");
        (await page.Locator("pre.report").InnerTextAsync()).Should().Contain(ImportTexts.Applied);
        (await web.Bot.Store.FindTaskAsync(corrected))!.Due.Should().Be(new DateOnly(2026, 3, 27));
        // The running bot re-plans the imported tasks in the background, a moment later on its clock.
        await ClockDriver.RunUntilAsync(web.Bot.Clock, () => replans.Runs > runs, ReminderService.ReplanDelay);
        (await web.Bot.Services.GetRequiredService<IReminderStore>().GetRemindersOfTaskAsync(corrected))
            .Where(r => r.State == ReminderState.Pending).Select(r => DateOnly.FromDateTime(WardClock.ToLocal(r.SendAt).DateTime))
            .Should().Contain(new DateOnly(2026, 3, 27), "the corrected task is reminded on its new deadline while the bot runs");

        // 2. A member invited: the QR code in the page reads back as the t.me link with the code.
        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.MembersPage, Exact = true }).ClickAsync();
        await page.Locator("tr[data-member='BT-DK']").GetByRole(AriaRole.Button, new() { Name = WebTexts.CreateInvite }).ClickAsync();
        var code = await page.Locator(".invite-code").InnerTextAsync();
        MembersBrowserTests.ReadQr(await page.Locator(".qr svg").ScreenshotAsync())
            .Should().Be($"https://t.me/{MembersPageTests.BotName}?start={code}");

        // 3. A leader reports progress in chat; the office sees it on the task's page and the dashboard.
        var leader = (await web.Bot.Store.FindMemberAsync("CT-UBND"))!;
        var open = (await web.Bot.Store.GetTasksLedByAsync(["UBND"])).Where(t => t.Status == WorkTaskStatus.NotStarted).ToList();
        var (task, finished) = (open[0], open[1]);
        var doneBefore = (await web.Bot.Store.GetTasksAsync()).Count(t => t.IsDone);
        await web.Bot.Services.GetRequiredService<Conversation>().AnswerAsync(leader, $"/capnhat {task.Code} 60", "console", CancellationToken.None);
        await web.Bot.Services.GetRequiredService<Conversation>().AnswerAsync(leader, $"/xong {finished.Code}", "console", CancellationToken.None);
        await page.GotoAsync(Url("nhiem-vu/" + task.Code));
        var taskPage = await page.Locator("main").InnerTextAsync();
        taskPage.Should().Contain("60%").And.Contain(leader.Title);
        await page.GotoAsync(Url(""));
        (await page.Locator(".card.ok .n").InnerTextAsync()).Should().Be((doneBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // 4. The month's report, downloaded as Word, holds the corrected deadline.
        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.ReportPage, Exact = true }).ClickAsync();
        await page.GetByLabel(WebTexts.ReportMonth).FillAsync("03/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.ReportShow }).ClickAsync();
        await page.WaitForURLAsync("**/bao-cao?thang=03*");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = WebTexts.ReportDownloadDocx }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"doson-{Guid.NewGuid():N}.docx");
        try
        {
            await download.SaveAsAsync(saved);
            using var document = WordprocessingDocument.Open(saved, false);
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            text.Should().Contain(ReportTexts.DocumentSubject(3, 2026)).And.Contain(task.Code).And.Contain("27/03/2026");
        }
        finally
        {
            File.Delete(saved);
        }

        await browser.ShouldFitAsync(width);
        browser.ConsoleErrors.Should().BeEmpty("no page of the month breaks its Content-Security-Policy");
        await browser.ScreenshotAsync($"web-thang-{name}");
        web.Bot.Host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
            .Should().BeFalse("the bot ran all along");
    }
}
