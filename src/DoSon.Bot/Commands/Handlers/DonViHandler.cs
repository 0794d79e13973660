using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

public sealed class DonViHandler(IBotStore store, TaskQueries queries) : ICommandHandler
{
    public string Name => "donvi";
    public string Usage => "/donvi [mã đơn vị]";
    public string Description => "Nhiệm vụ của một đơn vị (không ghi mã: danh sách đơn vị)";
    public MemberRole MinimumRole => MemberRole.Member;

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var units = store.GetUnits();
        if (context.Words.Count == 0)
        {
            var sb = new StringBuilder("Các đơn vị (mã — tên):");
            foreach (var u in units)
            {
                sb.Append($"\n• {u.Code} — {u.Name}");
            }

            sb.Append($"\n{CommandTexts.Usage(Usage)}");
            return ValueTask.FromResult(Reply.Say(sb.ToString()));
        }

        if (context.Words.Count > 1)
        {
            return ValueTask.FromResult(Reply.Say(CommandTexts.Usage(Usage)));
        }

        var unit = units.FirstOrDefault(u => string.Equals(u.Code, context.Words[0], StringComparison.OrdinalIgnoreCase));
        if (unit is null)
        {
            return ValueTask.FromResult(Reply.Say(CommandTexts.UnitNotFound(context.Words[0])));
        }

        var today = queries.Today;
        var tasks = queries.Visible(context.Caller).Where(t => t.InvolvesUnit(unit.Code)).ToList();
        var open = tasks.Where(t => !t.IsDone).ToList();
        var text = new StringBuilder($"{unit.Name} ({unit.Code}): {tasks.Count} nhiệm vụ bạn xem được, {tasks.Count - open.Count} đã xong, {open.Count(t => t.Due < today)} quá hạn.");
        if (open.Count > 0)
        {
            text.Append('\n').Append(CommandTexts.TaskList("Đang mở:", open, today));
        }

        return ValueTask.FromResult(Reply.Say(text.ToString()));
    }
}
