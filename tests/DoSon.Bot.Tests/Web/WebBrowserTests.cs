using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Playwright;
using DoSon.Bot.Tests.Fakes;

namespace DoSon.Bot.Tests.Web;

/// <summary>The console in a real browser: Debian's Chromium driven by Playwright (its driver ships in
/// the package; no browser is ever downloaded), against the real host on 127.0.0.1, on the March
/// sample (see <see cref="Browser"/>).</summary>
[Collection(RunsAlone.Name)]
public sealed class WebBrowserTests
{
    [SkippableTheory]
    [InlineData(390, 844, "390")]
    [InlineData(1280, 900, "desktop")]
    public async Task Signing_in_with_a_link_from_web_shows_the_dashboard(int width, int height, string name)
    {
        Browser.SkipIfMissing();

        await using var web = await WebConsole.StartAsync(marchSample: true);
        // 10/03/2026: some March deadlines have passed, the election day (15/03) is 5 days ahead.
        web.SetWardTime(new DateOnly(2026, 3, 10), new TimeOnly(8, 0));
        var admin = (await web.Bot.Store.FindMemberAsync("CVP"))!;
        var link = await web.LinkFromChatAsync(admin);

        await using var browser = await Browser.OpenAsync(width, height);
        var page = browser.Page;
        await page.GotoAsync(link);
        await browser.ScreenshotAsync($"web-dang-nhap-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(web.BaseAddress.ToString());

        (await page.Locator("h1").InnerTextAsync()).Should().Be(WebTexts.Dashboard);
        (await page.ContentAsync()).Should().Contain("15/03/2026").And.Contain(ViewTexts.MilestoneWhen(5)).And.Contain(MemberName.Address(admin));
        (await page.Locator(".chart img").EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0, "the chart's SVG loads");
        await browser.ShouldFitAsync(width);
        browser.ConsoleErrors.Should().BeEmpty("the page breaks none of its Content-Security-Policy and loads everything it asks for");
        await browser.ScreenshotAsync($"web-tong-quan-{name}");

        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.SignOut }).ClickAsync();
        await page.WaitForURLAsync("**" + WebSession.NeedSignInPath + "**");
        (await page.ContentAsync()).Should().Contain(WebTexts.SignedOut);
        await page.GotoAsync(web.BaseAddress.ToString());
        (await page.Locator("h1").InnerTextAsync()).Should().Be(WebTexts.NeedSignInHeading);
    }
}
