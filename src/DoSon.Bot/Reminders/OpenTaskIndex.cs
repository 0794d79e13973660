using DoSon.Bot.Domain;

namespace DoSon.Bot.Reminders;

/// <summary>What planning one task needs to know about the others: a milestone's countdown goes to
/// everyone carrying an open task tied to it, and a member gets a digest while some open task is in
/// their scope. Kept in memory by the re-planner, built from every task at a full re-plan and brought
/// up to date with each changed task, so that a change re-plans its task, its milestones and the
/// digests of the members it touches without reading the other tasks.</summary>
public sealed class OpenTaskIndex
{
    private sealed record Facts(string? Milestone, IReadOnlyList<string> Carriers, IReadOnlyList<string> InScope);

    private readonly ReminderPlanner.People _people;
    private readonly Dictionary<string, IReadOnlyList<Member>> _membersByUnit = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Member> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Facts> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _byMilestone = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _inScope = new(StringComparer.OrdinalIgnoreCase);

    public OpenTaskIndex(IReadOnlyList<WorkTask> tasks, IReadOnlyList<Member> members)
    {
        _people = new ReminderPlanner.People(members);
        foreach (var member in members)
        {
            _members.TryAdd(member.Code, member);
            foreach (var unit in member.Units)
            {
                _membersByUnit[unit] = _membersByUnit.TryGetValue(unit, out var list) ? [.. list, member] : [member];
            }
        }

        foreach (var task in tasks)
        {
            Add(task);
        }
    }

    public int OpenCount => _open.Count;

    public IReadOnlyList<string> CarriersOf(WorkTask task) => _people.CarriersOf(task);

    internal ReminderPlanner.People People => _people;

    /// <summary>Replaces what is known of these tasks (a code without a task: the task is gone) and
    /// returns the milestones and members whose plan may have changed, before and after.</summary>
    public (IReadOnlySet<string> Milestones, IReadOnlySet<string> Members) Update(
        IReadOnlyCollection<string> codes, IReadOnlyList<WorkTask> current)
    {
        var milestones = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Touch(Facts f)
        {
            if (f.Milestone is { } ms)
            {
                milestones.Add(ms);
            }

            members.UnionWith(f.InScope);
        }

        foreach (var code in codes.Concat(current.Select(t => t.Code)))
        {
            if (Remove(code) is { } old)
            {
                Touch(old);
            }
        }

        foreach (var task in current)
        {
            if (Add(task) is { } now)
            {
                Touch(now);
            }
        }

        return (milestones, members);
    }

    /// <summary>Everyone carrying an open task tied to the milestone.</summary>
    public IReadOnlySet<string> RecipientsOf(string milestone)
    {
        var recipients = new SortedSet<string>(StringComparer.Ordinal);
        if (_byMilestone.TryGetValue(milestone, out var codes))
        {
            foreach (var code in codes)
            {
                recipients.UnionWith(_open[code].Carriers);
            }
        }

        return recipients;
    }

    public bool HasOpenTasks(string milestone) => _byMilestone.TryGetValue(milestone, out var codes) && codes.Count > 0;

    /// <summary>Whether some open task is in the member's scope (admins: always, as for the digest).</summary>
    public bool HasOpenInScope(string member) =>
        (_members.TryGetValue(member, out var m) && m.Role == MemberRole.Admin)
        || (_inScope.TryGetValue(member, out var n) && n > 0);

    private Facts? Add(WorkTask task)
    {
        if (task.IsDone)
        {
            return null;
        }

        var facts = new Facts(task.Milestone is { Length: > 0 } ms ? ms : null, _people.CarriersOf(task), ScopeOf(task));
        _open[task.Code] = facts;
        if (facts.Milestone is { } milestone)
        {
            if (!_byMilestone.TryGetValue(milestone, out var set))
            {
                _byMilestone[milestone] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            set.Add(task.Code);
        }

        foreach (var member in facts.InScope)
        {
            _inScope[member] = _inScope.GetValueOrDefault(member) + 1;
        }

        return facts;
    }

    private Facts? Remove(string code)
    {
        if (!_open.Remove(code, out var facts))
        {
            return null;
        }

        if (facts.Milestone is { } milestone && _byMilestone.TryGetValue(milestone, out var set))
        {
            set.Remove(code);
        }

        foreach (var member in facts.InScope)
        {
            _inScope[member]--;
        }

        return facts;
    }

    /// <summary>The non-admin members for whom the task is in scope (AccessPolicy decides); only
    /// members named on it or belonging to one of its units can be, so only those are asked.</summary>
    private IReadOnlyList<string> ScopeOf(WorkTask task)
    {
        var candidates = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var code in task.Assignees)
        {
            if (_members.TryGetValue(code, out var m))
            {
                candidates.TryAdd(m.Code, m);
            }
        }

        foreach (var unit in task.SupportUnits.Append(task.LeadUnit))
        {
            if (_membersByUnit.TryGetValue(unit, out var list))
            {
                foreach (var m in list)
                {
                    candidates.TryAdd(m.Code, m);
                }
            }
        }

        return [.. candidates.Values.Where(m => m.Role != MemberRole.Admin && AccessPolicy.IsInScope(m, task)).Select(m => m.Code)];
    }
}
