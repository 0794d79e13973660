using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DoSon.Bot.FakeApis.Zalo;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Channels.Zalo;

/// <summary>The fake must behave like Zalo where the bot depends on it, or the end-to-end tests prove
/// nothing. Raw HTTP here, so the shapes are checked without our client's help.</summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class FakeZaloServerTests : IAsyncLifetime
{
    private const string User = "6ede9afa66b88fe6d6a9";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeZaloServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeZaloServer.StartAsync(new FakeZaloOptions
    {
        Clock = _clock,
        RateLimits = new FakeZaloRateLimits(PerChat: 2, Overall: 3),
    });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(string method, object body, string? token = null)
    {
        using var response = await _http.PostAsync($"{_fake.BaseUrl}/bot{token ?? _fake.Token}/{method}",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task GetMe_answers_the_bot_and_a_wrong_token_gets_401()
    {
        var (status, body) = await CallAsync("getMe", new { });
        var (refusedStatus, refused) = await CallAsync("getMe", new { }, "1234567890123456789:not-the-secret");

        status.Should().Be(HttpStatusCode.OK);
        ((bool)body["ok"]!).Should().BeTrue();
        ((string)body["result"]!["account_name"]!).Should().Be(_fake.BotName);
        refusedStatus.Should().Be(HttpStatusCode.Unauthorized);
        refused.ToJsonString().Should().Be("""{"ok":false,"error_code":401,"description":"Unauthorized"}""");
    }

    [Fact]
    public async Task GetUpdates_hands_out_one_wrapped_update_per_call_with_the_date_in_milliseconds()
    {
        _fake.SendText(User, "/nhiemvu", "Ted");
        _fake.SendText(User, "/moc");

        var (status, first) = await CallAsync("getUpdates", new { timeout = "30" });
        var (_, second) = await CallAsync("getUpdates", new { timeout = "30" });

        status.Should().Be(HttpStatusCode.OK);
        ((bool)first["ok"]!).Should().BeTrue();
        var update = first["result"]!.AsObject();
        ((string)update["event_name"]!).Should().Be("message.text.received");
        ((string)update["message"]!["text"]!).Should().Be("/nhiemvu");
        ((string)update["message"]!["from"]!["display_name"]!).Should().Be("Ted");
        ((string)update["message"]!["chat"]!["chat_type"]!).Should().Be("PRIVATE");
        ((long)update["message"]!["date"]!).Should().Be(_clock.GetUtcNow().ToUnixTimeMilliseconds());
        ((string)second["result"]!["message"]!["text"]!).Should().Be("/moc");
        _fake.PendingUpdates.Should().Be(0, "there is no offset: an update handed out is gone");
    }

    [Fact]
    public async Task GetUpdates_holds_the_call_until_the_timeout_and_then_answers_408()
    {
        var poll = CallAsync("getUpdates", new { timeout = "30" });
        await _fake.WaitUntilAsync(() => _fake.LongPollWaiting).WaitAsync(TimeSpan.FromSeconds(30));
        poll.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(30));
        var (status, body) = await poll.WaitAsync(TimeSpan.FromSeconds(30));

        status.Should().Be(HttpStatusCode.RequestTimeout);
        body.ToJsonString().Should().Be("""{"ok":false,"error_code":408,"description":"Request timeout"}""");
    }

    [Fact]
    public async Task A_held_long_poll_returns_as_soon_as_a_message_arrives()
    {
        var poll = CallAsync("getUpdates", new { timeout = "30" });
        await _fake.WaitUntilAsync(() => _fake.LongPollWaiting).WaitAsync(TimeSpan.FromSeconds(30));

        var sent = _fake.SendImage(User);
        var (_, body) = await poll.WaitAsync(TimeSpan.FromSeconds(30));

        ((string)body["result"]!["event_name"]!).Should().Be("message.image.received");
        ((string)body["result"]!["message"]!["message_id"]!).Should().Be(sent.MessageId);
    }

    [Fact]
    public async Task SendMessage_takes_1_to_2000_characters_in_a_known_chat_with_a_string_chat_id()
    {
        _fake.SendText(User, "xin chào");

        var (okStatus, ok) = await CallAsync("sendMessage", new { chat_id = User, text = new string('a', 2000) });
        var (longStatus, tooLong) = await CallAsync("sendMessage", new { chat_id = User, text = new string('a', 2001) });
        var (emptyStatus, _) = await CallAsync("sendMessage", new { chat_id = User, text = "" });
        var (numberStatus, _) = await CallAsync("sendMessage", new { chat_id = 123, text = "a" });
        var (unknownStatus, _) = await CallAsync("sendMessage", new { chat_id = "ffff", text = "a" });

        okStatus.Should().Be(HttpStatusCode.OK);
        ((string)ok["result"]!["message_id"]!).Should().NotBeNullOrEmpty();
        ((long)ok["result"]!["date"]!).Should().Be(_clock.GetUtcNow().ToUnixTimeMilliseconds());
        longStatus.Should().Be(HttpStatusCode.BadRequest);
        ((int)tooLong["error_code"]!).Should().Be(400);
        emptyStatus.Should().Be(HttpStatusCode.BadRequest);
        numberStatus.Should().Be(HttpStatusCode.BadRequest);
        unknownStatus.Should().Be(HttpStatusCode.BadRequest);
        _fake.SentTo(User).Should().ContainSingle().Which.Text.Should().HaveLength(2000);
    }

    [Fact]
    public async Task Sending_past_the_per_chat_rate_gets_429_without_a_retry_time_until_the_window_moves_on()
    {
        _fake.SendText(User, "xin chào");

        (await CallAsync("sendMessage", new { chat_id = User, text = "1" })).Status.Should().Be(HttpStatusCode.OK);
        (await CallAsync("sendMessage", new { chat_id = User, text = "2" })).Status.Should().Be(HttpStatusCode.OK);
        var (status, body) = await CallAsync("sendMessage", new { chat_id = User, text = "3" });
        _clock.Advance(TimeSpan.FromMinutes(1));
        var (later, _) = await CallAsync("sendMessage", new { chat_id = User, text = "3" });

        status.Should().Be((HttpStatusCode)429);
        body.ToJsonString().Should().Be("""{"ok":false,"error_code":429,"description":"Quota exceeded"}""");
        later.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Injected_failures_and_a_blocked_chat_answer_with_their_error_codes()
    {
        _fake.SendText(User, "xin chào");
        _fake.FailNext(1, 502, "sendMessage");

        var (failed, _) = await CallAsync("sendMessage", new { chat_id = User, text = "1" });
        _fake.Block(User);
        var (blocked, body) = await CallAsync("sendMessage", new { chat_id = User, text = "2" });

        failed.Should().Be(HttpStatusCode.BadGateway);
        blocked.Should().Be(HttpStatusCode.Forbidden);
        ((int)body["error_code"]!).Should().Be(403);
        _fake.SentTo(User).Should().BeEmpty();
    }

    [Fact]
    public async Task With_errors_as_http_200_only_the_body_says_the_call_failed()
    {
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { ErrorsAsHttp200 = true });
        using var response = await _http.PostAsync($"{fake.BaseUrl}/bot{fake.Token}/sendMessage",
            new StringContent("""{"chat_id":"nobody","text":"a"}""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((bool)body["ok"]!).Should().BeFalse();
        ((int)body["error_code"]!).Should().Be(400);
    }

    [Fact]
    public async Task GetUpdates_is_refused_while_a_webhook_is_set_and_deleteWebhook_clears_it()
    {
        _fake.SetWebhook("https://bot.example.test/zalo", "bi-mat-cua-phuong");

        var (refused, _) = await CallAsync("getUpdates", new { timeout = "1" });
        var (_, info) = await CallAsync("getWebhookInfo", new { });
        await CallAsync("deleteWebhook", new { });

        refused.Should().Be(HttpStatusCode.BadRequest);
        ((string)info["result"]!["url"]!).Should().Be("https://bot.example.test/zalo");
        _fake.Webhook.Should().BeNull();
    }
}
