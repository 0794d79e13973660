using System.Globalization;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reminders;

/// <summary>The validated, parsed form of <see cref="ReminderOptions"/> the planner works with.</summary>
public sealed record ReminderPolicy(
    IReadOnlyList<int> DaysBefore,
    bool OnTheDay,
    TimeOnly TimeOfDay,
    int OverdueNudges,
    int EscalateAfterDays,
    TimeOnly? QuietStart,
    TimeOnly? QuietEnd,
    IReadOnlyList<int> MilestoneDaysBefore,
    TimeSpan CatchUpWindow,
    bool DigestEnabled,
    TimeOnly DigestTime,
    int DigestDaysAhead)
{
    public static ReminderPolicy Default { get; } = From(new ReminderOptions());

    public static ReminderPolicy From(ReminderOptions o)
    {
        var quiet = TryParseTime(o.QuietHours.Start, out var qs) & TryParseTime(o.QuietHours.End, out var qe);
        return new(
            [.. (o.DaysBefore ?? ReminderOptions.DefaultDaysBefore).Distinct().OrderByDescending(d => d)],
            o.OnTheDay,
            Parse(o.TimeOfDay),
            o.OverdueNudges,
            o.EscalateAfterDays,
            quiet ? qs : null,
            quiet ? qe : null,
            [.. (o.MilestoneDaysBefore ?? ReminderOptions.DefaultMilestoneDaysBefore).Distinct().OrderByDescending(d => d)],
            TimeSpan.FromHours(o.CatchUpHours),
            o.Digest.Enabled,
            TryParseTime(o.Digest.Time, out var dt) ? dt : new TimeOnly(17, 0),
            o.Digest.DaysAhead);
    }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static TimeOnly Parse(string text) =>
        TryParseTime(text, out var t) ? t : throw new FormatException($"Giờ «{text}» không đúng dạng HH:mm.");

    public bool IsQuiet(TimeOnly local)
    {
        if (QuietStart is not { } start || QuietEnd is not { } end)
        {
            return false;
        }

        // A window such as 21:00-07:00 wraps midnight.
        return start < end ? local >= start && local < end : local >= start || local < end;
    }

    /// <summary>The instant itself, or the end of the quiet hours it falls in: nothing is sent while
    /// the ward sleeps, and what fell due then goes out when they end.</summary>
    public DateTimeOffset OutOfQuietHours(DateTimeOffset instant)
    {
        var local = WardClock.ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!IsQuiet(time))
        {
            return instant;
        }

        var date = DateOnly.FromDateTime(local.DateTime);
        var end = QuietEnd!.Value;
        if (time >= end)
        {
            // Past the end time on this date means the window wrapped midnight: it ends tomorrow.
            date = date.AddDays(1);
        }

        return WardClock.ToInstant(date, end);
    }

    /// <summary>The instant of a local date at a local time, moved out of the quiet hours.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) => OutOfQuietHours(WardClock.ToInstant(date, time));
}
