using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

/// <summary>The caller's own open tasks (<see cref="TaskScope.IsOwn"/>), the same rule for every role:
/// an admin or leader sees the ward through /tongquan and /donvi, not here.</summary>
public sealed class NhiemVuHandler(IBotStore store, TaskQueries queries) : ICommandHandler
{
    public string Name => "nhiemvu";
    public string Usage => "/nhiemvu";
    public string Description => ViewTexts.OwnDescription;
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        // Own tasks are assigned to the caller or led by their units; supported ones are supported by their units.
        var open = TaskQueries.Merge(await store.GetTasksForAsync(caller.Code, cancellationToken), await store.GetTasksLedByAsync(caller.Units, cancellationToken), await store.GetTasksSupportedByAsync(caller.Units, cancellationToken))
            .Where(t => !t.IsDone).ToList();
        var own = open.Where(t => TaskScope.IsOwn(caller, t)).OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder(own.Count == 0
            ? ViewTexts.OwnNothingOpen
            : CommandTexts.TaskList(ViewTexts.OwnHeading(own.Count), own, queries.Today) + "\n" + ViewTexts.OwnHint);

        var supported = open.Where(t => TaskScope.IsSupportedByMember(caller, t)).ToList();
        if (supported.Count > 0)
        {
            var units = caller.Units.Where(u => supported.Any(t => TaskScope.SupportedBy(t, u)));
            sb.Append('\n').Append(ViewTexts.SupportedElsewhere(supported.Count, units));
        }

        if (caller.Role >= MemberRole.Leader)
        {
            sb.Append('\n').Append(ViewTexts.WardHint);
        }

        return Reply.Say(sb.ToString());
    }
}
