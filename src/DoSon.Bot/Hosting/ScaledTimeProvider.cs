using DoSon.Bot.Domain;
using Microsoft.Extensions.Hosting;

namespace DoSon.Bot.Hosting;

/// <summary>The app's clock for demos: starts at Clock:Start and runs Clock:Speed times faster than
/// real time, timers included, so the March 2026 sample can be lived through in minutes.
/// <para>With <c>startRunning: false</c> it stays at Clock:Start until <see cref="Run"/> (the host
/// calls it once started): at 3600x the few seconds a start takes would otherwise be hours, and
/// the first morning's reminders would already lie in the past when they are planned.</para></summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _start;
    private readonly double _speed;
    private long _realStartTicks;
    private volatile bool _running;

    public ScaledTimeProvider(TimeProvider real, DateTimeOffset start, double speed, bool startRunning = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _real = real;
        _start = start.ToUniversalTime();
        _speed = speed;
        _realStartTicks = real.GetTimestamp();
        _running = startRunning;
    }

    /// <summary>Lets a clock made with <c>startRunning: false</c> run from Clock:Start on.</summary>
    public void Run()
    {
        if (_running)
        {
            return;
        }

        Interlocked.Exchange(ref _realStartTicks, _real.GetTimestamp());
        _running = true;
    }

    public override TimeZoneInfo LocalTimeZone => WardClock.Zone;

    public override DateTimeOffset GetUtcNow() => _running
        ? _start + TimeSpan.FromTicks((long)(_real.GetElapsedTime(Interlocked.Read(ref _realStartTicks)).Ticks * _speed))
        : _start;

    public override long GetTimestamp()
    {
        var start = Interlocked.Read(ref _realStartTicks);
        return _running ? start + (long)((_real.GetTimestamp() - start) * _speed) : start;
    }

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, callback, state, dueTime, period);

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)(span.Ticks / _speed));

    // A period that scales below a millisecond would reach System.Threading.Timer as 0, which means
    // "fire once", silently turning a periodic timer into a one-shot one at high speeds.
    private TimeSpan ScalePeriod(TimeSpan period) =>
        period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero
            ? period
            : TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(period.Ticks / _speed)));

    /// <summary>A real timer on scaled times. Callers (Quartz's scheduler loop, Task.Delay with a
    /// TimeProvider, Polly) re-arm with Change, so Change is scaled too. System timers may fire up to
    /// a millisecond early, which at 3600x is several seconds of the scaled clock: a callback that
    /// comes early is put off until the scaled clock has really reached its time.</summary>
    private sealed class ScaledTimer : ITimer
    {
        private readonly ScaledTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _inner;
        private readonly Lock _gate = new();
        private DateTimeOffset _due = DateTimeOffset.MaxValue;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ScaledTimer(ScaledTimeProvider owner, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
            _inner = owner._real.CreateTimer(static s => ((ScaledTimer)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : _owner.GetUtcNow() + dueTime;
                _period = period;
                return _inner.Change(_owner.Scale(dueTime), _owner.ScalePeriod(period));
            }
        }

        private void Fire()
        {
            lock (_gate)
            {
                var now = _owner.GetUtcNow();
                if (_due != DateTimeOffset.MaxValue && now < _due)
                {
                    var rest = _owner.Scale(_due - now);
                    _inner.Change(rest < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : rest, _owner.ScalePeriod(_period));
                    return;
                }

                _due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? DateTimeOffset.MaxValue : now + _period;
            }

            _callback(_state);
        }

        public void Dispose() => _inner.Dispose();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}

/// <summary>Lets the demo clock run once the host has started (seeded, planned, scheduled).</summary>
public sealed class ScaledClockStarter(TimeProvider time, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (time is ScaledTimeProvider scaled)
        {
            lifetime.ApplicationStarted.Register(scaled.Run);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
