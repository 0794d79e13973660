using System.Net;
using System.Text.RegularExpressions;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using DoSon.Bot.Web;
using FluentAssertions;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Web;

/// <summary>Lịch over HTTP on the March sample: the page makes an address, the address is a feed
/// that needs no session, and a renewed address ends the old one.</summary>
public sealed partial class LichPageTests : IAsyncLifetime
{
    private WebConsole _web = null!;

    public async Task InitializeAsync() => _web = await WebConsole.StartAsync(marchSample: true);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    /// <summary>Presses the button on /lich and reads the address the page shows once after it.</summary>
    private static async Task<string> CreateAddressAsync(HttpClient client)
    {
        var posted = await WebConsole.PostFormAsync(client, "/lich", []);
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(posted.Headers.Location!.ToString()));
        page.Should().Contain(WebTexts.CalendarShownOnce);
        return FeedLink().Match(page) is { Success: true } m ? m.Value : throw new InvalidOperationException("no feed address in: " + page);
    }

    private async Task<Ical.Net.Calendar> FeedAsync(string address)
    {
        var response = await _web.NewClient().GetAsync(address);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task A_members_feed_parses_back_with_their_deadlines_only_and_the_milestones()
    {
        var client = await _web.SignedInClientAsync("CC-VHXH");
        var address = await CreateAddressAsync(client);

        var calendar = await FeedAsync(address);

        var member = (await _web.Bot.Store.FindMemberAsync("CC-VHXH"))!;
        var own = (await _web.Bot.Store.GetTasksAsync()).Where(t => !t.IsDone && TaskScope.IsOwn(member, t)).ToList();
        own.Should().NotBeEmpty();
        var tasks = calendar.Events.Where(e => e.Summary!.StartsWith("T2603", StringComparison.Ordinal)).ToList();
        tasks.Select(e => e.Summary).Should().BeEquivalentTo(own.Select(WebTexts.CalendarEventTitle));
        var first = tasks.First(e => e.Summary == WebTexts.CalendarEventTitle(own[0]));
        first.Start!.HasTime.Should().BeFalse("a deadline without a time is an all-day event");
        first.Start.Date.Should().Be(own[0].Due);
        first.Url!.ToString().Should().Be($"{_web.BaseAddress}nhiem-vu/{own[0].Code}");
        var election = calendar.Events.Should().ContainSingle(e => e.Summary == "Mốc: Ngày bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp").Subject;
        election.Start!.Date.Should().Be(new DateOnly(2026, 3, 15));
    }

    [Fact]
    public async Task A_leaders_feed_holds_the_wards_open_tasks_with_the_timed_deadline_in_the_wards_zone()
    {
        var client = await _web.SignedInClientAsync("CT-HDND");

        var calendar = await FeedAsync(await CreateAddressAsync(client));

        var open = (await _web.Bot.Store.GetTasksAsync()).Where(t => !t.IsDone).ToList();
        calendar.Events.Count(e => e.Summary!.StartsWith("T2603", StringComparison.Ordinal)).Should().Be(open.Count);
        var timed = open.Single(t => t.DueTime is not null);
        var evening = calendar.Events.Single(e => e.Summary == WebTexts.CalendarEventTitle(timed));
        evening.Start!.HasTime.Should().BeTrue();
        evening.Start.TzId.Should().Be(WardClock.ZoneId);
        evening.Start.Time.Should().Be(timed.DueTime);
        calendar.TimeZones.Should().ContainSingle(z => z.TzId == WardClock.ZoneId);
    }

    [Fact]
    public async Task A_wrong_token_is_404_and_needs_no_session_to_be_asked()
    {
        var response = await _web.NewClient().GetAsync("/lich/khong-dung.ics");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Guessing_addresses_is_limited_like_signing_in()
    {
        var client = _web.NewClient();
        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync($"/lich/doan-{i}.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await client.GetAsync("/lich/doan-11.ics")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_feed_text_has_the_wards_time_zone_all_day_dates_and_a_stamp_from_the_app_clock()
    {
        var client = await _web.SignedInClientAsync("CVP");
        var address = await CreateAddressAsync(client);

        var text = await _web.NewClient().GetStringAsync(address);

        text.Should().Contain("BEGIN:VTIMEZONE").And.Contain("TZID:Asia/Ho_Chi_Minh")
            .And.Contain("DTSTART;VALUE=DATE:20260315")
            .And.Contain("DTSTART;TZID=Asia/Ho_Chi_Minh:20260305T073000")
            .And.Contain("DTSTAMP:20260301T010000Z");
    }

    [Fact]
    public async Task After_renewing_the_old_address_is_404_and_the_new_one_works()
    {
        var client = await _web.SignedInClientAsync("BT-TDP8");
        var old = await CreateAddressAsync(client);
        (await _web.NewClient().GetAsync(old)).StatusCode.Should().Be(HttpStatusCode.OK);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/lich"));
        page.Should().Contain(WebTexts.CalendarRenew).And.NotContain(old, "the address is shown once, right after it is made");
        var renewed = await CreateAddressAsync(client);

        renewed.Should().NotBe(old);
        (await _web.NewClient().GetAsync(old)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var calendar = await FeedAsync(renewed);
        calendar.Events.Where(e => e.Summary!.StartsWith("T2603", StringComparison.Ordinal)).Select(e => e.Summary)
            .Should().Equal(WebTexts.CalendarEventTitle((await _web.Bot.Store.FindTaskAsync("T2603-21-06"))!));
    }

    [Fact]
    public async Task The_store_keeps_only_the_tokens_hash()
    {
        var client = await _web.SignedInClientAsync("CC-DCXD");
        var address = await CreateAddressAsync(client);
        var token = address[(address.LastIndexOf('/') + 1)..^".ics".Length];

        var store = _web.Bot.Services.GetRequiredService<IWebLoginStore>();
        (await store.FindCalendarFeedMemberAsync(token)).Should().BeNull("the token itself is not a key the store knows");
        (await store.FindCalendarFeedMemberAsync(WebLoginLinks.Hash(token))).Should().Be("CC-DCXD");
    }

    [Fact]
    public async Task The_page_needs_a_session_and_the_button_an_antiforgery_token()
    {
        var anonymous = await _web.Client.GetAsync("/lich");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.AbsolutePath.Should().Be(WebSession.NeedSignInPath);

        var client = await _web.SignedInClientAsync("TCA");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/lich"));
        page.Should().Contain(WebTexts.CalendarNone).And.Contain(WebTexts.CalendarIphone).And.Contain(WebTexts.CalendarAndroid);
        (await client.PostAsync("/lich", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _web.Bot.Services.GetRequiredService<IWebLoginStore>().CalendarFeedCreatedAsync("TCA")).Should().BeNull();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/lich/[A-Za-z0-9_-]+\.ics")]
    private static partial Regex FeedLink();
}
