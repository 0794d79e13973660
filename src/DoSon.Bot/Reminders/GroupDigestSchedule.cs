using System.Globalization;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reminders;

/// <summary>One digest to send: which kind, for which local date, and when.</summary>
public readonly record struct GroupDigestOccurrence(DigestKind Kind, DateOnly Date, DateTimeOffset At);

/// <summary>When the registered groups get the ward digest: daily at one local time, weekly on one day
/// at another, both moved out of the quiet hours like every reminder. Pure: a function of the
/// settings and the instant asked about.</summary>
public sealed class GroupDigestSchedule
{
    private static readonly Dictionary<string, DayOfWeek> VietnameseDays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Thứ Hai"] = DayOfWeek.Monday,
        ["Thứ Ba"] = DayOfWeek.Tuesday,
        ["Thứ Tư"] = DayOfWeek.Wednesday,
        ["Thứ Năm"] = DayOfWeek.Thursday,
        ["Thứ Sáu"] = DayOfWeek.Friday,
        ["Thứ Bảy"] = DayOfWeek.Saturday,
        ["Chủ nhật"] = DayOfWeek.Sunday,
    };

    private readonly ReminderPolicy _policy;
    private readonly TimeOnly? _daily;
    private readonly DayOfWeek? _weeklyDay;
    private readonly TimeOnly _weeklyTime;

    public GroupDigestSchedule(ReminderOptions options)
    {
        var o = options.GroupDigest;
        _policy = ReminderPolicy.From(options);
        Enabled = o.Enabled;
        _daily = ReminderPolicy.TryParseTime(o.DailyTime, out var daily) ? daily : null;
        _weeklyDay = TryParseDay(o.WeeklyDay, out var day) ? day : null;
        _weeklyTime = ReminderPolicy.TryParseTime(o.WeeklyTime, out var weekly) ? weekly : new TimeOnly(7, 0);
        CatchUpWindow = _policy.CatchUpWindow;
    }

    public bool Enabled { get; }

    /// <summary>A digest missed while the bot was stopped is sent at start if it is at most this old
    /// and still of today (the reminders' Reminders:CatchUpHours).</summary>
    public TimeSpan CatchUpWindow { get; }

    /// <summary>The kinds that are on.</summary>
    public IReadOnlyList<DigestKind> Kinds =>
        !Enabled ? [] : [.. new[] { _daily is null ? (DigestKind?)null : DigestKind.Daily, _weeklyDay is null ? null : DigestKind.Weekly }.OfType<DigestKind>()];

    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        var t = text?.Trim() ?? "";
        // Enum.TryParse also takes numbers and "Monday, Tuesday" (OR-ed together): only a plain name will do.
        if (t.Length > 0 && char.IsLetter(t[0]) && !t.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(t, ignoreCase: true, out day) && Enum.IsDefined(day))
        {
            return true;
        }

        return VietnameseDays.TryGetValue(t.Normalize(), out day);
    }

    /// <summary>The set time of day of a kind when it falls inside the quiet hours (it is then sent when
    /// they end), for a line in the log at start.</summary>
    public TimeOnly? QuietTime(DigestKind kind)
    {
        var time = kind == DigestKind.Daily ? _daily : _weeklyTime;
        return time is { } t && _policy.IsQuiet(t) ? t : null;
    }

    public bool Occurs(DigestKind kind, DateOnly date) => kind switch
    {
        DigestKind.Daily => _daily is not null,
        DigestKind.Weekly => _weeklyDay == date.DayOfWeek,
        _ => false,
    };

    /// <summary>The instant of a kind's digest for a local date, out of the quiet hours.</summary>
    public DateTimeOffset At(DigestKind kind, DateOnly date) =>
        _policy.At(date, kind == DigestKind.Daily ? _daily ?? TimeOnly.MinValue : _weeklyTime);

    /// <summary>What to schedule at start: today's digest at once if it was missed (while the bot was
    /// stopped) within the catch-up window on the same local day, otherwise the next one.</summary>
    public GroupDigestOccurrence First(DigestKind kind, DateTimeOffset now)
    {
        var today = LocalDate(now);
        var latest = Around(kind, today).LastOrDefault(o => o.At <= now);
        if (latest != default
            && now - latest.At <= CatchUpWindow
            && LocalDate(latest.At) == today)
        {
            return latest with { At = now };
        }

        return Around(kind, today).First(o => o.At > now);
    }

    /// <summary>The digest after the one of <paramref name="date"/>: later date, still ahead of now
    /// (a clock that jumped does not replay the days in between).</summary>
    public GroupDigestOccurrence Next(DigestKind kind, DateOnly date, DateTimeOffset now)
    {
        var today = LocalDate(now);
        var from = date > today ? date : today;
        return Around(kind, from).First(o => o.Date > date && o.At > now);
    }

    /// <summary>The occurrences on the dates a week either side, in time order.</summary>
    private IEnumerable<GroupDigestOccurrence> Around(DigestKind kind, DateOnly date) =>
        Enumerable.Range(-8, 17)
            .Select(date.AddDays)
            .Where(d => Occurs(kind, d))
            .Select(d => new GroupDigestOccurrence(kind, d, At(kind, d)))
            .OrderBy(o => o.At);

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(WardClock.ToLocal(instant).DateTime);

    public static string DateKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
