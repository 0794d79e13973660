using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class VuongMacHandler(TaskActions actions) : ICommandHandler
{
    public string Name => "vuongmac";
    public string Usage => "/vuongmac <mã nhiệm vụ> <nội dung vướng mắc>";
    public string Description => "Báo vướng mắc của một nhiệm vụ";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = TaskQueries.RestAfter(context, 1);
        if (context.Words.Count < 1 || text.Length == 0)
        {
            return Reply.Say(CommandTexts.Usage(Usage, context.Words.Count == 1 ? "Hãy ghi rõ nội dung vướng mắc." : null));
        }

        var outcome = await actions.ApplyAsync(context.Caller, context.Words[0], TaskActionRequest.Blocker(text),
            context.Channel, TaskActionOrigin.Command, cancellationToken);
        return outcome.ToReply();
    }
}
