using DoSon.Bot.Commands;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reminders;

/// <summary>Everything one person is due to receive at one moment, as one message: a section per
/// kind of reminder, each task once per section, read from the tasks as they are now (so status and
/// percent are current). With exactly one task, the message carries that task's buttons.</summary>
public static class ReminderMessage
{
    public sealed record Composed(Reply Reply, IReadOnlyList<string> TaskCodes);

    public static Composed? Compose(
        Member member,
        IReadOnlyList<Reminder> due,
        IReadOnlyDictionary<string, WorkTask> tasks,
        IReadOnlyList<Milestone> milestones,
        IReadOnlyList<Member> members,
        DateOnly today,
        int digestDaysAhead,
        IReadOnlyList<string>? adminFacts = null)
    {
        var blocks = new List<string>();
        var codes = new List<string>();
        var budget = ReminderTexts.MaxLength;

        void Section(string heading, IEnumerable<WorkTask> list, Func<WorkTask, string>? who = null)
        {
            var lines = new List<string> { heading };
            var used = heading.Length + 2;
            var all = list.ToList();
            var shown = 0;
            foreach (var task in all)
            {
                var line = ReminderTexts.TaskLine(task, today, who?.Invoke(task));
                if (used + line.Length + 1 > budget)
                {
                    break;
                }

                lines.Add(line);
                used += line.Length + 1;
                shown++;
                if (!codes.Contains(task.Code, StringComparer.Ordinal))
                {
                    codes.Add(task.Code);
                }
            }

            if (shown < all.Count)
            {
                lines.Add(ReminderTexts.More(all.Count - shown));
            }

            var block = string.Join("\n", lines);
            budget -= block.Length + 2;
            blocks.Add(block);
        }

        IEnumerable<WorkTask> TasksOf(IEnumerable<Reminder> rs) => rs
            .Select(r => r.TaskCode is { } c && tasks.TryGetValue(c, out var t) ? t : null)
            .OfType<WorkTask>()
            .Where(t => !t.IsDone)
            .DistinctBy(t => t.Code)
            .OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal);

        var late = due.Where(r => r.Late).ToList();
        if (late.Count > 0)
        {
            blocks.Add(ReminderTexts.Late(late.Min(r => r.DueAt)));
            budget -= blocks[^1].Length + 2;
        }

        // A task the person both carries and must chase (a leader's own task) is shown once, as escalated.
        var escalated = TasksOf(due.Where(r => r.Kind == ReminderKind.Escalation)).ToList();
        var plain = TasksOf(due.Where(r => r.Kind == ReminderKind.Task)).Where(t => !escalated.Contains(t)).ToList();
        if (plain.Count > 0)
        {
            Section(ReminderTexts.TaskHeading, plain);
        }

        var snoozed = TasksOf(due.Where(r => r.Kind == ReminderKind.Snooze)).Where(t => !plain.Contains(t)).ToList();
        if (snoozed.Count > 0)
        {
            Section(ReminderTexts.SnoozeHeading, snoozed);
        }

        foreach (var code in due.Where(r => r.Kind == ReminderKind.Milestone).Select(r => r.MilestoneCode).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var milestone = milestones.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
            if (milestone is null)
            {
                continue;
            }

            var tied = tasks.Values
                .Where(t => !t.IsDone && string.Equals(t.Milestone, milestone.Code, StringComparison.OrdinalIgnoreCase)
                            && (t.IsAssignedTo(member.Code) || AccessPolicy.IsInScope(member, t)))
                .OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal)
                .ToList();
            if (tied.Count > 0)
            {
                Section(ReminderTexts.MilestoneHeading(milestone, today), tied);
            }
        }

        if (escalated.Count > 0)
        {
            Section(ReminderTexts.EscalationHeading, escalated, t => Carriers(t, members));
        }

        if (due.Any(r => r.Kind == ReminderKind.Digest))
        {
            var last = today.AddDays(digestDaysAhead);
            var list = tasks.Values
                .Where(t => !t.IsDone && t.Due <= last && AccessPolicy.IsInScope(member, t))
                .OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal)
                .ToList();
            if (list.Count > 0)
            {
                Section(ReminderTexts.DigestHeading(today), list);
            }
        }

        var noticeTexts = due.Where(r => r.Kind == ReminderKind.Notice && !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => r.Text!).Concat(adminFacts ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (noticeTexts.Count > 0)
        {
            var lines = new List<string> { ReminderTexts.NoticeHeading };
            var used = lines[0].Length;
            foreach (var text in noticeTexts)
            {
                if (used + text.Length + 1 > budget)
                {
                    lines.Add(ReminderTexts.MoreNotices(noticeTexts.Count - (lines.Count - 1)));
                    break;
                }

                lines.Add(text);
                used += text.Length + 1;
            }

            blocks.Add(string.Join("\n", lines));
        }

        // A digest with nothing in it, or reminders whose tasks are all done: no message at all.
        return codes.Count == 0 && noticeTexts.Count == 0 ? null : Finish();

        Composed Finish()
        {
            var buttons = codes.Count == 1 && tasks.TryGetValue(codes[0], out var only) && !only.IsDone
                ? TaskButtons.For(only)
                : [];
            if (codes.Count > 0)
            {
                blocks.Add(buttons.Count > 0 ? ReminderTexts.ReplyHint : ReminderTexts.ReplyHintNoButtons);
            }

            return new Composed(new Reply(ReminderTexts.Join(blocks), buttons), codes);
        }
    }

    private static string Carriers(WorkTask task, IReadOnlyList<Member> members)
    {
        if (task.Assignees.Count == 0)
        {
            return $"đơn vị chủ trì {task.LeadUnit}";
        }

        return string.Join(", ", task.Assignees.Select(a =>
            members.FirstOrDefault(m => string.Equals(m.Code, a, StringComparison.OrdinalIgnoreCase)) is { } m
                ? $"{m.Name} ({m.Code})"
                : a));
    }
}
