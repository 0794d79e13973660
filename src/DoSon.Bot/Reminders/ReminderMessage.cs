using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Reminders;

/// <summary>Everything one person is due to receive at one moment, as one message. Each task is
/// listed once, with every reason it is there (its deadline, a milestone it is tied to, a snooze, an
/// escalation), under the heading of how the person stands to it: their own (assigned, or their unit
/// leads it), their unit's support, or another's overdue task for them to chase. Read from the tasks as
/// they are now (so status and percent are current). With exactly one task, the message carries that
/// task's buttons.</summary>
public static class ReminderMessage
{
    public sealed record Composed(Reply Reply, IReadOnlyList<string> TaskCodes);

    private enum Group
    {
        Own = 0,
        Support = 1,
        Chase = 2,
        Watch = 3,
    }

    private sealed class Entry(WorkTask task)
    {
        public WorkTask Task { get; } = task;
        public List<Milestone> Milestones { get; } = [];
        public bool Snoozed { get; set; }
        public bool Escalated { get; set; }
    }

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
        var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);

        Entry? EntryOf(string? code)
        {
            if (code is null || !tasks.TryGetValue(code, out var task) || task.IsDone)
            {
                return null;
            }

            if (!entries.TryGetValue(task.Code, out var entry))
            {
                entries[task.Code] = entry = new Entry(task);
            }

            return entry;
        }

        var late = due.Where(r => r.Late).ToList();
        if (late.Count > 0)
        {
            blocks.Add(ReminderTexts.Late(late.Min(r => r.DueAt)));
            budget -= blocks[^1].Length + 2;
        }

        var digest = due.Any(r => r.Kind == ReminderKind.Digest);
        var top = new List<string>();
        if (digest)
        {
            top.Add(ReminderTexts.DigestHeading(today));
        }

        foreach (var r in due.Where(r => r.Kind == ReminderKind.Task))
        {
            EntryOf(r.TaskCode);
        }

        foreach (var r in due.Where(r => r.Kind == ReminderKind.Snooze))
        {
            if (EntryOf(r.TaskCode) is { } entry)
            {
                entry.Snoozed = true;
            }
        }

        // Nobody is escalated a task they answer for themselves (kept from an older plan).
        foreach (var r in due.Where(r => r.Kind == ReminderKind.Escalation))
        {
            if (r.TaskCode is { } c && tasks.TryGetValue(c, out var t) && !IsSubject(member, t))
            {
                if (EntryOf(c) is { } entry)
                {
                    entry.Escalated = true;
                }
            }
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
                .ToList();
            if (tied.Count == 0)
            {
                continue;
            }

            top.Add(ReminderTexts.MilestoneLine(milestone, today));
            foreach (var t in tied)
            {
                EntryOf(t.Code)!.Milestones.Add(milestone);
            }
        }

        if (digest)
        {
            var last = today.AddDays(digestDaysAhead);
            foreach (var t in tasks.Values.Where(t => !t.IsDone && t.Due <= last && AccessPolicy.IsInScope(member, t)))
            {
                EntryOf(t.Code);
            }
        }

        // Milestones of tasks listed for another reason are said on their line too.
        foreach (var entry in entries.Values)
        {
            if (entry.Milestones.Count == 0 && entry.Task.Milestone is { } ms
                && milestones.FirstOrDefault(m => string.Equals(m.Code, ms, StringComparison.OrdinalIgnoreCase)) is { } tiedTo
                && top.Contains(ReminderTexts.MilestoneLine(tiedTo, today)))
            {
                entry.Milestones.Add(tiedTo);
            }
        }

        if (top.Count > 0 && entries.Count > 0)
        {
            blocks.Add(string.Join("\n", top));
            budget -= blocks[^1].Length + 2;
        }

        foreach (var group in entries.Values
                     .GroupBy(e => GroupOf(member, e))
                     .OrderBy(g => g.Key))
        {
            var heading = group.Key switch
            {
                Group.Own => ReminderTexts.OwnHeading,
                Group.Support => ReminderTexts.SupportHeading,
                Group.Chase => ReminderTexts.EscalationHeading,
                _ => ReminderTexts.WatchHeading,
            };
            Section(heading, group.OrderBy(e => e.Task.Due).ThenBy(e => e.Task.Code, StringComparer.Ordinal),
                e => Reasons(e, group.Key, members));
        }

        void Section(string heading, IEnumerable<Entry> list, Func<Entry, IEnumerable<string>> reasons)
        {
            var lines = new List<string> { heading };
            var used = heading.Length + 2;
            var all = list.ToList();
            var shown = 0;
            foreach (var entry in all)
            {
                // Several tasks are numbered, so that "2 xong" says which one.
                var line = ReminderTexts.TaskLine(entry.Task, today, reasons(entry), entries.Count > 1 ? codes.Count + 1 : null);
                if (used + line.Length + 1 > budget)
                {
                    break;
                }

                lines.Add(line);
                used += line.Length + 1;
                shown++;
                codes.Add(entry.Task.Code);
            }

            if (shown < all.Count)
            {
                lines.Add(ReminderTexts.More(all.Count - shown));
            }

            var block = string.Join("\n", lines);
            budget -= block.Length + 2;
            blocks.Add(block);
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
                blocks.Add(buttons.Count > 0 ? ReminderTexts.ReplyHint
                    : codes.Count > 1 ? ReminderTexts.ReplyHintNumbered
                    : ReminderTexts.ReplyHintNoButtons);
            }

            return new Composed(new Reply(ReminderTexts.Join(blocks), buttons), codes);
        }
    }

    private static Group GroupOf(Member member, Entry entry)
    {
        var task = entry.Task;
        if (task.IsAssignedTo(member.Code)
            || (member.BelongsTo(task.LeadUnit) && (member.Role != MemberRole.Member || task.Assignees.Count == 0)))
        {
            return Group.Own;
        }

        if (member.Units.Any(u => task.SupportUnits.Contains(u, StringComparer.OrdinalIgnoreCase)))
        {
            return Group.Support;
        }

        return entry.Escalated ? Group.Chase : Group.Watch;
    }

    private static IEnumerable<string> Reasons(Entry entry, Group group, IReadOnlyList<Member> members)
    {
        foreach (var milestone in entry.Milestones)
        {
            yield return ReminderTexts.TiedTo(milestone);
        }

        if (entry.Snoozed)
        {
            yield return ReminderTexts.Snoozed;
        }

        if (entry.Escalated)
        {
            if (group != Group.Chase)
            {
                yield return ReminderTexts.ToChase;
            }

            yield return ReminderTexts.Carriers(Carriers(entry.Task, members));
        }
    }

    /// <summary>Who answers for a task: its assignees; with none named, its lead unit's leaders.</summary>
    public static bool IsSubject(Member member, WorkTask task) =>
        task.IsAssignedTo(member.Code)
        || (task.Assignees.Count == 0 && member.Role != MemberRole.Member && member.BelongsTo(task.LeadUnit));

    private static string Carriers(WorkTask task, IReadOnlyList<Member> members)
    {
        if (task.Assignees.Count == 0)
        {
            return ReminderTexts.LeadUnitLeaders(task.LeadUnit);
        }

        return string.Join(", ", task.Assignees.Select(a =>
            members.FirstOrDefault(m => string.Equals(m.Code, a, StringComparison.OrdinalIgnoreCase)) is { } m
                ? MemberName.WithCode(m)
                : a));
    }
}
