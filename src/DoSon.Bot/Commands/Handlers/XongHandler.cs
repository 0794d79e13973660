using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands.Handlers;

public sealed class XongHandler(TaskProgress progress, TaskQueries queries) : ICommandHandler
{
    public string Name => "xong";
    public string Usage => "/xong <mã nhiệm vụ> [ghi chú]";
    public string Description => "Báo hoàn thành một nhiệm vụ";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count < 1)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        var outcome = await progress.MarkDoneAsync(context.Caller, context.Words[0], TaskQueries.RestAfter(context, 1), context.Channel);
        return Reply.Say(ProgressReplies.Describe(outcome, context.Words[0], queries.Today, CommandTexts.Done));
    }
}
