using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Channels.Telegram;

/// <summary>The channel against the fake server, without the host: what each kind of Telegram
/// failure becomes for the outbox.</summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class TelegramChannelTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private FakeTelegramServer _fake = null!;
    private LiteDbBotStore _store = null!;
    private TelegramApi _api = null!;
    private TelegramChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        _fake.AddUser(1003);
        _store = _database.Open();
        _api = new TelegramApi(Options.Create(new TelegramOptions { BotToken = _fake.Token, BaseUrl = _fake.BaseUrl, RequestTimeoutSeconds = 20 }));
        _channel = new TelegramChannel(_api, _store, _clock);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        _store.Dispose();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    private Task<SentMessage> SendAsync(string chatId = "1003", string text = "Nhắc việc", IReadOnlyList<string>? codes = null) =>
        _channel.SendAsync(new OutgoingMessage(chatId, Reply.Say(text), codes), CancellationToken.None);

    private async Task<DeliveryFailedException> FailureAsync(string chatId = "1003", string text = "Nhắc việc")
    {
        var send = async () => await SendAsync(chatId, text);
        return (await send.Should().ThrowAsync<DeliveryFailedException>()).Which;
    }

    [Fact]
    public async Task SendAsync_ShouldRememberWhichTasksTheMessageIsAbout()
    {
        var sent = await SendAsync(codes: ["T1", "T2"]);

        sent.ChatId.Should().Be("1003");
        (await _store.FindMessageAsync(1003, int.Parse(sent.MessageId, System.Globalization.CultureInfo.InvariantCulture)))!.TaskCodes.Should().Equal("T1", "T2");
        _fake.SentTo(1003).Single().Html.Should().Be("Nhắc việc");
    }

    [Fact]
    public async Task SendAsync_WhenTheUserBlockedTheBot_ShouldFailAsBlocked()
    {
        _fake.Block(1003);

        (await FailureAsync()).Kind.Should().Be(DeliveryFailureKind.Blocked);
    }

    [Fact]
    public async Task SendAsync_WhenTheUserNeverStartedTheBot_ShouldFailAsBlocked()
    {
        (await FailureAsync(chatId: "4242")).Kind.Should().Be(DeliveryFailureKind.Blocked);
    }

    [Fact]
    public async Task SendAsync_WhenTelegramFailsWith5xx_ShouldFailAsTransient()
    {
        _fake.FailNext(1, 500);

        (await FailureAsync()).Kind.Should().Be(DeliveryFailureKind.Transient);
        (await SendAsync()).MessageId.Should().Be("1", "the next try goes through");
    }

    [Fact]
    public async Task SendAsync_WhenTelegramDoesNotAnswerInTime_ShouldFailAsTransient()
    {
        _fake.HangNext(1, "sendMessage");
        using var impatient = new TelegramApi(Options.Create(new TelegramOptions { BotToken = _fake.Token, BaseUrl = _fake.BaseUrl, RequestTimeoutSeconds = 1 }));
        var send = async () => await new TelegramChannel(impatient, _store, _clock).SendAsync(new OutgoingMessage("1003", Reply.Say("Nhắc việc")), CancellationToken.None);

        var failure = (await send.Should().ThrowAsync<DeliveryFailedException>()).Which;

        failure.Kind.Should().Be(DeliveryFailureKind.Transient);
        _fake.SentTo(1003).Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_WhenTheChatDoesNotExistOrTheIdIsNotAChat_ShouldFailAsPermanent()
    {
        (await FailureAsync(chatId: "-100999")).Kind.Should().Be(DeliveryFailureKind.Permanent);
        (await FailureAsync(chatId: "CB-DC")).Kind.Should().Be(DeliveryFailureKind.Permanent);
    }

    [Fact]
    public async Task SendAsync_WhenTelegramSays429_ShouldFailAsRateLimitedWithItsRetryAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
        await using var limited = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Clock = clock, RateLimits = new FakeRateLimits(PerChatBurst: 1, PerChatPerSecond: 0.25) });
        limited.AddUser(1003);
        using var api = new TelegramApi(Options.Create(new TelegramOptions { BotToken = limited.Token, BaseUrl = limited.BaseUrl }));
        var channel = new TelegramChannel(api, _store, _clock);
        await channel.SendAsync(new OutgoingMessage("1003", Reply.Say("một")), CancellationToken.None);

        var send = async () => await channel.SendAsync(new OutgoingMessage("1003", Reply.Say("hai")), CancellationToken.None);
        var failure = (await send.Should().ThrowAsync<DeliveryFailedException>()).Which;

        failure.Kind.Should().Be(DeliveryFailureKind.RateLimited);
        failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(4));
        limited.CallsTo("sendMessage").Should().HaveCount(2, "Telegram.Bot must not retry by itself");
    }
}
