namespace DoSon.Bot.Domain;

/// <summary>How a deadline reads to a ward official: "còn 3 ngày", "hôm nay", "quá hạn 2 ngày".</summary>
public static class DueText
{
    public static int DaysLeft(DateOnly due, DateOnly today) => due.DayNumber - today.DayNumber;

    public static string Relative(DateOnly due, DateOnly today)
    {
        var days = DaysLeft(due, today);
        return days switch
        {
            0 => "hạn hôm nay",
            1 => "còn 1 ngày (hạn ngày mai)",
            > 1 => $"còn {days} ngày",
            -1 => "quá hạn 1 ngày",
            _ => $"quá hạn {-days} ngày",
        };
    }

    public static string Deadline(WorkTask task) =>
        task.DueTime is { } time
            ? $"{WardClock.Format(task.Due)} {time:HH\\:mm}"
            : WardClock.Format(task.Due);
}
