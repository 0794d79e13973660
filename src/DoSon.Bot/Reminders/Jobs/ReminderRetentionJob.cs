using Quartz;

namespace DoSon.Bot.Reminders.Jobs;

/// <summary>Fires at Reminders:RetentionTime; the retention schedules the next one before it runs.
/// One trigger, replaced by the next each day: the ward's calendar decides the instant, as for the
/// daily backup.</summary>
internal sealed class ReminderRetentionJob(ReminderRetention retention) : IJob
{
    public static readonly JobKey Key = new("retention", ReminderScheduler.Group);
    public static readonly TriggerKey Trigger = new("retention-daily", ReminderScheduler.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await retention.RunDailyAsync(cancellationToken);

    public static async Task ScheduleAsync(IScheduler scheduler, TimeProvider time, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await scheduler.AddJob(JobBuilder.Create<ReminderRetentionJob>().WithIdentity(Key).StoreDurably().Build(),
            AddJobOptions.Replacing, cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(Trigger)
            .ForJob(Key)
            .StartAt(at)
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }
}
