using DoSon.Bot.Hosting;
using FluentAssertions;

namespace DoSon.Bot.Tests.Hosting;

/// <summary>The demo clock at Clock:Speed=3600 (an hour a second), as Quartz and Polly use it.</summary>
public class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_timer_rearmed_with_Change_waits_scaled_time()
    {
        var clock = new ScaledTimeProvider(TimeProvider.System, Start, 3600);
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // Unscaled, an hour; scaled, a second. Quartz's scheduler loop re-arms its wait this way.
        timer.Change(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(60));
        clock.GetUtcNow().Should().BeOnOrAfter(Start + TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_short_period_stays_periodic_at_high_speed()
    {
        var clock = new ScaledTimeProvider(TimeProvider.System, Start, 3600);
        var ticks = 0;
        var thrice = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ =>
        {
            if (Interlocked.Increment(ref ticks) == 3)
            {
                thrice.TrySetResult();
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));

        await thrice.Task.WaitAsync(TimeSpan.FromSeconds(60));
        ticks.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Delay_on_the_scaled_clock_lasts_the_scaled_time()
    {
        var clock = new ScaledTimeProvider(TimeProvider.System, Start, 3600);

        await Task.Delay(TimeSpan.FromMinutes(30), clock).WaitAsync(TimeSpan.FromSeconds(60));

        clock.GetUtcNow().Should().BeOnOrAfter(Start + TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void A_clock_made_to_wait_stands_at_the_start_until_it_is_told_to_run()
    {
        var clock = new ScaledTimeProvider(TimeProvider.System, Start, 3600, startRunning: false);
        var before = clock.GetUtcNow();

        clock.Run();
        var spin = new SpinWait();
        while (clock.GetUtcNow() == Start)
        {
            spin.SpinOnce();
        }

        before.Should().Be(Start, "a start that takes seconds must not cost the demo hours");
        clock.GetUtcNow().Should().BeAfter(Start);
    }
}
