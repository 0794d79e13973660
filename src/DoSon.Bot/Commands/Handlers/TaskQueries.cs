using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

/// <summary>The lists the read-only commands show, all filtered by what the caller may see.</summary>
public sealed class TaskQueries(IBotStore store, TimeProvider time)
{
    public DateOnly Today => WardClock.Today(time);

    /// <summary>Open tasks in the caller's scope (<see cref="AccessPolicy.IsInScope"/>) due between the two dates, both included.</summary>
    public async Task<IReadOnlyList<WorkTask>> OpenInScopeDueBetweenAsync(Member caller, DateOnly from, DateOnly to) =>
        caller.Role == MemberRole.Admin
            ? await store.GetOpenTasksDueBetweenAsync(from, to)
            : [.. (await InvolvingAsync(caller)).Where(t => !t.IsDone && t.Due >= from && t.Due <= to && AccessPolicy.IsInScope(caller, t))];

    /// <summary>Open tasks in the caller's scope past their deadline.</summary>
    public async Task<IReadOnlyList<WorkTask>> OverdueInScopeAsync(Member caller, DateOnly today) =>
        caller.Role == MemberRole.Admin
            ? await store.GetOverdueTasksAsync(today)
            : [.. (await InvolvingAsync(caller)).Where(t => TaskScope.IsOverdue(t, today) && AccessPolicy.IsInScope(caller, t))];

    /// <summary>Every task the member is tied to other than as an admin: assigned to them, or led or
    /// supported by one of their units (the relations of <see cref="AccessPolicy.RelationOf"/> but
    /// Admin and Stranger), read by index; by due date, then code.</summary>
    public async Task<IReadOnlyList<WorkTask>> InvolvingAsync(Member member) =>
        Merge(await store.GetTasksForAsync(member.Code), await store.GetTasksLedByAsync(member.Units), await store.GetTasksSupportedByAsync(member.Units));

    /// <summary>The tasks of several lists once each, in the order of the whole list: by due date, then code.</summary>
    public static IReadOnlyList<WorkTask> Merge(params IEnumerable<WorkTask>[] lists) =>
        [.. lists.SelectMany(l => l).DistinctBy(t => t.Code, StringComparer.Ordinal).OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal)];

    public static bool TryPercent(string text, out int percent)
    {
        var t = text.Trim().TrimEnd('%');
        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out percent)
               && percent is >= 0 and <= 100;
    }

    public static string RestAfter(CommandContext context, int words)
    {
        var rest = context.Arguments;
        for (var i = 0; i < words; i++)
        {
            rest = rest.TrimStart();
            var space = rest.IndexOfAny([' ', '\n']);
            rest = space < 0 ? "" : rest[(space + 1)..];
        }

        return rest.Trim();
    }
}
