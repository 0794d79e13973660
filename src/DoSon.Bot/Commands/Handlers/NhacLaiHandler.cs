using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

/// <summary>"/nhaclai T1 mai": the snooze of Telegram's buttons, for every platform (Zalo has no buttons).</summary>
public sealed class NhacLaiHandler(TaskActions actions) : ICommandHandler
{
    public string Name => "nhaclai";
    public string Usage => "/nhaclai <mã nhiệm vụ> <1h|chiều|mai>";
    public string Description => "Nhắc lại một nhiệm vụ sau 1 giờ, chiều nay (14:00) hoặc sáng mai (07:00)";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count < 2 || ShortAnswerParser.ParseWhen(TaskQueries.RestAfter(context, 1)) is not { } until)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        var outcome = await actions.ApplyAsync(context.Caller, context.Words[0], TaskActionRequest.Snooze(until),
            context.Channel, TaskActionOrigin.Command, cancellationToken);
        // The answer names the task (code and title), as a short answer's does: a command names it only by its code.
        return outcome is { SnoozedUntil: { } at, Task: { } task }
            ? Reply.Say(ShortAnswerTexts.Snoozed(task, at))
            : outcome.ToReply();
    }
}
