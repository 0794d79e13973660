using System.Net;
using System.Net.Sockets;
using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Hosting;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Web;

/// <summary>The web console over real HTTP: the bot's own host on 127.0.0.1, signed in with links from /web.</summary>
public sealed class WebConsoleTests : IAsyncLifetime
{
    private WebConsole _web = null!;

    public async Task InitializeAsync() => _web = await WebConsole.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_ok_without_a_session()
    {
        var response = await _web.Client.GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("ok");
    }

    [Fact]
    public async Task Readyz_is_ready_when_the_store_is_open_and_the_scheduler_runs()
    {
        var response = await _web.Client.GetAsync("/readyz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"ready\":true,\"problems\":[]}");
    }

    [Fact]
    public async Task Readyz_is_503_naming_a_chat_platform_that_has_not_answered_in_the_last_minutes()
    {
        var contact = _web.Bot.Services.GetRequiredService<PlatformContact>();
        contact.Expect("Zalo");
        (await _web.Client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "Zalo has not answered yet");

        contact.Answered("Zalo");
        (await _web.Client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);

        _web.Bot.Clock.Advance(WebReadiness.PlatformWindow + TimeSpan.FromSeconds(1));
        var late = await _web.Client.GetAsync("/readyz");
        late.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await late.Content.ReadAsStringAsync()).Should().Contain(WebTexts.PlatformSilent("Zalo", 5));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tong-quan/bieu-do.svg")]
    public async Task Without_a_session_nothing_of_the_ward_is_shown_only_how_to_sign_in(string path)
    {
        var response = await _web.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be(WebSession.NeedSignInPath);
        var page = await _web.Client.GetStringAsync(WebSession.NeedSignInPath);
        page.Should().Contain(WebTexts.NeedSignIn);
        foreach (var task in await _web.Bot.Store.GetTasksAsync())
        {
            page.Should().NotContain(task.Title);
        }
    }

