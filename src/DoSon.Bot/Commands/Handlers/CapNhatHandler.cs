using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands.Handlers;

public sealed class CapNhatHandler(TaskProgress progress, TaskQueries queries) : ICommandHandler
{
    public string Name => "capnhat";
    public string Usage => "/capnhat <mã nhiệm vụ> <phần trăm 0-100> [ghi chú]";
    public string Description => "Báo tiến độ một nhiệm vụ";
    public MemberRole MinimumRole => MemberRole.Member;

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count < 2)
        {
            return ValueTask.FromResult(Reply.Say(CommandTexts.Usage(Usage)));
        }

        if (!TaskQueries.TryPercent(context.Words[1], out var percent))
        {
            return ValueTask.FromResult(Reply.Say(CommandTexts.Usage(Usage, CommandTexts.BadPercent(context.Words[1]))));
        }

        var note = TaskQueries.RestAfter(context, 2);
        var outcome = progress.SetPercent(context.Caller, context.Words[0], percent, note, context.Channel);
        return ValueTask.FromResult(Reply.Say(ProgressReplies.Describe(outcome, context.Words[0], queries.Today,
            t => t.IsDone ? CommandTexts.Done(t) : CommandTexts.Updated(t, queries.Today))));
    }
}
