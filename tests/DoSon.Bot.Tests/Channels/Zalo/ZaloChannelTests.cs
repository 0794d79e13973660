using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.FakeApis.Zalo;
using DoSon.Bot.Messaging;
using DoSon.Bot.Tests.EndToEnd;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Channels.Zalo;

/// <summary>The client and the channel against the fake server, without the host: what each answer of
/// Zalo becomes, and what each kind of failure becomes for the outbox.</summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class ZaloChannelTests : IAsyncLifetime
{
    private const string User = "6ede9afa66b88fe6d6a9";
    private readonly LogCapture _logs = new();
    private readonly List<IDisposable> _owned = [];
    private FakeZaloServer _fake = null!;
    private ZaloChannel _channel = null!;
    private ZaloBotClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeZaloServer.StartAsync();
        _fake.SendText(User, "xin chào");
        (_client, _channel) = Make(_fake.Token, _fake.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _owned.ForEach(o => o.Dispose());
        await _fake.DisposeAsync();
    }

    private (ZaloBotClient, ZaloChannel) Make(string token, string baseUrl, double requestTimeoutSeconds = 20)
    {
        var options = Options.Create(new ZaloOptions
        {
            BotToken = token,
            BaseUrl = baseUrl,
            RequestTimeoutSeconds = requestTimeoutSeconds,
            RateLimitedWaitSeconds = 90,
        });
        var client = new ZaloBotClient(options);
        var factory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _owned.Add(client);
        _owned.Add(factory);
        return (client, new ZaloChannel(client, options, factory.CreateLogger<ZaloChannel>()));
    }

    /// <summary>As the outbox sends it: the channel's parts, one by one.</summary>
    private async Task<SentMessage> SendAsync(ZaloChannel? channel = null, string chatId = User, string text = "Nhắc việc")
    {
        channel ??= _channel;
        SentMessage? sent = null;
        foreach (var part in channel.Split(new OutgoingMessage(chatId, Reply.Say(text))))
        {
            sent = await channel.SendAsync(part, CancellationToken.None);
        }

        return sent!;
    }

    private async Task<DeliveryFailedException> FailureAsync(ZaloChannel? channel = null, string chatId = User)
    {
        var send = async () => await SendAsync(channel, chatId);
        return (await send.Should().ThrowAsync<DeliveryFailedException>()).Which;
    }

    [Fact]
    public async Task SendAsync_ShouldSendPlainTextAndReturnZalosMessageId()
    {
        var sent = await SendAsync(text: "Nhiệm vụ <b>T1</b> & *T2*");

        var message = _fake.SentTo(User).Single();
        message.Text.Should().Be("Nhiệm vụ <b>T1</b> & *T2*");
        sent.MessageId.Should().Be(message.MessageId);
        _fake.CallsTo("sendMessage").Single().Parameters.ToJsonString().Should().NotContain("parse_mode");
    }

    [Fact]
    public async Task GetMe_and_GetUpdates_read_Zalos_answers_and_408_means_nothing_new()
    {
        var me = await _client.GetMeAsync(CancellationToken.None);
        var update = await _client.GetUpdatesAsync(30, CancellationToken.None);
        var nothing = await _client.GetUpdatesAsync(0, CancellationToken.None);

        me.DisplayName.Should().Be(_fake.BotName);
        update!.Message!.Text.Should().Be("xin chào");
        nothing.Should().BeNull();
        _fake.CallsTo("getUpdates")[^1].ErrorCode.Should().Be(408);
        _fake.CallsTo("getUpdates")[0].Parameters["timeout"]!.GetValue<string>().Should().Be("30");
    }

    [Fact]
    public async Task Errors_answered_with_http_200_are_read_from_the_body()
    {
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { ErrorsAsHttp200 = true });
        var (client, channel) = Make(fake.Token, fake.BaseUrl);
        fake.SendText(User, "xin chào");
        await client.GetUpdatesAsync(1, CancellationToken.None);
        fake.Block(User);

        var nothing = await client.GetUpdatesAsync(0, CancellationToken.None);
        var failure = await FailureAsync(channel);

        nothing.Should().BeNull("a 408 in the body is a poll that ended with nothing new");
        failure.Kind.Should().Be(DeliveryFailureKind.Blocked);
    }

    [Theory]
    [InlineData(500, DeliveryFailureKind.Transient)]
    [InlineData(502, DeliveryFailureKind.Transient)]
    [InlineData(408, DeliveryFailureKind.Transient)]
    [InlineData(403, DeliveryFailureKind.Blocked)]
    [InlineData(400, DeliveryFailureKind.Permanent)]
    [InlineData(404, DeliveryFailureKind.Permanent)]
    public async Task Each_error_code_maps_to_its_delivery_failure(int code, DeliveryFailureKind kind)
    {
        _fake.FailNext(1, code, "sendMessage");

        (await FailureAsync()).Kind.Should().Be(kind);
    }

    [Fact]
    public async Task A_429_is_rate_limited_for_the_configured_wait_since_Zalo_gives_none()
    {
        _fake.FailNext(1, 429, "sendMessage");

        var failure = await FailureAsync();

        failure.Kind.Should().Be(DeliveryFailureKind.RateLimited);
        failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task A_wrong_token_is_permanent_and_logged_as_critical_without_the_token()
    {
        const string wrong = "1234567890123456789:Wrong-secret-0123456789";
        var (_, channel) = Make(wrong, _fake.BaseUrl);

        var failure = await FailureAsync(channel);

        failure.Kind.Should().Be(DeliveryFailureKind.Permanent);
        failure.Message.Should().NotContain("Wrong-secret");
        _logs.Lines.Should().Contain(l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("Zalo:BotToken", StringComparison.Ordinal));
        _logs.Lines.Should().NotContain(l => l.Contains("Wrong-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_out_of_reach_is_transient_and_the_message_does_not_carry_the_url()
    {
        var gone = await FakeZaloServer.StartAsync();
        var address = gone.BaseUrl;
        await gone.DisposeAsync();
        var (_, channel) = Make(_fake.Token, address);

        var failure = await FailureAsync(channel);

        failure.Kind.Should().Be(DeliveryFailureKind.Transient);
        failure.ToString().Should().NotContain(_fake.Token);
    }

    [Fact]
    public async Task A_send_that_takes_longer_than_the_request_timeout_is_transient()
    {
        _fake.HangNext(1, "sendMessage");
        var (_, channel) = Make(_fake.Token, _fake.BaseUrl, requestTimeoutSeconds: 0.5);

        var failure = await FailureAsync(channel);

        failure.Kind.Should().Be(DeliveryFailureKind.Transient);
        failure.Message.Should().Contain("hết thời gian chờ");
    }

    [Fact]
    public async Task A_long_answer_goes_out_in_parts_of_at_most_2000_characters()
    {
        var text = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Dòng {i:D3} ".PadRight(40, '-')));

        var sent = await SendAsync(text: text);

        var parts = _fake.SentTo(User);
        parts.Should().HaveCount(3).And.OnlyContain(p => p.Text.Length <= 2000);
        string.Join("\n", parts.Select(p => p.Text)).Should().Be(text);
        sent.MessageId.Should().Be(parts[^1].MessageId);
    }
}
