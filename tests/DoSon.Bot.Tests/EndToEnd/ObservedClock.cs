using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>A FakeTimeProvider that tells when the app starts waiting on it (a back-off, a pause), so
/// a test advances time exactly when something waits, instead of guessing with real time. A timer
/// counts once it is armed with a due time, whether at creation or by a later Change (Task.Delay may
/// create the timer first and arm it after).</summary>
public sealed class ObservedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _armed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Armed();
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers have been armed in all.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (_gate)
        {
            if (_armed >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(BotHost.Patience);
        }
    }

    private void Armed()
    {
        lock (_gate)
        {
            _armed++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _armed).ToList())
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
                clock.Armed();
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
