using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class CapNhatHandler(TaskActions actions) : ICommandHandler
{
    public string Name => "capnhat";
    public string Usage => "/capnhat <mã nhiệm vụ> <phần trăm 0-100> [ghi chú]";
    public string Description => "Báo tiến độ một nhiệm vụ (nhiệm vụ đã xong: thêm «mởlại» để mở lại)";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count < 2)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        if (!TaskQueries.TryPercent(context.Words[1], out var percent))
        {
            return Reply.Say(CommandTexts.Usage(Usage, CommandTexts.BadPercent(context.Words[1])));
        }

        // "/capnhat <mã> 20 mởlại" (or "molai"): the confirmation that a finished task is to be reopened.
        var reopen = context.Words.Count > 2 && IsReopenWord(context.Words[2]);
        var note = TaskQueries.RestAfter(context, reopen ? 3 : 2);
        var outcome = await actions.ApplyAsync(context.Caller, context.Words[0], TaskActionRequest.SetPercent(percent, note, reopen),
            context.Channel, TaskActionOrigin.Command, cancellationToken);
        return outcome.ToReply();
    }

    public static bool IsReopenWord(string word) => CommandRouter.NormalizeName(word) == "molai";
}
