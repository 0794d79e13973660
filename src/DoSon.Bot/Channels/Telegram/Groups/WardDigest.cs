using System.Globalization;
using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;

namespace DoSon.Bot.Channels.Telegram.Groups;

/// <summary>The ward digest a registered group receives, as plain text (the channel escapes it).
/// Pure: a function of the tasks, their history and today.</summary>
public static class WardDigest
{
    /// <summary>At most this many tasks per list; the rest are counted.</summary>
    public const int MaxListed = 15;

    public static string Build(IReadOnlyList<WorkTask> tasks, DateOnly today, DigestKind kind, Func<string, IReadOnlyList<ProgressReport>>? history = null)
    {
        var sb = new StringBuilder();
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekEnd = weekStart.AddDays(6);
        sb.Append(kind == DigestKind.Daily
            ? $"📊 Báo cáo nhiệm vụ Đảng ủy phường Đồ Sơn — ngày {WardClock.Format(today)}"
            : $"📊 Tổng kết tuần {weekStart.ToString("dd/MM", CultureInfo.InvariantCulture)} – {WardClock.Format(weekEnd)} — nhiệm vụ Đảng ủy phường Đồ Sơn");

        var done = tasks.Count(t => t.IsDone);
        sb.Append("\n\nTổng số ").Append(tasks.Count).Append(" nhiệm vụ: ")
            .Append(done).Append(" hoàn thành, ")
            .Append(tasks.Count(t => t.Status == WorkTaskStatus.InProgress)).Append(" đang thực hiện, ")
            .Append(tasks.Count(t => t.Status == WorkTaskStatus.NotStarted)).Append(" chưa bắt đầu, ")
            .Append(tasks.Count(t => t.Status == WorkTaskStatus.Blocked)).Append(" vướng mắc.");

        var overdue = tasks.Where(t => TaskScope.IsOverdue(t, today)).OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
        var blocked = tasks.Where(t => t.Status == WorkTaskStatus.Blocked).OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
        var dueThisWeek = tasks.Where(t => !t.IsDone && t.Due >= today && t.Due <= weekEnd).OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();

        List("⏰ Quá hạn", overdue, t => $"quá hạn {today.DayNumber - t.Due.DayNumber} ngày, {t.Percent}%");
        List("⚠️ Đang vướng mắc", blocked, t => $"hạn {DueText.Deadline(t)}");
        List("📅 Đến hạn trong tuần này", dueThisWeek, t => $"{DueText.Relative(t.Due, today)}, {t.Percent}%");
        if (overdue.Count == 0 && blocked.Count == 0)
        {
            sb.Append("\n\nKhông có nhiệm vụ quá hạn hay vướng mắc.");
        }

        if (kind == DigestKind.Weekly && history is not null)
        {
            var since = WardClock.ToInstant(today.AddDays(-6), TimeOnly.MinValue);
            var finished = tasks.Where(t => t.IsDone && history(t.Code).Any(r => r.Kind == ProgressKind.Done && r.At >= since))
                .OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
            List("✅ Hoàn thành trong 7 ngày qua", finished, t => "hoàn thành");
        }

        return sb.ToString();

        void List(string heading, List<WorkTask> list, Func<WorkTask, string> detail)
        {
            if (list.Count == 0)
            {
                return;
            }

            sb.Append("\n\n").Append(heading).Append(" (").Append(list.Count).Append("):");
            foreach (var t in list.Take(MaxListed))
            {
                sb.Append("\n• ").Append(t.Code).Append(" — ").Append(t.Title).Append(" (").Append(t.LeadUnit).Append(" chủ trì; ").Append(detail(t)).Append(')');
            }

            if (list.Count > MaxListed)
            {
                sb.Append("\n… và ").Append(list.Count - MaxListed).Append(" nhiệm vụ khác.");
            }
        }
    }
}
