using System.Net;
using System.Text.RegularExpressions;
using DoSon.Bot.Channels;
using DoSon.Bot.Domain;
using DoSon.Bot.Tests.EndToEnd;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Web;

/// <summary>The real host (as Program builds it) serving its web console on 127.0.0.1 at a free port,
/// on the sample ward and a fake clock, with the terminal chat (no chat token), and an HttpClient that
/// keeps cookies and does not follow redirects.</summary>
public sealed partial class WebConsole : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private WebConsole(TempDatabase database, BotHost bot, IReadOnlyDictionary<string, string?> settings)
    {
        _database = database;
        _settings = settings;
        Bot = bot;
        Client = NewClient();
    }

    public BotHost Bot { get; private set; }

    public HttpClient Client { get; }

    public Uri BaseAddress => new(Bot.Services.GetRequiredService<WebLoginLinks>().PublicUrl + "/");

    public static async Task<WebConsole> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool marchSample = false)
    {
        var database = new TempDatabase();
        var bot = marchSample
            // The March sample, loaded by the bot's own seeding at start, as on a fresh clone.
            ? await BotHost.StartAsync(database, BotHost.Merge(new Dictionary<string, string?> { ["Seed:File"] = "data/sample/thang-03-2026.json" }, settings), seed: _ => Task.CompletedTask, web: true)
            : await BotHost.StartAsync(database, settings ?? new Dictionary<string, string?>(), web: true);
        return new WebConsole(database, bot, settings ?? new Dictionary<string, string?>());
    }

    /// <summary>Stops the bot and starts a new one on the same database and clock, two seconds later,
    /// as systemd restarts it. The server listens on another free port: <see cref="BaseAddress"/>
    /// follows, and cookies (kept per host, not per port) go along.</summary>
    public async Task RestartAsync()
    {
        var clock = Bot.Clock;
        await Bot.DisposeAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        Bot = await BotHost.StartAsync(_database, _settings, clock, seed: _ => Task.CompletedTask, web: true);
    }

    /// <summary>A browser of its own: its own cookies, nothing followed by itself.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
        Timeout = BotHost.Patience,
    };

    /// <summary>What the member gets from /web, through the same core every chat uses.</summary>
    public async Task<string> LinkFromChatAsync(Member member)
    {
        var reply = await Bot.Services.GetRequiredService<Conversation>().AnswerAsync(member, "/web", "console", CancellationToken.None);
        return LinkIn(reply.Text);
    }

    public static string LinkIn(string text) => LoginLink().Match(text) is { Success: true } m
        ? m.Value
        : throw new InvalidOperationException("no sign-in link in: " + text);

    /// <summary>Opens the link and presses "Đăng nhập", as a person does.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string link)
    {
        var page = await client.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken(html);
        return await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>A client of its own, signed in as the member through a link from /web.</summary>
    public async Task<HttpClient> SignedInClientAsync(string memberCode)
    {
        var member = await Bot.Store.FindMemberAsync(memberCode) ?? throw new InvalidOperationException("no member " + memberCode);
        var client = NewClient();
        var signedIn = await SignInAsync(client, await LinkFromChatAsync(member));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in as {memberCode} gave {signedIn.StatusCode}");
        }

        return client;
    }

    /// <summary>Moves the ward's clock forward to that day and time (ward time).</summary>
    public void SetWardTime(DateOnly date, TimeOnly time) =>
        Bot.Clock.Advance(WardClock.ToInstant(date, time) - Bot.Clock.GetUtcNow());

    /// <summary>A page that must open (200), its HTML decoded so texts compare as written.</summary>
    public static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} gave {response.StatusCode}");
        }

        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Submits a form as a browser does: reads the antiforgery token from the page at
    /// <paramref name="formPage"/>, then posts the fields (and the token) to <paramref name="action"/>
    /// (the same page when null).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await (await client.GetAsync(formPage)).Content.ReadAsStringAsync();
        var withToken = fields.Append(new("__RequestVerificationToken", AntiforgeryToken(html)));
        return await client.PostAsync(action ?? formPage, new FormUrlEncodedContent(withToken));
    }

    public static string AntiforgeryToken(string html) => TokenField().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("no antiforgery token in: " + html);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        _database.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/dang-nhap/[A-Za-z0-9_-]+")]
    private static partial Regex LoginLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
