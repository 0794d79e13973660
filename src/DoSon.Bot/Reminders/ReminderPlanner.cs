using DoSon.Bot.Domain;

namespace DoSon.Bot.Reminders;

/// <summary>Who is to be reminded of what, and when: a pure function of the tasks, milestones,
/// members, policy and the current instant. It returns every step of every open task, past ones
/// too, so that the store can tell a step missed during downtime (catch up) from one that no longer
/// exists (cancel); the store never inserts a step that was already past when first planned.</summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<PlannedReminder> Plan(
        IReadOnlyList<WorkTask> tasks,
        IReadOnlyList<Milestone> milestones,
        IReadOnlyList<Member> members,
        ReminderPolicy policy,
        DateTimeOffset now)
    {
        var people = new People(members);
        var result = new List<PlannedReminder>(tasks.Count * 12);
        var openByMilestone = new Dictionary<string, List<WorkTask>>(StringComparer.OrdinalIgnoreCase);
        var stepTimes = new StepTimes(policy);

        foreach (var task in tasks)
        {
            // A withdrawn task is planned nothing, so a re-plan cancels what was pending for it.
            if (task.IsDone || task.IsWithdrawn)
            {
                continue;
            }

            if (task.Milestone is { Length: > 0 } ms)
            {
                if (!openByMilestone.TryGetValue(ms, out var list))
                {
                    openByMilestone[ms] = list = [];
                }

                list.Add(task);
            }

            PlanTask(task, people.CarriersOf(task), people, policy, stepTimes, result);
        }

        foreach (var milestone in milestones)
        {
            if (!openByMilestone.TryGetValue(milestone.Code, out var open))
            {
                continue;
            }

            var recipients = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var task in open)
            {
                recipients.UnionWith(people.CarriersOf(task));
            }

            PlanMilestone(milestone, recipients, policy, stepTimes, result);
        }

        if (policy.DigestEnabled)
        {
            PlanDigests(tasks, members, policy, now, result);
        }

        return result;
    }

    /// <summary>The part of <see cref="Plan"/> that a change to some tasks can alter: the steps of the
    /// changed tasks (those still open), the countdowns of the milestones and the next digests of the
    /// members that <paramref name="index"/> (already updated with the change) reports as touched.
    /// It equals the whole plan restricted to that scope, without reading the other tasks.</summary>
    public static IReadOnlyList<PlannedReminder> PlanPart(
        IReadOnlyList<WorkTask> changed,
        IReadOnlyCollection<string> touchedMilestones,
        IReadOnlyCollection<string> touchedMembers,
        OpenTaskIndex index,
        IReadOnlyList<Milestone> milestones,
        IReadOnlyList<Member> members,
        ReminderPolicy policy,
        DateTimeOffset now)
    {
        var result = new List<PlannedReminder>(changed.Count * 12);
        var stepTimes = new StepTimes(policy);
        foreach (var task in changed.Where(t => !t.IsDone && !t.IsWithdrawn))
        {
            PlanTask(task, index.CarriersOf(task), index.People, policy, stepTimes, result);
        }

        var touched = new HashSet<string>(touchedMilestones, StringComparer.OrdinalIgnoreCase);
        foreach (var milestone in milestones.Where(m => touched.Contains(m.Code) && index.HasOpenTasks(m.Code)))
        {
            PlanMilestone(milestone, index.RecipientsOf(milestone.Code), policy, stepTimes, result);
        }

        if (policy.DigestEnabled)
        {
            var (day, at) = NextDigestAt(policy, now);
            var wanted = new HashSet<string>(touchedMembers, StringComparer.OrdinalIgnoreCase);
            foreach (var member in members.Where(m => wanted.Contains(m.Code) && index.HasOpenInScope(m.Code)))
            {
                result.Add(Digest(member, day, at));
            }
        }

        return result;
    }

    private static void PlanMilestone(
        Milestone milestone, IReadOnlySet<string> recipients, ReminderPolicy policy, StepTimes times, List<PlannedReminder> result)
    {
        foreach (var days in policy.MilestoneDaysBefore)
        {
            var step = ReminderKeys.Before(days);
            var at = times.At(milestone.Date.AddDays(-days));
            foreach (var member in recipients)
            {
                result.Add(new(ReminderKeys.Milestone(milestone.Code, member, step), ReminderKind.Milestone,
                    member, null, milestone.Code, step, at));
            }
        }
    }

    private static PlannedReminder Digest(Member member, DateOnly day, DateTimeOffset at) =>
        new(ReminderKeys.Digest(member.Code, day), ReminderKind.Digest, member.Code, null, null, "digest", at);

    private static void PlanTask(
        WorkTask task, IReadOnlyList<string> carriers, People people, ReminderPolicy policy, StepTimes times,
        List<PlannedReminder> result)
    {
        void Add(ReminderKind kind, string step, DateTimeOffset at, IReadOnlyList<string> to)
        {
            foreach (var member in to)
            {
                result.Add(new(ReminderKeys.Task(task.Code, member, step), kind, member, task.Code, null, step, at));
            }
        }

        foreach (var days in policy.DaysBefore)
        {
            Add(ReminderKind.Task, ReminderKeys.Before(days), times.At(task.Due.AddDays(-days)), carriers);
        }

        // A deadline at or before the morning reminder would be reminded after it passed: the
        // day-before reminder has to do.
        if (policy.OnTheDay && (task.DueTime is not { } dueTime || dueTime > policy.TimeOfDay))
        {
            Add(ReminderKind.Task, "day", times.At(task.Due), carriers);
        }

        for (var k = 1; k <= policy.OverdueNudges; k++)
        {
            Add(ReminderKind.Task, $"overdue-{k}", times.At(task.Due.AddDays(k)), carriers);
        }

        if (policy.EscalateAfterDays > 0)
        {
            Add(ReminderKind.Escalation, "escalate", times.At(task.Due.AddDays(policy.EscalateAfterDays)),
                people.EscalationFor(task, carriers));
        }
    }

    private static void PlanDigests(
        IReadOnlyList<WorkTask> tasks, IReadOnlyList<Member> members, ReminderPolicy policy, DateTimeOffset now,
        List<PlannedReminder> result)
    {
        // Only the next digest is planned; the daily re-plan adds the one after.
        var (day, at) = NextDigestAt(policy, now);
        foreach (var member in members)
        {
            // Admins always get it: it also carries the delivery problems they must know about.
            if (member.Role == MemberRole.Admin || tasks.Any(t => !t.IsDone && !t.IsWithdrawn && AccessPolicy.IsInScope(member, t)))
            {
                result.Add(Digest(member, day, at));
            }
        }
    }

    /// <summary>The next digest after <paramref name="now"/>: today's if its time has not come yet.</summary>
    public static (DateOnly Day, DateTimeOffset At) NextDigestAt(ReminderPolicy policy, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(WardClock.ToLocal(now).DateTime);
        var at = policy.At(day, policy.DigestTime);
        if (at <= now)
        {
            day = day.AddDays(1);
            at = policy.At(day, policy.DigestTime);
        }

        return (day, at);
    }

    /// <summary>Day-based steps all fall at the policy's time of day; many tasks share a due date, so
    /// the time zone conversion is done once per date.</summary>
    private sealed class StepTimes(ReminderPolicy policy)
    {
        private readonly Dictionary<DateOnly, DateTimeOffset> _cache = [];

        public DateTimeOffset At(DateOnly date)
        {
            if (!_cache.TryGetValue(date, out var at))
            {
                _cache[date] = at = policy.At(date, policy.TimeOfDay);
            }

            return at;
        }
    }

    /// <summary>Who carries a task: its assignees; with none, the leaders of its lead unit; with none
    /// of those either, the admins, so that no open task goes unreminded.</summary>
    internal sealed class People
    {
        private readonly HashSet<string> _codes;
        private readonly Dictionary<string, string> _canonical;
        private readonly Dictionary<string, IReadOnlyList<string>> _leadersByUnit = new(StringComparer.OrdinalIgnoreCase);
        private readonly IReadOnlyList<string> _admins;

        public People(IReadOnlyList<Member> members)
        {
            _codes = new HashSet<string>(members.Select(m => m.Code), StringComparer.OrdinalIgnoreCase);
            _canonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in members)
            {
                _canonical.TryAdd(m.Code, m.Code);
            }

            foreach (var leader in members.Where(m => m.Role == MemberRole.Leader))
            {
                foreach (var unit in leader.Units)
                {
                    _leadersByUnit[unit] = _leadersByUnit.TryGetValue(unit, out var list) ? [.. list, leader.Code] : [leader.Code];
                }
            }

            _admins = [.. members.Where(m => m.Role == MemberRole.Admin).Select(m => m.Code)];
        }

        public IReadOnlyList<string> CarriersOf(WorkTask task)
        {
            if (task.Assignees.Count > 0)
            {
                var assigned = task.Assignees.Where(_codes.Contains).Select(a => _canonical[a]).Distinct(StringComparer.Ordinal).ToList();
                if (assigned.Count > 0)
                {
                    return assigned;
                }
            }

            return _leadersByUnit.TryGetValue(task.LeadUnit, out var leaders) ? leaders : _admins;
        }

        /// <summary>Whoever is in charge of the task's carriers: the lead unit's leaders and the admins,
        /// never a carrier themselves. A leader's own task (nobody named) goes to the admins only; an
        /// admin's own task to the other admins; with nobody left, there is no escalation.</summary>
        public IReadOnlyList<string> EscalationFor(WorkTask task, IReadOnlyList<string> carriers)
        {
            var above = _leadersByUnit.TryGetValue(task.LeadUnit, out var leaders) ? leaders.Concat(_admins) : _admins;
            return [.. above.Distinct(StringComparer.Ordinal).Where(m => !carriers.Contains(m, StringComparer.OrdinalIgnoreCase))];
        }
    }
}
