using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>A FakeTimeProvider that tells when the app starts waiting on it (a back-off, a pause), so
/// a test advances time exactly when something waits, instead of guessing with real time. A timer
/// counts once it is armed with a due time, whether at creation or by a later Change (Task.Delay may
/// create the timer first and arm it after); the reminder scheduler's own waits are not counted.</summary>
public sealed class ObservedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<TimeSpan, int> _armed = [];
    private static readonly TimeSpan Any = TimeSpan.MinValue;

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
            return done.Task.WaitAsync(BotHost.Patience);
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

    private sealed class ObservedTimer(ITimer inner, ObservedClock clock) : ITimer
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
