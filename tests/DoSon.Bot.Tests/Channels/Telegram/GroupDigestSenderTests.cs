using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Channels.Telegram.Groups;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Outbox;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.EndToEnd;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Channels.Telegram;

#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class GroupDigestSenderTests : IAsyncLifetime
{
    private const long Group = -1001;
    private readonly TempDatabase _database = new();
    private readonly ClockDriver _clock = new(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));
    private FakeTelegramServer _fake = null!;
    private LiteDbBotStore _store = null!;
    private TelegramApi _api = null!;
    private GroupDigestSender _sender = null!;
    private ChatOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        // The server counts on the same clock, so any message over Telegram's 20 a minute would get a 429.
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Clock = _clock, RateLimits = new FakeRateLimits(PerChatBurst: 100, PerChatPerSecond: 100) });
        _fake.AddGroup(Group, "Ban Thường vụ", supergroup: true);
        _store = _database.Open();
        await WardData.SeedIntoAsync(_store);
        await _store.RegisterGroupAsync(new TelegramGroup(Group, "Ban Thường vụ", "CVP", _clock.GetUtcNow()));
        _api = new TelegramApi(Options.Create(new TelegramOptions { BotToken = _fake.Token, BaseUrl = _fake.BaseUrl }));
        var channel = new TelegramChannel(_api, _store, _clock);
        // Only the group's 20 a minute matters here: no pace per chat (0), which would wait on this clock.
        var options = new ReminderOptions { Outbox = new OutboxOptions { PerChatPerSecond = 0, SafetyMarginMilliseconds = 0 } };
        _outbox = new ChatOutbox([channel], Options.Create(options), _clock, NullLoggerFactory.Instance);
        var outbox = new TelegramOutbox(_api, channel, _outbox, NullLogger<TelegramOutbox>.Instance);
        _sender = new GroupDigestSender(_store, _store, outbox, _clock, NullLogger<GroupDigestSender>.Instance);
    }

    public async Task DisposeAsync()
    {
        _sender.Dispose();
        _outbox.Dispose();
        _api.Dispose();
        _store.Dispose();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task SendAsync_ShouldNeverSendMoreThan20MessagesAMinuteIntoAGroup()
    {
        for (var i = 0; i < 20; i++)
        {
            (await _sender.SendAsync(DigestKind.Daily, CancellationToken.None)).Should().Be(1);
        }

        var twentyFirst = _sender.SendAsync(DigestKind.Daily, CancellationToken.None);
        await _clock.WaitForTimersAsync(1);
        twentyFirst.IsCompleted.Should().BeFalse("the 21st message waits for the minute to pass");
        _clock.Advance(TimeSpan.FromMinutes(1));

        (await twentyFirst.WaitAsync(BotHost.Patience)).Should().Be(1);
        _fake.SentTo(Group).Should().HaveCount(21);
        _fake.CallsTo("sendMessage").Should().OnlyContain(c => c.StatusCode == 200);
    }

    [Fact]
    public async Task SendAsync_WhenTheBotWasRemovedFromTheGroup_ShouldUnregisterIt()
    {
        _fake.Block(Group);

        (await _sender.SendAsync(DigestKind.Weekly, CancellationToken.None)).Should().Be(0);

        (await _store.GetGroupsAsync()).Should().BeEmpty();
    }
}
