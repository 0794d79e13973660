using Quartz;

namespace DoSon.Bot.Reminders.Jobs;

/// <summary>Fires at a (member, instant) slot and hands what is due to the dispatcher; it does not
/// wait for the platform, so a burst of slots never ties up Quartz's threads behind the rate limit.</summary>
public sealed class DeliverRemindersJob(ReminderDispatcher dispatcher, ReminderScheduler scheduler) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var slot = ReminderScheduler.SlotOf(context.MergedJobDataMap);
        scheduler.Fired(slot);
        await dispatcher.DispatchAsync(slot.MemberCode, slot.At, cancellationToken);
    }
}
