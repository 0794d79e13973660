using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Moves a FakeTimeProvider on while the bot works on it, until what the test waits for has
/// happened. Time moves only in small steps, between which the test yields: the bot's own waits (the
/// outbox's limits and back-off, Quartz's triggers) come due in order, exactly as on a real clock,
/// just without waiting for it. A loop that read the clock just before a step arms its timer from the
/// new time, which is why time keeps moving rather than jumping once. The safety net is real time,
/// and only a net: nothing is asserted about how long anything takes.</summary>
public static class ClockDriver
{
    /// <summary>Sets the clock to <paramref name="instant"/> (if it is ahead), then runs until
    /// <paramref name="done"/> holds, moving time on by <paramref name="step"/> every
    /// <paramref name="spinsPerStep"/> yields.</summary>
    public static async Task AdvanceToAsync(FakeTimeProvider clock, DateTimeOffset instant, Func<bool> done, TimeSpan? step = null, int spinsPerStep = 2000)
    {
        var now = clock.GetUtcNow();
        if (instant > now)
        {
            clock.Advance(instant - now);
        }

        await RunUntilAsync(clock, done, step ?? TimeSpan.FromMilliseconds(1), spinsPerStep);
    }

    /// <summary>Runs until <paramref name="done"/> holds, moving time on by <paramref name="step"/> every
    /// <paramref name="spinsPerStep"/> yields; the step doubles every 50 steps (up to a quarter of a second) while
    /// nothing is done, because a loop that armed a long wait just after a jump (Quartz re-checks
    /// its triggers every few seconds) would otherwise need thousands of small steps.</summary>
    public static async Task RunUntilAsync(FakeTimeProvider clock, Func<bool> done, TimeSpan step, int spinsPerStep = 2000)
    {
        using var safety = new CancellationTokenSource(BotHost.Patience + BotHost.Patience);
        var spins = 0;
        var steps = 0;
        while (!done())
        {
            if (safety.IsCancellationRequested)
            {
                throw new TimeoutException($"Still not done at {clock.GetUtcNow():O} (fake clock) after the safety net of {(BotHost.Patience + BotHost.Patience).TotalSeconds} s.");
            }

            await Task.Yield();
            if (++spins % spinsPerStep == 0)
            {
                clock.Advance(step);
                if (++steps % 50 == 0)
                {
                    step = step + step < MaxStep ? step + step : MaxStep;
                }
            }
        }
    }

    private static readonly TimeSpan MaxStep = TimeSpan.FromMilliseconds(250);
}
