using DoSon.Bot.Domain;

namespace DoSon.Bot.Hosting;

/// <summary>The app's clock for demos: starts at Clock:Start and runs Clock:Speed times faster than
/// real time, timers included, so the March 2026 sample can be lived through in minutes.</summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _start;
    private readonly long _realStartTicks;
    private readonly double _speed;

    public ScaledTimeProvider(TimeProvider real, DateTimeOffset start, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _real = real;
        _start = start.ToUniversalTime();
        _speed = speed;
        _realStartTicks = real.GetTimestamp();
    }

    public override TimeZoneInfo LocalTimeZone => WardClock.Zone;

    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)(_real.GetElapsedTime(_realStartTicks).Ticks * _speed));

    public override long GetTimestamp() =>
        _realStartTicks + (long)((_real.GetTimestamp() - _realStartTicks) * _speed);

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)(span.Ticks / _speed));
}
