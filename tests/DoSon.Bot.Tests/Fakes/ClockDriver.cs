using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>The one fake-clock driver of the tests. Its static methods move any FakeTimeProvider on
/// while the bot works on it, until what the test waits for has happened. Time moves only in small
/// steps, between which the test yields: the bot's own waits (the outbox's limits and back-off,
/// Quartz's triggers) come due in order, exactly as on a real clock, just without waiting for it. A
/// loop that read the clock just before a step arms its timer from the new time, which is why time
/// keeps moving rather than jumping once. The safety net is real time, and only a net: nothing is
/// asserted about how long anything takes.
/// <para>An instance is itself a FakeTimeProvider that also tells when the app starts waiting on it
/// (a back-off, a pause), so a test advances time exactly when something waits, instead of guessing
/// with real time. A timer counts once it is armed with a due time, whether at creation or by a later
/// Change (Task.Delay may create the timer first and arm it after); the reminder scheduler's own waits
/// are not counted.</para></summary>
public sealed class ClockDriver(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>How long a test waits for the bot at most; only a safety net, never a timing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxStep = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Any = TimeSpan.MinValue;

    private readonly Lock _gate = new();
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<TimeSpan, int> _armed = [];

    /// <summary>Sets the clock to <paramref name="instant"/> (if it is ahead), then runs until
    /// <paramref name="done"/> holds, moving time on by <paramref name="step"/> every
    /// <paramref name="spinsPerStep"/> yields.</summary>
    public static async Task AdvanceToAsync(FakeTimeProvider clock, DateTimeOffset instant, Func<bool> done, TimeSpan? step = null, int spinsPerStep = 2000)
    {
        MoveTo(clock, instant);
        await RunUntilAsync(clock, done, step ?? TimeSpan.FromMilliseconds(1), spinsPerStep);
    }

    /// <summary>Runs until <paramref name="done"/> holds, moving time on by <paramref name="step"/> every
    /// <paramref name="spinsPerStep"/> yields; the step doubles every 50 steps (up to a quarter of a second) while
    /// nothing is done, because a loop that armed a long wait just after a jump (Quartz re-checks
    /// its triggers every few seconds) would otherwise need thousands of small steps.</summary>
    public static Task RunUntilAsync(FakeTimeProvider clock, Func<bool> done, TimeSpan step, int spinsPerStep = 2000) =>
        RunUntilAsync(clock, () => Task.FromResult(done()), step, spinsPerStep, checkEvery: 1, doubleEvery: 50, MaxStep);

    /// <summary>As <see cref="RunUntilAsync(FakeTimeProvider, Func{bool}, TimeSpan, int)"/> for a condition
    /// that reads the store: it is checked every <paramref name="checkEvery"/> yields rather than every one,
    /// and the step doubles every <paramref name="doubleEvery"/> steps up to <paramref name="maxStep"/>.</summary>
    public static async Task RunUntilAsync(FakeTimeProvider clock, Func<Task<bool>> done, TimeSpan step, int spinsPerStep, int checkEvery, int doubleEvery, TimeSpan maxStep)
    {
        using var safety = new CancellationTokenSource(Patience + Patience);
        var spins = 0;
        var steps = 0;
        while (!await done())
        {
            if (safety.IsCancellationRequested)
            {
                throw new TimeoutException($"Still not done at {clock.GetUtcNow():O} (fake clock) after the safety net of {(Patience + Patience).TotalSeconds} s.");
            }

            for (var i = 0; i < checkEvery; i++)
            {
                await Task.Yield();
                if (++spins % spinsPerStep == 0)
                {
                    clock.Advance(step);
                    if (++steps % doubleEvery == 0)
                    {
                        step = step + step < maxStep ? step + step : maxStep;
                    }
                }
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/> if it is ahead.</summary>
    public static void MoveTo(FakeTimeProvider clock, DateTimeOffset instant)
    {
        var now = clock.GetUtcNow();
        if (instant > now)
        {
            clock.Advance(instant - now);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Armed(dueTime);
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers of any due time have been armed in all
    /// (for tests where nothing else waits on the clock).</summary>
    public Task WaitForTimersAsync(int count) => WaitForTimerAsync(Any, count);

    /// <summary>Completes once <paramref name="count"/> timers of exactly this due time have been
    /// armed in all. Counting by due time keeps a test's wait on the one delay it is about (a polling
    /// back-off of 1 s, then 2 s), whatever else (the reminder scheduler) also waits on the clock.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int count = 1)
    {
        lock (_gate)
        {
            if (_armed.GetValueOrDefault(dueTime) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, count, done));
            return done.Task.WaitAsync(Patience);
        }
    }

    private void Armed(TimeSpan dueTime)
    {
        // Quartz's scheduler thread waits on the same clock (1 s re-checks among others); its
        // timers are not what a test is waiting for, so they are not counted.
        if (new System.Diagnostics.StackTrace().GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Quartz", StringComparison.Ordinal) == true))
        {
            return;
        }

        lock (_gate)
        {
            _armed[dueTime] = _armed.GetValueOrDefault(dueTime) + 1;
            _armed[Any] = _armed.GetValueOrDefault(Any) + 1;
            foreach (var waiter in _waiters.Where(w => (w.DueTime == dueTime || w.DueTime == Any) && w.Count <= _armed[w.DueTime]).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class ObservedTimer(ITimer inner, ClockDriver clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                clock.Armed(dueTime);
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
