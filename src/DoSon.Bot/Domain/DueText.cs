namespace DoSon.Bot.Domain;

/// <summary>How a deadline reads to a ward official, one phrasing per distance, used by every list,
/// reminder and answer: "hạn hôm nay", "hạn ngày mai", "còn 3 ngày", "quá hạn 2 ngày". Never "còn 1
/// ngày (hạn ngày mai)": a distance is said once.</summary>
public static class DueText
{
    public static int DaysLeft(DateOnly due, DateOnly today) => due.DayNumber - today.DayNumber;

    /// <summary>The distance alone, for a place that shows the date beside it.</summary>
    public static string Relative(DateOnly due, DateOnly today)
    {
        var days = DaysLeft(due, today);
        return days switch
        {
            0 => "hạn hôm nay",
            1 => "hạn ngày mai",
            > 1 => $"còn {days} ngày",
            _ => $"quá hạn {-days} ngày",
        };
    }

    /// <summary>The distance and the date, as lists show a task: "còn 3 ngày (hạn 10/03/2026)",
    /// "hạn ngày mai (10/03/2026)", "quá hạn 2 ngày (hạn 08/03/2026)", "đã xong (hạn 10/03/2026)".</summary>
    public static string Of(WorkTask task, DateOnly today)
    {
        var deadline = Deadline(task);
        if (task.IsDone)
        {
            return $"đã xong (hạn {deadline})";
        }

        return DaysLeft(task.Due, today) is 0 or 1
            ? $"{Relative(task.Due, today)} ({deadline})"
            : $"{Relative(task.Due, today)} (hạn {deadline})";
    }

    /// <summary>A day that is not a deadline (a milestone): "hôm nay", "ngày mai", "còn 3 ngày", "đã qua 2 ngày".</summary>
    public static string Until(DateOnly date, DateOnly today)
    {
        var days = DaysLeft(date, today);
        return days switch
        {
            0 => "hôm nay",
            1 => "ngày mai",
            > 1 => $"còn {days} ngày",
            _ => $"đã qua {-days} ngày",
        };
    }

    public static string Deadline(WorkTask task) =>
        task.DueTime is { } time
            ? $"{WardClock.Format(task.Due)} {time:HH\\:mm}"
            : WardClock.Format(task.Due);

    /// <summary>The same with a capital first letter, to start a line.</summary>
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
}
