using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class SapDenHandler(TaskQueries queries) : ICommandHandler
{
    public const int DefaultDays = 7;

    public string Name => "sapden";
    public string Usage => "/sapden [số ngày, mặc định 7]";
    public string Description => "Nhiệm vụ sắp đến hạn";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var days = DefaultDays;
        if (context.Words.Count > 1
            || (context.Words.Count == 1 && !(int.TryParse(context.Words[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days) && days is >= 1 and <= 366)))
        {
            return Reply.Say(CommandTexts.Usage(Usage,
                context.Words.Count == 1 ? CommandTexts.BadDays(context.Words[0]) : null));
        }

        var today = queries.Today;
        var last = today.AddDays(days);
        var tasks = await queries.OpenInScopeDueBetweenAsync(context.Caller, today, last);
        var text = tasks.Count == 0
            ? CommandTexts.NothingDueSoon(days)
            : CommandTexts.TaskList($"Đến hạn trong {days} ngày tới ({tasks.Count}):", tasks, today);
        return Reply.Say(text);
    }
}
