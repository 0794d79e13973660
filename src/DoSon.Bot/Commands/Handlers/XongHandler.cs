using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class XongHandler(TaskProgress progress, TaskQueries queries) : ICommandHandler
{
    public string Name => "xong";
    public string Usage => "/xong <mã nhiệm vụ> [ghi chú]";
    public string Description => "Báo hoàn thành một nhiệm vụ";
    public MemberRole MinimumRole => MemberRole.Member;

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count < 1)
        {
            return ValueTask.FromResult(Reply.Say(CommandTexts.Usage(Usage)));
        }

        var outcome = progress.MarkDone(context.Caller, context.Words[0], TaskQueries.RestAfter(context, 1), context.Channel);
        return ValueTask.FromResult(Reply.Say(ProgressReplies.Describe(outcome, context.Words[0], queries.Today, CommandTexts.Done)));
    }
}
