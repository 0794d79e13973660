using Quartz;

namespace DoSon.Bot.Reminders.Jobs;

/// <summary>Once a day, shortly after midnight in the ward: plans the next digest and re-checks the
/// whole plan, as a safety net for any change that did not announce itself.</summary>
public sealed class ReplanRemindersJob(ReminderService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await service.ReplanAsync(daily: true, cancellationToken);
}
