using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class XongHandler(TaskActions actions) : ICommandHandler
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

        var outcome = await actions.ApplyAsync(context.Caller, context.Words[0], TaskActionRequest.Done(TaskQueries.RestAfter(context, 1)),
            context.Channel, TaskActionOrigin.Command, cancellationToken);
        return outcome.ToReply();
    }
}
