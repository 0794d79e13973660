namespace DoSon.Bot.Notices;

public enum AttentionKind
{
    /// <summary>About the notice as a whole: blank number or day, months that disagree.</summary>
    Document,
    /// <summary>No unit is named in the task: a default lead unit was put in.</summary>
    NoUnit,
    /// <summary>No deadline is written in the task: the month's last day was put in.</summary>
    NoDate,
    /// <summary>Several dates could be the deadline.</summary>
    AmbiguousDate,
    /// <summary>A date before the month was left out as a deadline.</summary>
    PastDate,
}

/// <summary>One thing a person should look at before importing the draft.</summary>
/// <param name="TaskCode">The task it is about, or null for the notice as a whole.</param>
/// <param name="Detail">What was put in instead (a unit code, a date), to group the list by.</param>
public sealed record AttentionItem(string? TaskCode, AttentionKind Kind, string Message, string? Detail = null);

public sealed record SectionSummary(string Number, string Title, IReadOnlyList<string> TaskCodes);

/// <param name="Known">The ward's table knows the day (so its code is the usual one).</param>
/// <param name="TaskCodes">Tasks tied to it (their "milestone").</param>
/// <param name="MentionedBy">Tasks that mention it but are tied to another milestone they also mention.</param>
public sealed record MilestoneSummary(string Code, string Name, DateOnly Date, bool Known, IReadOnlyList<string> TaskCodes, IReadOnlyList<string> MentionedBy);

/// <param name="LeadByDefault">How many of the tasks it leads were given to it by the section's default.</param>
public sealed record UnitSummary(string Code, string Name, int Lead, int LeadByDefault, int Support);

/// <summary>What was read from the notice and what was guessed, for the office to check.</summary>
public sealed record NoticeReport(
    string FileName,
    NoticeHeader Header,
    int Year,
    int Month,
    IReadOnlyList<SectionSummary> Sections,
    IReadOnlyList<MilestoneSummary> Milestones,
    IReadOnlyList<UnitSummary> Units,
    IReadOnlyList<AttentionItem> Attention,
    int ResultParagraphs,
    int ClosingParagraphs)
{
    public int TaskCount => Sections.Sum(s => s.TaskCodes.Count);
}
