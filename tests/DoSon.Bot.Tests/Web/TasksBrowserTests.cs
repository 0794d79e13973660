using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Playwright;
using DoSon.Bot.Tests.Fakes;

namespace DoSon.Bot.Tests.Web;

/// <summary>The Nhiệm vụ pages in Debian's Chromium on a phone and a desktop: filter the list, open a
/// task, mark it done, see its reminders cancelled.</summary>
[Collection(RunsAlone.Name)]
public sealed class TasksBrowserTests
{
    [SkippableTheory]
    [InlineData(390, 844, "390")]
    [InlineData(1280, 900, "desktop")]
    public async Task A_leader_filters_opens_a_task_and_marks_it_done(int width, int height, string name)
    {
        Browser.SkipIfMissing();

        await using var web = await WebConsole.StartAsync(marchSample: true);
        web.SetWardTime(new DateOnly(2026, 3, 10), new TimeOnly(8, 0));

        await using var browser = await Browser.SignedInAsync(web, "CT-UBND", width, height);
        var page = browser.Page;
        await page.GotoAsync(web.BaseAddress + "nhiem-vu");
        (await page.Locator("h1").InnerTextAsync()).Should().Be(WebTexts.TasksPage);
        await browser.ShouldFitAsync(width);
        await browser.ScreenshotAsync($"web-nhiem-vu-{name}");

        await page.Locator("summary").ClickAsync();
        await page.Locator("select[name=donvi]").SelectOptionAsync("UBND");
        await page.Locator("input[name=q]").FillAsync("y te");
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.Filter, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**q=y+te**");
        (await page.Locator("table.task-list tbody tr").CountAsync()).Should().Be(1, "only T2603-223-03 speaks of y tế");

        await page.GetByRole(AriaRole.Link, new() { Name = "T2603-223-03" }).ClickAsync();
        await page.WaitForURLAsync("**/nhiem-vu/T2603-223-03");
        (await page.Locator("table.task-reminders").InnerTextAsync()).Should().Contain(WebTexts.StateName(ReminderState.Pending));
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.MarkDone }).ClickAsync();
        await page.WaitForSelectorAsync("p.notice");

        var task = (await web.Bot.Store.FindTaskAsync("T2603-223-03"))!;
        (await page.Locator("p.notice").InnerTextAsync()).Should().Be(DoSon.Bot.Commands.CommandTexts.Done(task));
        var reminders = await page.Locator("table.task-reminders").InnerTextAsync();
        reminders.Should().Contain(WebTexts.StateName(ReminderState.Cancelled)).And.NotContain(WebTexts.StateName(ReminderState.Pending));
        await browser.ShouldFitAsync(width);
        browser.ConsoleErrors.Should().BeEmpty("the pages break none of their Content-Security-Policy");
    }
}
