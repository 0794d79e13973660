using System.Globalization;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reports;

/// <summary>One block of the report: a heading and its lines.</summary>
public sealed record ReportBlock(string Heading, IReadOnlyList<string> Lines);

/// <summary>The monthly report that feeds the next notice: what was done, what carries over, what is
/// blocked. A pure function of the data and the day it is made; rendering is separate.</summary>
public sealed record MonthlyReport(string Title, string AsOf, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>The month reported on, for the Word document's title.</summary>
    public int Year { get; init; }

    public int Month { get; init; }

    /// <summary>The day the report was made, in the ward.</summary>
    public DateOnly MadeOn { get; init; }

    /// <summary>The tasks by field, in the notice's order: section II as rows, for the Word tables.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>Section VI as rows: each lead unit's counts, for the web page and the workbook.</summary>
    public IReadOnlyList<ReportUnit> Units { get; init; } = [];

    /// <summary>Section V as the reporters wrote it, with who and when.</summary>
    public IReadOnlyList<ReportBlocker> BlockerNotes { get; init; } = [];

    public static MonthlyReport Build(
        int year,
        int month,
        IReadOnlyList<WorkTask> allTasks,
        IReadOnlyList<Unit> units,
        Func<string, IReadOnlyList<ProgressReport>> history,
        DateOnly today,
        IReadOnlyList<Member>? members = null)
    {
        var ofMonth = allTasks.Where(t => t.Due.Year == year && t.Due.Month == month).ToList();
        // A withdrawn task is in no figure; it is only named, with its reason, in a block of its own.
        var tasks = ofMonth.Where(t => !t.IsWithdrawn).ToList();
        var withdrawn = ofMonth.Where(t => t.IsWithdrawn).OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        var title = ReportTexts.Title(month, year);
        var asOf = ReportTexts.AsOf(WardClock.Format(today));
        if (tasks.Count == 0)
        {
            return new(title, asOf, [new(ReportTexts.Summary, [ReportTexts.NoTasks(month, year)])]) { Year = year, Month = month, MadeOn = today };
        }

        var done = tasks.Where(t => t.IsDone).ToList();
        var open = tasks.Where(t => !t.IsDone).ToList();
        var unitNames = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
        string Unit(string code) => unitNames.TryGetValue(code, out var name) ? name : code;

        var summary = new List<string>
        {
            $"- Tổng số nhiệm vụ: {tasks.Count}; hoàn thành {done.Count} ({Percent(done.Count, tasks.Count)}).",
            $"- Đang thực hiện: {open.Count(t => t.Status == WorkTaskStatus.InProgress)}; chưa bắt đầu: {open.Count(t => t.Status == WorkTaskStatus.NotStarted)}; vướng mắc: {open.Count(t => t.Status == WorkTaskStatus.Blocked)}.",
            $"- Quá hạn chưa hoàn thành: {open.Count(t => t.Due < today)}.",
            $"- Tiến độ bình quân: {tasks.Average(t => t.Percent).ToString("0", CultureInfo.InvariantCulture)}%.",
        };

        // The text version and the Word tables are read from the same rows, so they cannot disagree.
        var sections = ReportSections.Build(tasks, Unit, today);
        var byField = sections.SelectMany(s => s.ToLines()).ToList();

        var completed = done.Select(t => $"- {t.Code}: {ReportSections.FullTitle(t)} ({Unit(t.LeadUnit)}).").ToList();

        var unfinished = sections.SelectMany(s => s.Rows).Where(r => r.Status != WorkTaskStatus.Done)
            .Select(r => r.ToLine())
            .ToList();

        var blockerNotes = ReportSections.Blockers(open, Unit, history, members ?? []);
        var blockers = blockerNotes.Select(b => b.ToLine()).ToList();

        // Counted as /tongquan and /donvi count (TaskScope): a unit's tasks are those it leads; the
        // ones it supports are counted apart and labelled.
        var unitRows = tasks
            .Select(t => t.LeadUnit).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(u => u, StringComparer.Ordinal)
            .Select(u => (Code: u, Led: TaskScope.CountLed(tasks, u, today), Supported: TaskScope.CountSupported(tasks, u, today)))
            .Select(x => new ReportUnit(x.Code, Unit(x.Code), x.Led.Done, x.Led.Total, x.Led.Overdue, x.Led.Blocked, x.Supported.Total))
            .ToList();
        var byUnit = unitRows.Select(u => u.ToLine()).ToList();
        List<ReportBlock> blocks =
        [
            new(ReportTexts.Summary, summary),
            new(ReportTexts.ByField, byField),
            new(ReportTexts.Completed, OrNone(completed)),
            new(ReportTexts.Unfinished, OrNone(unfinished)),
            new(ReportTexts.Blockers, OrNone(blockers)),
            new(ReportTexts.ByUnit, byUnit),
        ];
        if (withdrawn.Count > 0)
        {
            blocks.Add(new(ReportTexts.Withdrawn, [.. withdrawn.Select(WithdrawnLine)]));
        }

        string WithdrawnLine(WorkTask task)
        {
            var entry = history(task.Code).LastOrDefault(h => h.Kind == ProgressKind.Withdrawn);
            return ReportTexts.WithdrawnLine(task.Code, ReportSections.FullTitle(task), Unit(task.LeadUnit),
                entry is null ? null : WardClock.Format(DateOnly.FromDateTime(WardClock.ToLocal(entry.At).DateTime)), entry?.Note);
        }

        return new(title, asOf, blocks)
        { Year = year, Month = month, MadeOn = today, Sections = sections, BlockerNotes = blockerNotes, Units = unitRows };
    }

    public string ToText() =>
        string.Join("\n\n", new[] { $"{Title}\n{AsOf}" }.Concat(Blocks.Select(b => b.Heading + "\n" + string.Join("\n", b.Lines))));

    private static List<string> OrNone(List<string> lines) => lines.Count == 0 ? [ReportTexts.None] : lines;

    private static string Percent(int part, int whole) =>
        (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
