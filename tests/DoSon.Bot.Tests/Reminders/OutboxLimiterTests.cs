using DoSon.Bot.Outbox;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Reminders;

public class OutboxLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);

    /// <summary>Starts one acquirer per chat and moves the fake clock on in steps, but only once every
    /// acquirer already let through has written down the time it was let through: the clock never
    /// moves under a continuation that has not run yet.</summary>
    private static async Task<Dictionary<int, DateTimeOffset>> GrantTimesAsync(
        FakeTimeProvider clock, OutboxLimiter limiter, List<string> chats, TimeSpan step, int maxSteps)
    {
        var times = new Dictionary<int, DateTimeOffset>();
        var tasks = chats.Select(async (chat, i) =>
        {
            // Answered at once: each window runs from the grant.
            (await limiter.AcquireAsync(chat, CancellationToken.None)).Dispose();
            lock (times)
            {
                times[i] = clock.GetUtcNow();
            }
        }).ToList();
        var all = Task.WhenAll(tasks);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < maxSteps && !all.IsCompleted; i++)
        {
            while (true)
            {
                int recorded;
                lock (times)
                {
                    recorded = times.Count;
                }

                if (recorded >= chats.Count - limiter.Waiting)
                {
                    break;
                }

                safety.Token.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            if (!all.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        await all.WaitAsync(TimeSpan.FromSeconds(60));
        return times;
    }

    [Fact]
    public async Task AcquireAsync_lets_at_most_the_overall_limit_through_in_any_second()
    {
        var clock = new FakeTimeProvider(T0);
        using var limiter = new OutboxLimiter(clock, perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20, TimeSpan.Zero);

        var times = (await GrantTimesAsync(clock, limiter, [.. Enumerable.Range(1, 75).Select(i => $"{i}")], TimeSpan.FromMilliseconds(100), 1000))
            .Values.Order().ToList();

        times.Should().HaveCount(75);
        foreach (var t in times)
        {
            times.Count(o => o >= t && o < t + TimeSpan.FromSeconds(1)).Should().BeLessThanOrEqualTo(30);
        }

        times[29].Should().Be(T0);
        times[30].Should().Be(T0 + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AcquireAsync_spaces_messages_to_one_chat_by_a_second()
    {
        var clock = new FakeTimeProvider(T0);
        using var limiter = new OutboxLimiter(clock, 30, 1, 20, TimeSpan.Zero);

        var times = await GrantTimesAsync(clock, limiter, ["7", "7", "7"], TimeSpan.FromMilliseconds(100), 1000);

        times.Values.Order().Should().Equal(T0, T0 + TimeSpan.FromSeconds(1), T0 + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AcquireAsync_lets_at_most_the_group_limit_into_a_group_chat_per_minute_without_holding_up_others()
    {
        var clock = new FakeTimeProvider(T0);
        using var limiter = new OutboxLimiter(clock, 30, 30, 20, TimeSpan.Zero);
        var chats = Enumerable.Repeat("-100123", 21).Append("5").ToList();

        var times = await GrantTimesAsync(clock, limiter, chats, TimeSpan.FromSeconds(1), 200);

        times[21].Should().BeBefore(T0 + TimeSpan.FromSeconds(5), "a private chat does not wait behind a full group");
        times.Where(kv => kv.Key < 21).Count(kv => kv.Value < T0 + TimeSpan.FromMinutes(1)).Should().Be(20);
        times[20].Should().BeOnOrAfter(T0 + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_message_holds_its_place_in_the_window_until_its_answer_is_back_and_its_second_runs_from_then()
    {
        var clock = new FakeTimeProvider(T0);
        using var limiter = new OutboxLimiter(clock, perSecond: 2, perChatPerSecond: 1, perGroupPerMinute: 20, TimeSpan.Zero);
        var first = await limiter.AcquireAsync("1", CancellationToken.None);
        using var second = await limiter.AcquireAsync("2", CancellationToken.None);
        var third = limiter.AcquireAsync("3", CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(5));
        limiter.Waiting.Should().Be(1, "both places are held by messages still under way");
        first.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        limiter.Waiting.Should().Be(1, "the first message's second runs from its answer");
        clock.Advance(TimeSpan.FromMilliseconds(1));

        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        limiter.Waiting.Should().Be(0);
    }

    [Fact]
    public async Task A_chat_gets_its_next_message_a_second_after_the_answer_to_the_last()
    {
        var clock = new FakeTimeProvider(T0);
        using var limiter = new OutboxLimiter(clock, 30, 1, 20, TimeSpan.Zero);
        var first = await limiter.AcquireAsync("7", CancellationToken.None);
        var next = limiter.AcquireAsync("7", CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(3));
        limiter.Waiting.Should().Be(1, "the first message to the chat is still under way");
        first.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        limiter.Waiting.Should().Be(1);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task PauseUntil_holds_every_chat_until_the_instant()
    {
        var clock = new FakeTimeProvider(T0);
        using var limiter = new OutboxLimiter(clock, 30, 1, 20, TimeSpan.Zero);
        limiter.PauseUntil(T0 + TimeSpan.FromSeconds(5));

        var times = await GrantTimesAsync(clock, limiter, ["1", "2"], TimeSpan.FromMilliseconds(500), 100);

        times.Values.Should().HaveCount(2).And.OnlyContain(t => t >= T0 + TimeSpan.FromSeconds(5));
    }
}
