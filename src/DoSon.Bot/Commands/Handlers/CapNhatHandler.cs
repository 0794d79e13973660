using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands.Handlers;

public sealed class CapNhatHandler(TaskProgress progress, TaskQueries queries) : ICommandHandler
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
        var outcome = await progress.SetPercentAsync(context.Caller, context.Words[0], percent, note, context.Channel, reopen);
        if (outcome.Kind == ProgressOutcomeKind.NeedsReopen)
        {
            var onTelegram = context.Channel == TelegramChannelName;
            var ask = Reply.Say(ViewTexts.ConfirmReopen(outcome.Task!, percent, onTelegram));
            return onTelegram ? ask.WithButtons([.. TaskButtons.Reopen(outcome.Task!, percent)]) : ask;
        }

        return Reply.Say(ProgressReplies.Describe(outcome, context.Words[0], queries.Today,
            t => t.IsDone ? CommandTexts.Done(t) : outcome.Reopened ? ViewTexts.Reopened(t, queries.Today) : CommandTexts.Updated(t, queries.Today)));
    }

    /// <summary>The adapters' own name for Telegram (the command core does not depend on them).</summary>
    private const string TelegramChannelName = "telegram";

    public static bool IsReopenWord(string word) => CommandRouter.NormalizeName(word) == "molai";
}
