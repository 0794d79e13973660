using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Web;

/// <summary>A lead unit's line of the dashboard.</summary>
public sealed record UnitLine(string Code, string Name, UnitTaskCount Led);

/// <summary>A milestone and how many days are left until it (negative: passed).</summary>
public sealed record MilestoneLine(Milestone Milestone, int DaysLeft);

/// <summary>What the Tổng quan page shows, already cut to what the member may see.</summary>
public sealed record Dashboard(
    Member Viewer,
    DateOnly Today,
    UnitTaskCount Totals,
    int InProgress,
    int NotStarted,
    IReadOnlyList<UnitLine> Units,
    IReadOnlyList<MilestoneLine> Milestones,
    IReadOnlyList<WorkTask> Overdue,
    IReadOnlyList<WorkTask> Blocked);

/// <summary>Every read the web console makes of the bot's store, in one place, with the same rights as
/// chat: a member sees their own tasks and their units' (<see cref="TaskQueries.InvolvingAsync"/>), leaders
/// and admins the whole ward (as /tongquan, from the standings the store keeps).</summary>
public sealed class WebQueries(IBotStore store, TaskQueries queries)
{
    public DateOnly Today => queries.Today;

    public Task<Member?> FindMemberAsync(string code, CancellationToken cancellationToken = default) => store.FindMemberAsync(code, cancellationToken);

    public async Task<Dashboard> DashboardAsync(Member viewer, CancellationToken cancellationToken = default)
    {
        var today = queries.Today;
        IReadOnlyList<ITaskStanding> standings;
        IReadOnlyList<WorkTask> overdue;
        IReadOnlyList<WorkTask> blocked;
        if (viewer.Role >= MemberRole.Leader)
        {
            standings = await store.GetTaskStandingsAsync(cancellationToken);
            overdue = await store.GetOverdueTasksAsync(today, cancellationToken);
            blocked = await store.GetTasksWithStatusAsync(WorkTaskStatus.Blocked, cancellationToken);
        }
        else
        {
            var mine = (await queries.InvolvingAsync(viewer)).Where(t => AccessPolicy.CanSee(viewer, t)).ToList();
            standings = mine;
            overdue = mine.Where(t => TaskScope.IsOverdue(t, today)).ToList();
            blocked = mine.Where(t => t.Status == WorkTaskStatus.Blocked).ToList();
        }

        var byUnit = TaskScope.CountByUnit(standings, today);
        var units = (await store.GetUnitsAsync(cancellationToken))
            .Where(u => byUnit.TryGetValue(u.Code, out var c) && c.Led.Total > 0)
            .Select(u => new UnitLine(u.Code, u.Name, byUnit[u.Code].Led))
            .ToList();
        var milestones = (await store.GetMilestonesAsync(cancellationToken))
            .OrderBy(m => m.Date).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new MilestoneLine(m, m.Date.DayNumber - today.DayNumber))
            .ToList();
        var dashboard = new Dashboard(
            viewer,
            today,
            TaskScope.Count(standings, today),
            standings.Count(t => t.Status == WorkTaskStatus.InProgress),
            standings.Count(t => t.Status == WorkTaskStatus.NotStarted),
            units,
            milestones,
            overdue,
            blocked);
        return dashboard;
    }
}
