using DoSon.Bot.Channels;
using DoSon.Bot.Domain;
using DoSon.Bot.Tests.EndToEnd;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Channels;

/// <summary>Flood control per sender, on the app's clock: strangers answered once per few minutes,
/// members limited per minute with one "slow down", drops counted once a minute, memory bounded.</summary>
public sealed class FloodGateTests : IDisposable
{
    private static readonly ChatAccount Member = ChatAccount.Telegram(1003);
    private static readonly ChatAccount Stranger = ChatAccount.Telegram(5555);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly FloodGate _gate;

    public FloodGateTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));
        _gate = Gate(new ChatOptions());
    }

    private FloodGate Gate(ChatOptions options) => new(Options.Create(options), _clock, _loggers.CreateLogger<FloodGate>());

    public void Dispose()
    {
        _gate.Dispose();
        _loggers.Dispose();
    }

    private List<FloodVerdict> Send(ChatAccount account, bool linked, int count) =>
        Enumerable.Range(0, count).Select(_ => _gate.Check(account, linked)).ToList();

    private IEnumerable<string> DropLines => _logs.Lines.Where(l => l.Contains("do gửi quá nhanh", StringComparison.Ordinal));

    [Fact]
    public void A_stranger_is_answered_once_then_dropped_until_the_interval_has_passed()
    {
        Send(Stranger, linked: false, 60).Should().Equal([FloodVerdict.Handle, .. Enumerable.Repeat(FloodVerdict.Drop, 59)]);

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        _gate.Check(Stranger, linked: false).Should().Be(FloodVerdict.Drop);
        _clock.Advance(TimeSpan.FromSeconds(1));
        _gate.Check(Stranger, linked: false).Should().Be(FloodVerdict.Handle);
        _gate.Check(Stranger, linked: false).Should().Be(FloodVerdict.Drop);
    }

    [Fact]
    public void A_member_gets_the_limit_handled_then_one_slow_down_then_drops_and_after_a_minute_is_handled_again()
    {
        var verdicts = Send(Member, linked: true, 30);

        verdicts.Take(20).Should().OnlyContain(v => v == FloodVerdict.Handle);
        verdicts[20].Should().Be(FloodVerdict.SlowDown);
        verdicts.Skip(21).Should().OnlyContain(v => v == FloodVerdict.Drop);

        _clock.Advance(TimeSpan.FromSeconds(59));
        _gate.Check(Member, linked: true).Should().Be(FloodVerdict.Drop, "the minute of silence is not over");
        _clock.Advance(TimeSpan.FromSeconds(1));
        _gate.Check(Member, linked: true).Should().Be(FloodVerdict.Handle);
    }

    [Fact]
    public void The_member_limit_is_a_sliding_minute_not_a_calendar_minute()
    {
        Send(Member, linked: true, 10).Should().OnlyContain(v => v == FloodVerdict.Handle);
        _clock.Advance(TimeSpan.FromSeconds(40));
        Send(Member, linked: true, 10).Should().OnlyContain(v => v == FloodVerdict.Handle);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _gate.Check(Member, linked: true).Should().Be(FloodVerdict.SlowDown, "20 were handled in the last 50 s");

        var steady = Gate(new ChatOptions { MaxMessagesPerMinute = 20 });
        var other = ChatAccount.Zalo("7f3e0c2a9b1d4e5f1003");
        for (var i = 0; i < 120; i++)
        {
            steady.Check(other, linked: true).Should().Be(FloodVerdict.Handle, "one message every 3 s is 20 a minute");
            _clock.Advance(TimeSpan.FromSeconds(3));
        }

        steady.Dispose();
    }

    [Fact]
    public void Senders_are_limited_each_on_their_own_and_per_platform()
    {
        Send(Member, linked: true, 21);

        _gate.Check(ChatAccount.Telegram(1001), linked: true).Should().Be(FloodVerdict.Handle);
        _gate.Check(ChatAccount.Zalo("1003"), linked: true).Should().Be(FloodVerdict.Handle, "the same id on Zalo is another account");
        _gate.Check(ChatAccount.Telegram(6666), linked: false).Should().Be(FloodVerdict.Handle);
    }

    [Fact]
    public void The_numbers_come_from_the_settings()
    {
        using var gate = Gate(new ChatOptions { MaxMessagesPerMinute = 3, StrangerAnswerEveryMinutes = 1 });

        Enumerable.Range(0, 5).Select(_ => gate.Check(Member, linked: true)).Should()
            .Equal(FloodVerdict.Handle, FloodVerdict.Handle, FloodVerdict.Handle, FloodVerdict.SlowDown, FloodVerdict.Drop);
        gate.Check(Stranger, linked: false).Should().Be(FloodVerdict.Handle);
        _clock.Advance(TimeSpan.FromMinutes(1));
        gate.Check(Stranger, linked: false).Should().Be(FloodVerdict.Handle);
    }

    [Fact]
    public void Drops_are_logged_once_a_minute_per_platform_with_counts_not_one_line_each()
    {
        Send(Stranger, linked: false, 60);
        Send(ChatAccount.Telegram(5556), linked: false, 11);
        Send(ChatAccount.Zalo("9c8b7a6f5e4d3c2b5555"), linked: false, 5);
        DropLines.Should().BeEmpty("nothing is logged per message");

        _clock.Advance(TimeSpan.FromMinutes(1));

        DropLines.Should().BeEquivalentTo(
            "Warning DoSon.Bot.Channels.FloodGate: Bỏ qua 69 tin nhắn Telegram từ 2 tài khoản do gửi quá nhanh trong phút vừa qua.",
            "Warning DoSon.Bot.Channels.FloodGate: Bỏ qua 4 tin nhắn Zalo từ 1 tài khoản do gửi quá nhanh trong phút vừa qua.");
        _gate.DroppedSoFar(ChatPlatform.Telegram).Should().Be(69);

        _clock.Advance(TimeSpan.FromMinutes(1));
        DropLines.Should().HaveCount(2, "a quiet minute writes nothing");
        Send(Stranger, linked: false, 3);
        _clock.Advance(TimeSpan.FromMinutes(1));
        DropLines.Last().Should().Contain("Bỏ qua 3 tin nhắn Telegram từ 1 tài khoản");
    }

    [Fact]
    public void Idle_senders_are_forgotten_and_at_most_the_bound_are_kept_under_a_flood_of_accounts()
    {
        Send(Stranger, linked: false, 2);
        Send(Member, linked: true, 2);
        _gate.TrackedSenders.Should().Be(2);

        _clock.Advance(TimeSpan.FromMinutes(11));
        _gate.Check(ChatAccount.Zalo("9c8b7a6f5e4d3c2b5555"), linked: false);
        _gate.TrackedSenders.Should().Be(1, "the two idle senders are forgotten");

        for (var id = 0; id < FloodGate.MaxTrackedSenders * 3; id++)
        {
            _gate.Check(ChatAccount.Telegram(100_000 + id), linked: false).Should().Be(FloodVerdict.Handle);
        }

        _gate.TrackedSenders.Should().BeLessThanOrEqualTo(FloodGate.MaxTrackedSenders);
    }

    [Theory]
    [InlineData(0, 20, "Chat:StrangerAnswerEveryMinutes")]
    [InlineData(-1, 20, "Chat:StrangerAnswerEveryMinutes")]
    [InlineData(2000, 20, "Chat:StrangerAnswerEveryMinutes")]
    [InlineData(10, 0, "Chat:MaxMessagesPerMinute")]
    [InlineData(10, 5000, "Chat:MaxMessagesPerMinute")]
    public void Wrong_settings_are_refused_naming_the_key(double strangerMinutes, int perMinute, string key)
    {
        var result = new ChatOptionsValidator().Validate(null, new ChatOptions { StrangerAnswerEveryMinutes = strangerMinutes, MaxMessagesPerMinute = perMinute });

        result.Failed.Should().BeTrue();
        result.Failures.Should().ContainSingle().Which.Should().StartWith(key + " = ");
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        new ChatOptionsValidator().Validate(null, new ChatOptions()).Succeeded.Should().BeTrue();
        new ChatOptions().Should().BeEquivalentTo(new { StrangerAnswerEveryMinutes = 10.0, MaxMessagesPerMinute = 20 });
    }
}
