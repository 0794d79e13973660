using System.Globalization;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reports;

/// <summary>One block of the report: a heading and its lines.</summary>
public sealed record ReportBlock(string Heading, IReadOnlyList<string> Lines);

/// <summary>The monthly report that feeds the next notice: what was done, what carries over, what is
/// blocked. A pure function of the data and the day it is made; rendering is separate.</summary>
public sealed record MonthlyReport(string Title, string AsOf, IReadOnlyList<ReportBlock> Blocks)
{
    public static MonthlyReport Build(
        int year,
        int month,
        IReadOnlyList<WorkTask> allTasks,
        IReadOnlyList<Unit> units,
        Func<string, IReadOnlyList<ProgressReport>> history,
        DateOnly today)
    {
        var tasks = allTasks.Where(t => t.Due.Year == year && t.Due.Month == month).ToList();
        var title = ReportTexts.Title(month, year);
        var asOf = ReportTexts.AsOf(WardClock.Format(today));
        if (tasks.Count == 0)
        {
            return new(title, asOf, [new(ReportTexts.Summary, [ReportTexts.NoTasks(month, year)])]);
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

        var byField = tasks
            .GroupBy(t => t.Section ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"- {ReportTexts.FieldName(g.Key.Length == 0 ? null : g.Key)}: hoàn thành {g.Count(t => t.IsDone)}/{g.Count()}, bình quân {g.Average(t => t.Percent).ToString("0", CultureInfo.InvariantCulture)}%.")
            .ToList();

        var completed = done.Select(t => $"- {t.Code}: {t.Title} ({Unit(t.LeadUnit)}).").ToList();

        var unfinished = open
            .OrderBy(t => t.Section, StringComparer.Ordinal).ThenBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => $"- {t.Code}: {t.Title} — {Unit(t.LeadUnit)} chủ trì; {StatusText.Of(t.Status)} {t.Percent}%; hạn {DueText.Deadline(t)}{(t.Due < today ? $" (quá hạn {today.DayNumber - t.Due.DayNumber} ngày)" : "")}.")
            .ToList();

        var blockers = open
            .Where(t => t.Status == WorkTaskStatus.Blocked)
            .Select(t => (Task: t, Last: history(t.Code).LastOrDefault(h => h.Kind == ProgressKind.Blocker)))
            .Select(x => $"- {x.Task.Code} ({Unit(x.Task.LeadUnit)}): {x.Last?.Note ?? x.Task.Title}")
            .ToList();

        // Counted as /tongquan and /donvi count (TaskScope): a unit's tasks are those it leads; the
        // ones it supports are counted apart and labelled.
        var byUnit = tasks
            .Select(t => t.LeadUnit).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(u => u, StringComparer.Ordinal)
            .Select(u => (Code: u, Led: TaskScope.CountLed(tasks, u, today), Supported: TaskScope.CountSupported(tasks, u, today)))
            .Select(x => $"- {Unit(x.Code)}: chủ trì hoàn thành {x.Led.Done}/{x.Led.Total}; quá hạn {x.Led.Overdue}; vướng mắc {x.Led.Blocked}; phối hợp {x.Supported.Total} nhiệm vụ.")
            .ToList();

        return new(title, asOf,
        [
            new(ReportTexts.Summary, summary),
            new(ReportTexts.ByField, byField),
            new(ReportTexts.Completed, OrNone(completed)),
            new(ReportTexts.Unfinished, OrNone(unfinished)),
            new(ReportTexts.Blockers, OrNone(blockers)),
            new(ReportTexts.ByUnit, byUnit),
        ]);
    }

    public string ToText() =>
        string.Join("\n\n", new[] { $"{Title}\n{AsOf}" }.Concat(Blocks.Select(b => b.Heading + "\n" + string.Join("\n", b.Lines))));

    private static List<string> OrNone(List<string> lines) => lines.Count == 0 ? [ReportTexts.None] : lines;

    private static string Percent(int part, int whole) =>
        (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
