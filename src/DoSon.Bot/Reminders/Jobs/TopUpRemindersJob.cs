using Quartz;

namespace DoSon.Bot.Reminders.Jobs;

/// <summary>Every hour: gives Quartz the reminder slots that entered the scheduling horizon, so that
/// Quartz holds the next hours only, not every reminder planned for months.</summary>
public sealed class TopUpRemindersJob(ReminderService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await service.TopUpAsync(cancellationToken);
}
