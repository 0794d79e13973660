using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands.Handlers;

internal static class ProgressReplies
{
    public static string Describe(ProgressOutcome outcome, string code, DateOnly today, Func<WorkTask, string> recorded) =>
        outcome.Kind switch
        {
            ProgressOutcomeKind.Recorded => recorded(outcome.Task!),
            ProgressOutcomeKind.NotAllowed => CommandTexts.NotAllowedOn(outcome),
            ProgressOutcomeKind.AlreadyDone => CommandTexts.AlreadyDone(outcome.Task!),
            _ => CommandTexts.TaskNotFound(code),
        };
}
