using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Docs;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Playwright;

namespace DoSon.Bot.Tests.Web;

/// <summary>The console in a real browser: Debian's Chromium driven by Playwright (its driver ships in
/// the package; no browser is ever downloaded), against the real host on 127.0.0.1, on the March
/// sample. Skipped, saying how to install it, where /usr/bin/chromium is missing. Screenshots go to
/// TestResults/ and, with DOSON_UPDATE_SCREENSHOTS=1, for the README, docs/web-*.png.</summary>
public sealed class WebBrowserTests
{
    public const string Chromium = "/usr/bin/chromium";

    [SkippableTheory]
    [InlineData(390, 844, "390")]
    [InlineData(1280, 900, "desktop")]
    public async Task Signing_in_with_a_link_from_web_shows_the_dashboard(int width, int height, string name)
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium to run the browser tests.");

        await using var web = await WebConsole.StartAsync(marchSample: true);
        // 10/03/2026: some March deadlines have passed, the election day (15/03) is 5 days ahead.
        web.Bot.Clock.Advance(WardClock.ToInstant(new DateOnly(2026, 3, 10), new TimeOnly(8, 0)) - web.Bot.Clock.GetUtcNow());
        var admin = (await web.Bot.Store.FindMemberAsync("CVP"))!;
        var link = await web.LinkFromChatAsync(admin);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(link);
        await Screenshot(page, $"web-dang-nhap-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(web.BaseAddress.ToString());

        (await page.Locator("h1").InnerTextAsync()).Should().Be(WebTexts.Dashboard);
        (await page.ContentAsync()).Should().Contain("15/03/2026").And.Contain(ViewTexts.MilestoneWhen(5)).And.Contain(MemberName.Address(admin));
        (await page.Locator(".chart img").EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0, "the chart's SVG loads");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(width, "nothing is wider than the screen");
        refused.Should().BeEmpty("the page breaks none of its Content-Security-Policy and loads everything it asks for");
        await Screenshot(page, $"web-tong-quan-{name}");

        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.SignOut }).ClickAsync();
        await page.WaitForURLAsync("**" + WebSession.NeedSignInPath + "**");
        (await page.ContentAsync()).Should().Contain(WebTexts.SignedOut);
        await page.GotoAsync(web.BaseAddress.ToString());
        (await page.Locator("h1").InnerTextAsync()).Should().Be(WebTexts.NeedSignInHeading);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var results = RepositoryFiles.PathOf("TestResults");
        Directory.CreateDirectory(results);
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, name + ".png"), FullPage = true });
        // The README's screenshots are refreshed only on request (DOSON_UPDATE_SCREENSHOTS=1), so that
        // an ordinary test run leaves the checkout as it was.
        if (name.StartsWith("web-tong-quan", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("DOSON_UPDATE_SCREENSHOTS") == "1")
        {
            await File.WriteAllBytesAsync(RepositoryFiles.PathOf("docs", name + ".png"), shot);
        }
    }
}
