namespace DoSon.Bot.Notices;

/// <summary>The header of a notice as written. A draft notice leaves the number and the day blank
/// ("Số -TB/ĐU", "ngày tháng 03 năm 2026") until it is signed; both are kept as found.</summary>
/// <param name="Number">The number as written after "Số", e.g. "12-TB/ĐU" or "-TB/ĐU".</param>
/// <param name="Date">The date of issue, when the day is filled in.</param>
/// <param name="IssueMonth">The month and year of issue, even when the day is blank.</param>
/// <param name="MeetingDate">The day the Standing Board met ("ngày 27/02/2026 Ban Thường vụ ... họp").</param>
public sealed record NoticeHeader(
    string? Number,
    bool NumberBlank,
    string? Place,
    DateOnly? Date,
    (int Year, int Month)? IssueMonth,
    string Title,
    DateOnly? MeetingDate);

/// <summary>One numbered heading of part 2 (2.1, 2.2, 2.2.1 ...) and the tasks written under it.</summary>
public sealed record NoticeSection(string Number, string Title, IReadOnlyList<NoticeItem> Items);

/// <summary>One task as written: a "-" item, or a paragraph of a section that has no "-" items.</summary>
/// <param name="Index">1-based position in its section.</param>
public sealed record NoticeItem(string Section, int Index, string Text, bool IsDashItem);

/// <summary>What the parser read from a notice, before any guessing of dates or units.</summary>
/// <param name="Year">Year of the month the tasks are for.</param>
/// <param name="Month">The month the tasks are for (from the part 2 heading or the title).</param>
/// <param name="Results">Part 1 (results, difficulties): context, not tasks.</param>
/// <param name="Closing">Who implements and monitors the notice, recipients, signature: not tasks.</param>
/// <param name="Warnings">Things about the document as a whole a person should check.</param>
public sealed record ParsedNotice(
    string FileName,
    NoticeHeader Header,
    int Year,
    int Month,
    IReadOnlyList<string> Results,
    IReadOnlyList<NoticeSection> Sections,
    IReadOnlyList<string> Closing,
    IReadOnlyList<string> Warnings)
{
    public IEnumerable<NoticeItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>T + yymm of the tasks' month + section digits without dots + 2-digit item number,
    /// e.g. T2603-221-01 for the first item of 2.2.1 in March 2026.</summary>
    public string TaskCode(NoticeItem item) =>
        $"T{Year % 100:00}{Month:00}-{item.Section.Replace(".", "", StringComparison.Ordinal)}-{item.Index:00}";
}
