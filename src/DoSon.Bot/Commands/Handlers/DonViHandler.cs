using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

/// <summary>One unit's tasks, counted as /tongquan counts them (<see cref="TaskScope"/>): the ones it
/// leads and, apart, the ones it supports. The counts cover the whole ward; the lists only what the
/// caller may see.</summary>
public sealed class DonViHandler(IBotStore store, TaskQueries queries) : ICommandHandler
{
    public string Name => "donvi";
    public string Usage => "/donvi [mã đơn vị]";
    public string Description => ViewTexts.UnitDescription;
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var units = await store.GetUnitsAsync(cancellationToken);
        if (context.Words.Count == 0)
        {
            var sb = new StringBuilder(ViewTexts.UnitListHeading);
            foreach (var u in units)
            {
                sb.Append($"\n• {u.Code} — {u.Name}");
            }

            sb.Append($"\n{CommandTexts.Usage(Usage)}");
            return Reply.Say(sb.ToString());
        }

        if (context.Words.Count > 1)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        var unit = units.FirstOrDefault(u => string.Equals(u.Code, context.Words[0], StringComparison.OrdinalIgnoreCase));
        if (unit is null)
        {
            return Reply.Say(CommandTexts.UnitNotFound(context.Words[0]));
        }

        var today = queries.Today;
        var led = await store.GetTasksLedByAsync([unit.Code], cancellationToken);
        var supported = await store.GetTasksSupportedByAsync([unit.Code], cancellationToken);
        var text = new StringBuilder(ViewTexts.UnitHeading(unit));
        text.Append('\n').Append(ViewTexts.CountLine(ViewTexts.Lead, TaskScope.Count(led, today)));
        text.Append('\n').Append(ViewTexts.CountLine(ViewTexts.Support, TaskScope.Count(supported, today)));
        OpenList(ViewTexts.Lead, led);
        OpenList(ViewTexts.Support, supported);
        return Reply.Say(text.ToString());

        void OpenList(string side, IReadOnlyList<WorkTask> tasks)
        {
            var open = tasks.Where(t => !t.IsDone).OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
            var visible = open.Where(t => AccessPolicy.CanSee(context.Caller, t)).ToList();
            if (visible.Count > 0)
            {
                text.Append('\n').Append(CommandTexts.TaskList(ViewTexts.OpenHeading(side), visible, today));
            }

            if (open.Count > visible.Count)
            {
                text.Append('\n').Append(visible.Count == 0 ? ViewTexts.OpenHeading(side) + " " : "").Append(ViewTexts.HiddenOpen(open.Count - visible.Count));
            }
        }
    }
}
