using System.Globalization;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reports;

/// <summary>One task as a row of the report: the same facts in the text version and the Word tables.</summary>
/// <param name="Title">The full title: a title the notice parser cut with "…" is replaced by the task's
/// full text, since a report handed to the Standing Board is not to be retyped.</param>
/// <param name="DaysOverdue">Days past the deadline of an unfinished task; null when not overdue.</param>
public sealed record ReportRow(
    string Code, string Title, string LeadUnit, string Due, WorkTaskStatus Status, int Percent, int? DaysOverdue)
{
    public string StatusText => Domain.StatusText.Of(Status);

    public string PercentText => Percent.ToString(CultureInfo.InvariantCulture) + "%";

    public string DaysOverdueText => DaysOverdue?.ToString(CultureInfo.InvariantCulture) ?? "";

    public string ToLine() => ReportTexts.TaskLine(this);
}

/// <summary>A field of the notice (2.1, 2.2.1, …) and its tasks, in the notice's order.</summary>
public sealed record ReportSection(string? Key, string Name, IReadOnlyList<ReportRow> Rows)
{
    public int DoneCount => Rows.Count(r => r.Status == WorkTaskStatus.Done);

    public string AveragePercent => Rows.Average(r => r.Percent).ToString("0", CultureInfo.InvariantCulture) + "%";

    public string Summary => ReportTexts.SectionSummary(Name, DoneCount, Rows.Count, AveragePercent);

    public IEnumerable<string> ToLines() => [Summary, .. Rows.Select(ReportTexts.SectionTaskLine)];
}

/// <summary>A lead unit's line of section VI: the tasks it leads, and how many it supports.</summary>
public sealed record ReportUnit(string Code, string Name, int Done, int Total, int Overdue, int Blocked, int Supported)
{
    public string ToLine() => ReportTexts.UnitLine(this);
}

/// <summary>A blocker in the reporter's own words, with who reported it and when.</summary>
public sealed record ReportBlocker(string Code, string Title, string LeadUnit, string Words, string? Who, string? When)
{
    public string ToLine() => ReportTexts.BlockerLine(this);
}

/// <summary>Builds the rows and sections from the month's tasks; pure.</summary>
public static class ReportSections
{
    public static IReadOnlyList<ReportSection> Build(IEnumerable<WorkTask> tasks, Func<string, string> unitName, DateOnly today) =>
        tasks
            .GroupBy(t => string.IsNullOrWhiteSpace(t.Section) ? null : t.Section.Trim())
            .OrderBy(g => g.Key, SectionOrder.Instance)
            .Select(g => new ReportSection(g.Key, ReportTexts.FieldName(g.Key),
                g.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => Row(t, unitName, today)).ToList()))
            .ToList();

    public static ReportRow Row(WorkTask task, Func<string, string> unitName, DateOnly today) => new(
        task.Code,
        FullTitle(task),
        unitName(task.LeadUnit),
        DueText.Deadline(task),
        task.Status,
        task.Percent,
        !task.IsDone && task.Due < today ? today.DayNumber - task.Due.DayNumber : null);

    public static IReadOnlyList<ReportBlocker> Blockers(
        IEnumerable<WorkTask> open,
        Func<string, string> unitName,
        Func<string, IReadOnlyList<ProgressReport>> history,
        IReadOnlyList<Member> members) =>
        open
            .Where(t => t.Status == WorkTaskStatus.Blocked)
            .OrderBy(t => t.Section, SectionOrder.Instance).ThenBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => (Task: t, Last: history(t.Code).LastOrDefault(h => h.Kind == ProgressKind.Blocker)))
            .Select(x => new ReportBlocker(
                x.Task.Code,
                FullTitle(x.Task),
                unitName(x.Task.LeadUnit),
                x.Last?.Note is { Length: > 0 } note ? note : FullTitle(x.Task),
                x.Last is null ? null : Who(x.Last.MemberCode, members),
                x.Last is null ? null : WardClock.Format(DateOnly.FromDateTime(WardClock.ToLocal(x.Last.At).DateTime))))
            .ToList();

    /// <summary>The title as the notice wrote it: a title cut with "…" gives way to the full text it
    /// was cut from; if there is none, the title loses the mark rather than reading as unfinished.</summary>
    public static string FullTitle(WorkTask task)
    {
        var title = task.Title.Trim();
        if (!title.EndsWith('…'))
        {
            return title;
        }

        var stem = title.TrimEnd('…').TrimEnd();
        var full = task.Description?.Trim();
        return full is not null && full.Length > stem.Length && full.StartsWith(stem, StringComparison.Ordinal)
            ? full.TrimEnd('.').TrimEnd()
            : stem;
    }

    private static string Who(string memberCode, IReadOnlyList<Member> members) =>
        members.FirstOrDefault(m => string.Equals(m.Code, memberCode, StringComparison.OrdinalIgnoreCase)) is { } m
            ? (string.IsNullOrWhiteSpace(m.Title) ? MemberName.Bare(m) : m.Title)
            : memberCode;

    /// <summary>2.1 before 2.2.1 before 2.10; tasks without a section last.</summary>
    private sealed class SectionOrder : IComparer<string?>
    {
        public static readonly SectionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return (x is null ? 1 : 0) - (y is null ? 1 : 0);
            }

            var a = x.Split('.');
            var b = y.Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = int.TryParse(a[i], out var p) && int.TryParse(b[i], out var q)
                    ? p.CompareTo(q)
                    : string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
