using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class VuongMacHandler(TaskProgress progress, TaskQueries queries) : ICommandHandler
{
    public string Name => "vuongmac";
    public string Usage => "/vuongmac <mã nhiệm vụ> <nội dung vướng mắc>";
    public string Description => "Báo vướng mắc của một nhiệm vụ";
    public MemberRole MinimumRole => MemberRole.Member;

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = TaskQueries.RestAfter(context, 1);
        if (context.Words.Count < 1 || text.Length == 0)
        {
            return ValueTask.FromResult(Reply.Say(CommandTexts.Usage(Usage, context.Words.Count == 1 ? "Hãy ghi rõ nội dung vướng mắc." : null)));
        }

        var outcome = progress.ReportBlocker(context.Caller, context.Words[0], text, context.Channel);
        return ValueTask.FromResult(Reply.Say(ProgressReplies.Describe(outcome, context.Words[0], queries.Today, CommandTexts.BlockerRecorded)));
    }
}
