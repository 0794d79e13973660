using Quartz;

namespace DoSon.Bot.Reminders.Jobs;

/// <summary>Fires at Reminders:RetentionTime (scheduled by <see cref="ReminderScheduler"/>); the
/// retention schedules the next one before it runs.</summary>
internal sealed class ReminderRetentionJob(ReminderRetention retention) : IJob
{
    public static readonly JobKey Key = new("retention", ReminderScheduler.Group);
    public static readonly TriggerKey Trigger = new("retention-daily", ReminderScheduler.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await retention.RunDailyAsync(cancellationToken);
}
