using DoSon.Bot.Tests.Docs;
using FluentAssertions;
using Microsoft.Playwright;

namespace DoSon.Bot.Tests.Web;

/// <summary>Debian's Chromium driven by Playwright (its driver ships in the package; no browser is ever
/// downloaded), one page at a given width, signed in through a link from /web. Tests call
/// <see cref="SkipIfMissing"/> first: where /usr/bin/chromium is missing they are skipped, saying how to
/// install it. Screenshots go to TestResults/ and, with DOSON_UPDATE_SCREENSHOTS=1, those named for the
/// README to docs/.</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The screenshots the README shows (docs/&lt;name&gt;.png).</summary>
    private static readonly string[] ReadmeShots = ["web-tong-quan", "web-nhiem-vu", "web-nhap-du-lieu"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _consoleErrors = [];

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>What the page refused or failed to load (a Content-Security-Policy breach shows here).</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public static void SkipIfMissing() =>
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium to run the browser tests.");

    public static async Task<Browser> OpenAsync(int width, int height)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        return new Browser(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>A browser signed in as the member, through a link from /web.</summary>
    public static async Task<Browser> SignedInAsync(WebConsole web, string memberCode, int width, int height)
    {
        var browser = await OpenAsync(width, height);
        await browser.SignInAsync(web, await web.LinkFromChatAsync((await web.Bot.Store.FindMemberAsync(memberCode))!));
        return browser;
    }

    /// <summary>Opens a login link and presses "Đăng nhập", as a person does; lands on the dashboard.</summary>
    public async Task SignInAsync(WebConsole web, string link)
    {
        await Page.GotoAsync(link);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Page.WaitForURLAsync(web.BaseAddress.ToString());
    }

    /// <summary>Nothing is wider than the screen (no sideways scrolling on a phone).</summary>
    public async Task ShouldFitAsync(int width) =>
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(width, "nothing is wider than the screen");

    public async Task ScreenshotAsync(string name)
    {
        var results = RepositoryFiles.PathOf("TestResults");
        Directory.CreateDirectory(results);
        var shot = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, name + ".png"), FullPage = true });
        // The README's screenshots are refreshed only on request, so that an ordinary test run leaves
        // the checkout as it was.
        if (ReadmeShots.Any(s => name.StartsWith(s, StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("DOSON_UPDATE_SCREENSHOTS") == "1")
        {
            await File.WriteAllBytesAsync(RepositoryFiles.PathOf("docs", name + ".png"), shot);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
