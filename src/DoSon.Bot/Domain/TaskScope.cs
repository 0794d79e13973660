namespace DoSon.Bot.Domain;

/// <summary>How many of a unit's tasks stand where, for one side of the unit: the tasks it leads
/// (chủ trì) or the tasks it supports (phối hợp).</summary>
public sealed record UnitTaskCount(int Total, int Done, int Overdue, int Blocked)
{
    public int Open => Total - Done;
}

/// <summary>The one definition of "a unit's tasks" and "the tasks a unit supports", and of "a
/// member's own tasks", that every view counts by (/donvi, /tongquan, /nhiemvu, the monthly report,
/// the ward digest), so that no two of them disagree. A unit's tasks are those it leads; a task it
/// only supports is never counted among them.</summary>
public static class TaskScope
{
    /// <summary>The unit leads (chủ trì) the task.</summary>
    public static bool LedBy(ITaskStanding task, string unitCode) =>
        string.Equals(task.LeadUnit, unitCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The unit supports (phối hợp) the task, and does not also lead it.</summary>
    public static bool SupportedBy(ITaskStanding task, string unitCode) =>
        !LedBy(task, unitCode) && task.SupportUnits.Any(u => string.Equals(u, unitCode, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<T> LedBy<T>(IEnumerable<T> tasks, string unitCode) where T : ITaskStanding =>
        tasks.Where(t => LedBy(t, unitCode)).ToList();

    public static IReadOnlyList<T> SupportedBy<T>(IEnumerable<T> tasks, string unitCode) where T : ITaskStanding =>
        tasks.Where(t => SupportedBy(t, unitCode)).ToList();

    public static UnitTaskCount Count(IEnumerable<ITaskStanding> tasks, DateOnly today)
    {
        // A withdrawn task is in no total (the store leaves it out of its lists already).
        var list = tasks.Where(t => t.Status != WorkTaskStatus.Withdrawn).ToList();
        return new(
            list.Count,
            list.Count(t => t.IsDone),
            list.Count(t => IsOverdue(t, today)),
            list.Count(t => t.Status == WorkTaskStatus.Blocked));
    }

    public static UnitTaskCount CountLed(IEnumerable<ITaskStanding> tasks, string unitCode, DateOnly today) =>
        Count(LedBy(tasks, unitCode), today);

    public static UnitTaskCount CountSupported(IEnumerable<ITaskStanding> tasks, string unitCode, DateOnly today) =>
        Count(SupportedBy(tasks, unitCode), today);

    /// <summary>What <see cref="CountLed"/> and <see cref="CountSupported"/> give for every unit at once,
    /// in one pass over the tasks (a district has hundreds of units). Keyed by unit code, ignoring case;
    /// a unit with no task is absent.</summary>
    public static IReadOnlyDictionary<string, (UnitTaskCount Led, UnitTaskCount Supported)> CountByUnit(IEnumerable<ITaskStanding> tasks, DateOnly today)
    {
        var led = new Dictionary<string, List<ITaskStanding>>(StringComparer.OrdinalIgnoreCase);
        var supported = new Dictionary<string, List<ITaskStanding>>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
        {
            Add(led, task.LeadUnit, task);
            // A unit named twice among the supporters, or also the lead, still supports the task once or not at all.
            foreach (var unit in task.SupportUnits.Distinct(StringComparer.OrdinalIgnoreCase).Where(u => SupportedBy(task, u)))
            {
                Add(supported, unit, task);
            }
        }

        var empty = new UnitTaskCount(0, 0, 0, 0);
        return led.Keys.Union(supported.Keys, StringComparer.OrdinalIgnoreCase).ToDictionary(
            u => u,
            u => (led.TryGetValue(u, out var l) ? Count(l, today) : empty, supported.TryGetValue(u, out var s) ? Count(s, today) : empty),
            StringComparer.OrdinalIgnoreCase);

        static void Add(Dictionary<string, List<ITaskStanding>> into, string unit, ITaskStanding task)
        {
            if (!into.TryGetValue(unit, out var list))
            {
                into[unit] = list = [];
            }

            list.Add(task);
        }
    }

    public static bool IsOverdue(ITaskStanding task, DateOnly today) =>
        !task.IsDone && task.Status != WorkTaskStatus.Withdrawn && task.Due < today;

    /// <summary>A member's own tasks, whatever their role: assigned to them by name; led by a unit they
    /// lead (a leader's or admin's unit); or led by their unit while nobody is named on it (then the
    /// unit's members answer for it). Tasks their unit only supports are not their own, and an admin
    /// or leader does not own the whole ward (/tongquan and /donvi show that).</summary>
    public static bool IsOwn(Member member, WorkTask task)
    {
        if (task.IsAssignedTo(member.Code))
        {
            return true;
        }

        if (!member.BelongsTo(task.LeadUnit))
        {
            return false;
        }

        return member.Role >= MemberRole.Leader || task.Assignees.Count == 0;
    }

    /// <summary>Tasks a unit of the member supports, not already their own.</summary>
    public static bool IsSupportedByMember(Member member, WorkTask task) =>
        !IsOwn(member, task) && member.Units.Any(u => SupportedBy(task, u));
}
