namespace DoSon.Bot.Reminders;

public enum ReminderKind
{
    /// <summary>Before, on or after a task's due date, to whoever carries the task.</summary>
    Task = 0,
    /// <summary>An overdue task, to the lead unit's leaders and the admins, except those who carry it.</summary>
    Escalation = 1,
    /// <summary>A milestone's countdown, to everyone with an open task tied to it.</summary>
    Milestone = 2,
    /// <summary>"Nhắc lại sau": one more reminder a member asked for.</summary>
    Snooze = 3,
    /// <summary>The optional daily summary.</summary>
    Digest = 4,
    /// <summary>A delivery problem told to an admin.</summary>
    Notice = 5,
}

public enum ReminderState
{
    Pending = 0,
    Sent = 1,
    Skipped = 2,
    Failed = 3,
    Cancelled = 4,
}

/// <summary>One step the planner wants to happen.</summary>
/// <param name="Key">Stable: what, for whom, which step ("task:T2603-21-01:CVP:before-3").</param>
/// <param name="DueAt">UTC instant, already moved out of the quiet hours.</param>
public sealed record PlannedReminder(
    string Key,
    ReminderKind Kind,
    string MemberCode,
    string? TaskCode,
    string? MilestoneCode,
    string Step,
    DateTimeOffset DueAt,
    string? Text = null);

/// <summary>A reminder as kept in the store, with its state.</summary>
/// <param name="DueAt">When the plan wanted it.</param>
/// <param name="SendAt">When it is to go out: DueAt, or the catch-up instant after downtime.</param>
/// <param name="Late">Sent after downtime: the message says so.</param>
/// <param name="Text">A notice's own text (admins' notices only).</param>
public sealed record Reminder(
    string Key,
    ReminderKind Kind,
    string MemberCode,
    string? TaskCode,
    string? MilestoneCode,
    string Step,
    DateTimeOffset DueAt,
    DateTimeOffset SendAt,
    ReminderState State,
    bool Late,
    int Attempts,
    string? Note,
    string? Text,
    DateTimeOffset? SentAt,
    string? Channel);

public static class ReminderKeys
{
    public static string Task(string taskCode, string member, string step) => $"task:{taskCode}:{member}:{step}";

    public static string Milestone(string code, string member, string step) => $"milestone:{code}:{member}:{step}";

    public static string Digest(string member, DateOnly day) =>
        DigestPrefix(member) + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What every digest key of a member starts with.</summary>
    public static string DigestPrefix(string member) => $"digest:{member}:";

    public static string Snooze(string taskCode, string member, DateTimeOffset at) =>
        Task(taskCode, member, "snooze-" + at.UtcDateTime.ToString("yyyyMMddTHHmmZ", System.Globalization.CultureInfo.InvariantCulture));

    public static string Notice(string admin, string id) => $"notice:{admin}:{id}";

    public static string Before(int days) => days == 0 ? "day" : $"before-{days}";
}
