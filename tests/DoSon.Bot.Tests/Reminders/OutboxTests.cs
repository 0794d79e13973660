using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using DoSon.Bot.Outbox;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>The outbox against a fake channel that fails as a platform would. The channel is the only
/// thing a test against a fake Bot API server would change.</summary>
public class OutboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);

    private static OutgoingMessage Message(string chat, string text = "Nhắc việc") => new(chat, Reply.Say(text), ["T1"]);

    private static (OutboxSender Sender, RecordingChannel Channel, FakeTimeProvider Clock) Build(int maxTries = 5, Func<OutgoingMessage, int, Exception?>? failure = null)
    {
        var clock = new FakeTimeProvider(T0);
        var channel = new RecordingChannel(clock);
        if (failure is not null)
        {
            channel.Failure = failure;
        }

        var options = new OutboxOptions { MaxTries = maxTries, BaseDelaySeconds = 2, SafetyMarginMilliseconds = 0 };
        return (new OutboxSender(channel, options, clock, NullLogger.Instance, randomizer: () => 0.5), channel, clock);
    }

    /// <summary>Moves the fake clock on in small steps until the work is done, yielding in between so
    /// that the outbox's continuations run; no wall-clock waiting.</summary>
    private static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> work, TimeSpan step, TimeSpan limit)
    {
        var moved = TimeSpan.Zero;
        while (!work.IsCompleted)
        {
            for (var i = 0; i < 20 && !work.IsCompleted; i++)
            {
                await Task.Yield();
            }

            if (work.IsCompleted || moved >= limit)
            {
                break;
            }

            clock.Advance(step);
            moved += step;
        }

        return await work.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task RateLimited_is_retried_exactly_after_retry_after_and_holds_back_every_other_message()
    {
        var (sender, channel, clock) = Build(failure: (m, attempt) =>
            m.ChatId == "1" && attempt == 1 ? new DeliveryFailedException(DeliveryFailureKind.RateLimited, "Too Many Requests: retry after 7", TimeSpan.FromSeconds(7)) : null);
        var retried = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        sender.Retrying += (_, _, delay, _) => retried.TrySetResult(delay);

        var first = sender.SendAsync(Message("1"), CancellationToken.None);
        (await retried.Task.WaitAsync(TimeSpan.FromSeconds(60))).Should().Be(TimeSpan.FromSeconds(7), "retry_after is obeyed to the tick, without jitter");
        var other = sender.SendAsync(Message("2"), CancellationToken.None);

        var outcome = await RunAsync(clock, first, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));
        await RunAsync(clock, other, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));

        outcome.Status.Should().Be(DeliveryStatus.Sent);
        outcome.Attempts.Should().Be(2);
        channel.Attempts.Where(a => a.ChatId == "1").Select(a => a.At).Should().HaveCount(2)
            .And.Subject.Last().Should().BeOnOrAfter(T0 + TimeSpan.FromSeconds(7));
        channel.Accepted.Should().HaveCount(2).And.OnlyContain(a => a.At >= T0 + TimeSpan.FromSeconds(7),
            "nothing at all is sent before retry_after has elapsed on the clock");
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_back_off_until_the_platform_accepts()
    {
        var (sender, channel, clock) = Build(failure: (_, attempt) =>
            attempt <= 2 ? new DeliveryFailedException(DeliveryFailureKind.Transient, "502 Bad Gateway") : null);
        var delays = new List<TimeSpan>();
        sender.Retrying += (_, _, delay, _) => delays.Add(delay);

        var outcome = await RunAsync(clock, sender.SendAsync(Message("1"), CancellationToken.None), TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5));

        outcome.Status.Should().Be(DeliveryStatus.Sent);
        outcome.Attempts.Should().Be(3);
        channel.Accepted.Should().ContainSingle("nothing is doubled");
        delays.Should().HaveCount(2).And.OnlyContain(d => d > TimeSpan.Zero);
        delays[1].Should().BeGreaterThan(delays[0], "the back-off grows");
    }

    [Fact]
    public async Task Transient_failures_give_up_after_the_set_number_of_tries()
    {
        var (sender, channel, clock) = Build(maxTries: 3, failure: (_, _) => new DeliveryFailedException(DeliveryFailureKind.Transient, "timeout"));

        var outcome = await RunAsync(clock, sender.SendAsync(Message("1"), CancellationToken.None), TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5));

        outcome.Status.Should().Be(DeliveryStatus.Failed);
        outcome.Attempts.Should().Be(3);
        channel.Attempts.Should().HaveCount(3);
        channel.Accepted.Should().BeEmpty();
    }

    [Fact]
    public async Task Blocked_and_permanent_failures_are_not_retried()
    {
        var (sender, channel, _) = Build(failure: (m, _) => m.ChatId == "1"
            ? new DeliveryFailedException(DeliveryFailureKind.Blocked, "Forbidden: bot was blocked by the user")
            : new DeliveryFailedException(DeliveryFailureKind.Permanent, "Bad Request: chat not found"));

        var blocked = await sender.SendAsync(Message("1"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var permanent = await sender.SendAsync(Message("2"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        blocked.Status.Should().Be(DeliveryStatus.Blocked);
        permanent.Status.Should().Be(DeliveryStatus.Failed);
        channel.Attempts.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_stopping_outbox_leaves_unsent_messages_unsent_rather_than_lost_halfway()
    {
        var (sender, channel, _) = Build();
        using var stop = new CancellationTokenSource();
        var first = sender.SendAsync(Message("1"), stop.Token);
        var second = sender.SendAsync(Message("1", "thứ hai"), stop.Token); // waits a second for the same chat

        await first.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();

        (await second.WaitAsync(TimeSpan.FromSeconds(60))).Status.Should().Be(DeliveryStatus.Cancelled);
        channel.Accepted.Should().ContainSingle();
    }

    [Fact]
    public async Task Many_messages_with_random_failures_are_each_accepted_exactly_once()
    {
        // Chat n fails on its first tries in a pattern: transient, rate limited, both, or not at all.
        var (sender, channel, clock) = Build(maxTries: 5, failure: (m, attempt) =>
            (int.Parse(m.ChatId, System.Globalization.CultureInfo.InvariantCulture) % 4, attempt) switch
            {
                (0, 1) or (2, 2) => new DeliveryFailedException(DeliveryFailureKind.Transient, "500 Internal Server Error"),
                (1, 1) or (2, 1) => new DeliveryFailedException(DeliveryFailureKind.RateLimited, "429", TimeSpan.FromSeconds(3)),
                _ => null,
            });

        var sends = Enumerable.Range(1, 60).Select(i => sender.SendAsync(Message(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)).ToList();
        var outcomes = await RunAsync(clock, Task.WhenAll(sends), TimeSpan.FromMilliseconds(250), TimeSpan.FromHours(1));

        outcomes.Should().OnlyContain(o => o.Status == DeliveryStatus.Sent);
        channel.Accepted.Select(a => a.Message.ChatId).Should().OnlyHaveUniqueItems().And.HaveCount(60);
    }
}
