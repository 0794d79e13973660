using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Web.Tasks;

/// <summary>What the Nhiệm vụ list shows: the tasks that pass the filter, and what the filter's
/// choices are made of (units, sections, milestones of the visible tasks).</summary>
public sealed record TaskList(
    DateOnly Today,
    TaskFilter Filter,
    IReadOnlyList<WorkTask> Tasks,
    int Visible,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<string> Sections,
    IReadOnlyList<Milestone> Milestones);

/// <summary>One line of a task's history, its author already named.</summary>
public sealed record HistoryEntry(ProgressReport Report, string Actor, string Line);

/// <summary>One reminder of a task, its addressee already named.</summary>
public sealed record ReminderEntry(Reminder Reminder, string To);

/// <summary>Everything the task's page shows.</summary>
/// <param name="Withdrawal">For a withdrawn task: the history entry that withdrew it, its author named.</param>
public sealed record TaskDetail(
    DateOnly Today,
    WorkTask Task,
    IReadOnlyDictionary<string, string> UnitNames,
    IReadOnlyList<string> Assignees,
    Milestone? Milestone,
    SourceNotice? Source,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<ReminderEntry> Reminders,
    bool CanDecide,
    bool CanContribute,
    HistoryEntry? Withdrawal = null)
{
    public string UnitName(string code) => UnitNames.TryGetValue(code, out var name) ? name : code;
}

/// <summary>The reads of the Nhiệm vụ pages, with the rights of chat: a member sees the tasks they are
/// tied to (<see cref="TaskQueries.InvolvingAsync"/>, then <see cref="AccessPolicy.CanSee"/>), leaders
/// and admins the ward.</summary>
public sealed class WebTaskQueries(IBotStore store, IReminderStore reminders, TaskQueries queries)
{
    public async Task<IReadOnlyList<WorkTask>> VisibleAsync(Member viewer, CancellationToken cancellationToken = default) =>
        viewer.Role >= MemberRole.Leader
            ? await store.GetTasksAsync(cancellationToken)
            : [.. (await queries.InvolvingAsync(viewer)).Where(t => AccessPolicy.CanSee(viewer, t))];

    /// <summary>The withdrawn tasks the viewer may see (the store lists them only when asked by status).</summary>
    public async Task<IReadOnlyList<WorkTask>> WithdrawnAsync(Member viewer, CancellationToken cancellationToken = default) =>
        [.. (await store.GetTasksWithStatusAsync(WorkTaskStatus.Withdrawn, cancellationToken)).Where(t => AccessPolicy.CanSee(viewer, t))];

    public async Task<TaskList> ListAsync(Member viewer, TaskFilter filter, CancellationToken cancellationToken = default)
    {
        var today = queries.Today;
        var visible = filter.Status == TaskFilter.WithdrawnValue
            ? await WithdrawnAsync(viewer, cancellationToken)
            : await VisibleAsync(viewer, cancellationToken);
        var shown = filter.Sorted(visible.Where(t => filter.Matches(t, today))).ToList();
        var unitCodes = visible.SelectMany(t => t.SupportUnits.Prepend(t.LeadUnit)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var units = (await store.GetUnitsAsync(cancellationToken)).Where(u => unitCodes.Contains(u.Code)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var sections = visible.Select(t => t.Section).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var milestoneCodes = visible.Select(t => t.Milestone).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var milestones = (await store.GetMilestonesAsync(cancellationToken)).Where(m => milestoneCodes.Contains(m.Code)).OrderBy(m => m.Date).ToList();
        return new(today, filter, shown, visible.Count, units, sections, milestones);
    }

    /// <summary>Null when there is no such task or the viewer may not see it: the page answers 404 for
    /// both, so that a hidden task's existence is not given away.</summary>
    public async Task<TaskDetail?> DetailAsync(Member viewer, string code, CancellationToken cancellationToken = default)
    {
        var task = await store.FindTaskAsync(code, cancellationToken);
        if (task is null || !AccessPolicy.CanSee(viewer, task))
        {
            return null;
        }

        var history = await store.GetHistoryAsync(task.Code, cancellationToken);
        var ofTask = await reminders.GetRemindersOfTaskAsync(task.Code, cancellationToken);
        var units = (await store.FindUnitsAsync([task.LeadUnit, .. task.SupportUnits], cancellationToken))
            .ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
        var members = (await store.FindMembersAsync([.. task.Assignees, .. history.Select(h => h.MemberCode), .. ofTask.Select(r => r.MemberCode)], cancellationToken))
            .ToDictionary(m => m.Code, m => m, StringComparer.OrdinalIgnoreCase);
        var milestone = task.Milestone is null ? null : await store.FindMilestoneAsync(task.Milestone, cancellationToken);
        var source = task.Source is null ? null : (await store.GetSourcesAsync(cancellationToken)).FirstOrDefault(s => s.Number == task.Source);
        var entries = history.Select(h => new HistoryEntry(h, MemberName.Actor(h.MemberCode, members), ChiTietHandler.HistoryLine(h))).ToList();
        return new(
            queries.Today,
            task,
            units,
            [.. task.Assignees.Select(a => MemberName.Actor(a, members))],
            milestone,
            source,
            [.. Enumerable.Reverse(entries)],
            [.. ofTask.Select(r => new ReminderEntry(r, MemberName.Actor(r.MemberCode, members)))],
            !task.IsWithdrawn && AccessPolicy.CanDecide(viewer, task),
            !task.IsWithdrawn && AccessPolicy.CanContribute(viewer, task),
            task.IsWithdrawn ? entries.LastOrDefault(e => e.Report.Kind == ProgressKind.Withdrawn) : null);
    }
}
