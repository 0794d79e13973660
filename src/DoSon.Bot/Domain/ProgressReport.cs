namespace DoSon.Bot.Domain;

public enum ProgressKind
{
    /// <summary>A percent and/or note reported by a member.</summary>
    Progress = 0,
    /// <summary>The task was reported done.</summary>
    Done = 1,
    /// <summary>A blocker (vướng mắc) was reported.</summary>
    Blocker = 2,
    /// <summary>A free-text note without a change of percent.</summary>
    Note = 3,
    /// <summary>Fields were changed by an import; the note lists what changed.</summary>
    Imported = 4,
    /// <summary>A finished task was reopened, on purpose (confirmed with "mởlại" or the button).</summary>
    Reopened = 5,
    /// <summary>An admin withdrew the task; the note is the reason.</summary>
    Withdrawn = 6,
}

/// <summary>One entry of a task's history. Nothing about a task changes without one of these.</summary>
/// <param name="Changes">The fields the entry changed, old → new; null in entries written before
/// they were kept (those read by their kind, percent and note alone).</param>
public sealed record ProgressReport(
    string TaskCode,
    string MemberCode,
    DateTimeOffset At,
    ProgressKind Kind,
    int? Percent,
    WorkTaskStatus Status,
    string? Note,
    string Channel,
    IReadOnlyList<FieldChange>? Changes = null);
