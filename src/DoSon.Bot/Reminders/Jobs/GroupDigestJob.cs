using Quartz;

namespace DoSon.Bot.Reminders.Jobs;

/// <summary>Fires at the time of the daily or weekly ward digest and has it sent to the registered
/// groups; the service schedules the next one before it sends.</summary>
public sealed class GroupDigestJob(GroupDigestService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var (kind, date) = ReminderScheduler.GroupDigestOf(context.MergedJobDataMap);
        await service.RunAsync(kind, date, cancellationToken);
    }
}