    [Fact]
    public async Task A_link_from_web_signs_in_once_and_shows_the_dashboard()
    {
        // The day after the first open deadline, so that the dashboard has an overdue task to show.
        var firstDue = (await _web.Bot.Store.GetTasksAsync()).Where(t => !t.IsDone).Min(t => t.Due);
        _web.Bot.Clock.Advance(WardClock.ToInstant(firstDue.AddDays(1), new TimeOnly(8, 0)) - _web.Bot.Clock.GetUtcNow());
        var link = await _web.LinkFromChatAsync(WardData.UbndLeader);

        var opened = await _web.Client.GetAsync(link);
        opened.StatusCode.Should().Be(HttpStatusCode.OK, "opening the link (as a chat app's preview does) uses nothing");
        var signIn = await WebConsole.SignInAsync(_web.Client, link);

        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.Should().Be("/");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("doson.phien=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=strict").And.NotContain("expires", "a session cookie; the 12 hours are kept by the server");
        var dashboard = await _web.Client.GetStringAsync("/");
        dashboard.Should().Contain(WebTexts.Dashboard).And.Contain("đồng chí").And.Contain(WebTexts.SignOut);
        var today = WardClock.Today(_web.Bot.Clock);
        var overdue = await _web.Bot.Store.GetOverdueTasksAsync(today);
        overdue.Should().NotBeEmpty("the sample ward has overdue tasks to show");
        dashboard.Should().Contain(overdue[0].Title).And.Contain(WardClock.Format(overdue[0].Due));

        var again = await WebConsole.SignInAsync(_web.NewClient(), link);
        again.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await again.Content.ReadAsStringAsync()).Should().Contain(WebTexts.LinkUsed);
    }

    [Fact]
    public async Task An_expired_link_is_refused_on_the_apps_clock()
    {
        var link = await _web.LinkFromChatAsync(WardData.UbndLeader);

        _web.Bot.Clock.Advance(WebLoginLinks.Lifetime);
        var response = await WebConsole.SignInAsync(_web.Client, link);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain(WebTexts.LinkExpired);
        (await _web.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_made_up_link_is_refused()
    {
        var response = await WebConsole.SignInAsync(_web.Client, _web.BaseAddress + "dang-nhap/khong-phai-ma-that");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain(WebTexts.LinkUnknown);
    }

    [Fact]
    public async Task Only_a_hash_of_the_link_is_stored()
    {
        var link = await _web.LinkFromChatAsync(WardData.Admin);
        var token = link[(link.LastIndexOf('/') + 1)..];

        (await _web.Bot.Services.GetRequiredService<IWebLoginStore>().RedeemWebLoginAsync(token, _web.Bot.Clock.GetUtcNow())).Result
            .Should().Be(WebLoginRedemption.Unknown, "the token itself is not a key the store knows");
        (await _web.Bot.Services.GetRequiredService<IWebLoginStore>().RedeemWebLoginAsync(WebLoginLinks.Hash(token), _web.Bot.Clock.GetUtcNow())).Result
            .Should().Be(WebLoginRedemption.SignedIn);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        (await WebConsole.SignInAsync(_web.Client, await _web.LinkFromChatAsync(WardData.Admin))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var dashboard = await _web.Client.GetStringAsync("/");

        var signOut = await _web.Client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebConsole.AntiforgeryToken(dashboard),
        }));

        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _web.Client.GetStringAsync(signOut.Headers.Location!.OriginalString)).Should().Contain(WebTexts.SignedOut);
        (await _web.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_session_and_its_forms_outlive_a_restart_of_the_bot()
    {
        (await WebConsole.SignInAsync(_web.Client, await _web.LinkFromChatAsync(WardData.Admin))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var before = await _web.Client.GetStringAsync("/");
        _web.Bot.Logs.Lines.Should().NotContain(l => l.Contains("encryptor", StringComparison.OrdinalIgnoreCase),
            "storing the keys as written is by design, not a warning for the operator");

        await _web.RestartAsync();

        var after = await _web.Client.GetAsync(new Uri(_web.BaseAddress, "/"));
        after.StatusCode.Should().Be(HttpStatusCode.OK, "the keys that sign the cookie are kept in the database");
        (await after.Content.ReadAsStringAsync()).Should().Contain(MemberName.Address(WardData.Admin));
        var signOut = await _web.Client.PostAsync(new Uri(_web.BaseAddress, "/dang-xuat"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebConsole.AntiforgeryToken(before),
        }));
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect, "a form loaded before the restart is still accepted");
        signOut.Headers.Location!.OriginalString.Should().Contain(WebSession.NeedSignInPath);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var link = await _web.LinkFromChatAsync(WardData.Admin);
        var withoutToken = await _web.Client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>()));
        withoutToken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await WebConsole.SignInAsync(_web.Client, link)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the refused post did not use the link");

        var signOut = await _web.Client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string>()));

        signOut.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _web.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "still signed in");
    }

    [Fact]
    public async Task Pages_forbid_inline_scripts_and_anything_from_elsewhere()
    {
        var response = await _web.Client.GetAsync(WebSession.NeedSignInPath);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'none'").And.NotContain("unsafe-inline").And.NotContain("http");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("<script");
    }

    [Fact]
    public async Task A_member_sees_their_own_and_their_units_tasks_a_leader_the_ward()
    {
        var queries = _web.Bot.Services.GetRequiredService<TaskQueries>();
        var mine = (await queries.InvolvingAsync(WardData.UbndOfficer)).Where(t => AccessPolicy.CanSee(WardData.UbndOfficer, t)).ToList();
        var ward = await _web.Bot.Store.GetTaskStandingsAsync();
        mine.Count.Should().BeLessThan(ward.Count, "the sample has tasks outside the officer's units");

        var member = await DashboardOf(WardData.UbndOfficer);
        var leader = await DashboardOf(WardData.Police);

        member.Should().Contain($"<span class=\"n\">{mine.Count}</span><span>{WebTexts.Total}</span>");
        leader.Should().Contain($"<span class=\"n\">{ward.Count}</span><span>{WebTexts.Total}</span>");
        foreach (var other in (await _web.Bot.Store.GetTasksAsync()).Where(t => !AccessPolicy.CanSee(WardData.UbndOfficer, t)))
        {
            member.Should().NotContain(other.Title);
        }
    }

    [Fact]
    public async Task The_chart_is_an_svg_with_text_drawn_on_the_server()
    {
        await WebConsole.SignInAsync(_web.Client, await _web.LinkFromChatAsync(WardData.Admin));

        var response = await _web.Client.GetAsync("/tong-quan/bieu-do.svg");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var svg = await response.Content.ReadAsStringAsync();
        svg.Should().Contain("<svg").And.Contain("<text").And.Contain("UBND");
    }

    [Fact]
    public async Task On_the_embedded_defaults_the_start_prints_the_address_and_a_link_for_the_console_member()
    {
        var printed = await Eventually(() => _web.Bot.Terminal.ToString(), t => t.Contains("/dang-nhap/", StringComparison.Ordinal));

        printed.Should().Contain("Trang quản trị: " + _web.BaseAddress.ToString().TrimEnd('/'));
        var link = WebConsole.LinkIn(printed);
        (await WebConsole.SignInAsync(_web.Client, link)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _web.Client.GetStringAsync("/")).Should().Contain(MemberName.Address(WardData.Admin));
    }

    [Fact]
    public async Task A_busy_listen_address_stops_the_start_with_one_line_naming_Web_ListenUrls()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}";
        using var database = new TempDatabase();

        var outcome = await ProgramRun.AsProcess(database.Folder, $"--Web:ListenUrls={address}", $"--Storage:DatabasePath={database.Path}");

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Error.Should().Be(WebTexts.ListenUrlBusy(address) + Environment.NewLine);
        outcome.Error.Should().Contain("Web:ListenUrls");
        File.Exists(database.Path).Should().BeFalse("the refusal comes before the database is opened");
    }

    [Fact]
    public async Task A_verb_never_starts_the_web_server()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        using var database = new TempDatabase();

        var outcome = await ProgramRun.AsProcess(database.Folder, "template", Path.Combine(database.Folder, "mau.xlsx"),
            $"--Web:ListenUrls=http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}");

        outcome.Code.Should().Be(ExitCodes.Ok, outcome.All);
        outcome.All.Should().NotContain("Web:ListenUrls");
    }

    private async Task<string> DashboardOf(Member member)
    {
        using var client = _web.NewClient();
        (await WebConsole.SignInAsync(client, await _web.LinkFromChatAsync(member))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await client.GetStringAsync("/");
    }

    /// <summary>Waits for something the host does in the background right after its start; a safety net, not a timing.</summary>
    private static async Task<string> Eventually(Func<string> read, Func<string, bool> done)
    {
        using var cts = new CancellationTokenSource(EndToEnd.BotHost.Patience);
        while (!done(read()))
        {
            await Task.Delay(20, cts.Token);
        }

        return read();
    }
}
