namespace DoSon.Bot.Domain;

public enum WorkTaskStatus
{
    NotStarted = 0,
    InProgress = 1,
    Blocked = 2,
    Done = 3,
    /// <summary>Withdrawn by an admin, with a reason in its history: kept, but not open, not done, not
    /// counted, not listed and not reminded of. Read only by its code.</summary>
    Withdrawn = 4,
}

/// <summary>One task of a notice, assigned to a lead unit and, optionally, to named members.</summary>
/// <param name="Due">The deadline as a date in the ward's zone (Asia/Ho_Chi_Minh).</param>
/// <param name="DueTime">Optional local time of day of the deadline.</param>
public sealed record WorkTask(
    string Code,
    string Title,
    string? Description,
    string? Section,
    string? Source,
    string LeadUnit,
    IReadOnlyList<string> SupportUnits,
    IReadOnlyList<string> Assignees,
    DateOnly Due,
    TimeOnly? DueTime,
    string? Milestone,
    WorkTaskStatus Status,
    int Percent) : ITaskStanding
{
    public bool IsDone => Status == WorkTaskStatus.Done;

    public bool IsWithdrawn => Status == WorkTaskStatus.Withdrawn;

    public bool InvolvesUnit(string unitCode) =>
        string.Equals(LeadUnit, unitCode, StringComparison.OrdinalIgnoreCase)
        || SupportUnits.Any(u => string.Equals(u, unitCode, StringComparison.OrdinalIgnoreCase));

    public bool IsAssignedTo(string memberCode) =>
        Assignees.Any(a => string.Equals(a, memberCode, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What counting a task by unit and status needs, and no more: a whole task or the small
/// <see cref="TaskStanding"/> the store keeps of every task for the ward's totals.</summary>
public interface ITaskStanding
{
    string LeadUnit { get; }

    IReadOnlyList<string> SupportUnits { get; }

    WorkTaskStatus Status { get; }

    DateOnly Due { get; }

    int Percent { get; }

    bool IsDone { get; }
}

/// <summary>A task's place in the ward's counts (/tongquan) without its texts.</summary>
public sealed record TaskStanding(string Code, string LeadUnit, IReadOnlyList<string> SupportUnits, WorkTaskStatus Status, DateOnly Due, int Percent) : ITaskStanding
{
    public bool IsDone => Status == WorkTaskStatus.Done;

    public static TaskStanding Of(WorkTask task) =>
        new(task.Code, task.LeadUnit, task.SupportUnits, task.Status, task.Due, task.Percent);
}
