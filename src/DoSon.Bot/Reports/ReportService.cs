using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Reports;

public sealed class ReportService(IBotStore store, TimeProvider time)
{
    public async Task<MonthlyReport> BuildAsync(int year, int month)
    {
        var withdrawn = await store.GetTasksWithStatusAsync(WorkTaskStatus.Withdrawn);
        IReadOnlyList<WorkTask> tasks = [.. await store.GetTasksAsync(), .. withdrawn];
        // The report reads the history of its blocked tasks only (their last blocker), and of the
        // withdrawn ones (who withdrew them, when and why).
        var history = await store.GetHistoriesAsync(tasks.Where(t => t.Status == WorkTaskStatus.Blocked).Concat(withdrawn));
        return MonthlyReport.Build(year, month, tasks, await store.GetUnitsAsync(), history, WardClock.Today(time), await store.GetMembersAsync());
    }

    /// <summary>The month as the office writes it: "03/2026" or "3/2026".</summary>
    public static bool TryParseMonth(string? text, out int year, out int month)
    {
        year = month = 0;
        if (DateTime.TryParseExact(text?.Trim(), ["MM/yyyy", "M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            (year, month) = (d.Year, d.Month);
            return true;
        }

        return false;
    }

    public (int Year, int Month) CurrentMonth()
    {
        var today = WardClock.Today(time);
        return (today.Year, today.Month);
    }
}
