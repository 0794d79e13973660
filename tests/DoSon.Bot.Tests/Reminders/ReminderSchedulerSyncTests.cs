using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>Two syncs of Quartz with the stored plan at once (the hourly top-up and the nightly re-plan
/// fall due together after a jump of the clock): the last one applied must be the newest reading.</summary>
public class ReminderSchedulerSyncTests
{
    [Fact]
    public async Task A_sync_waiting_for_the_one_before_it_reads_the_plan_only_after_that_one_is_applied()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);
        var scheduler = bot.Host.Services.GetRequiredService<ReminderScheduler>();
        var added = new ReminderSlot("CVP", BotHost.March1.AddDays(1).AddMinutes(17));
        scheduler.Holds(added).Should().BeFalse("nobody planned this instant");

        // The older sync read the plan before the slot was added, and is slow to apply it.
        var release = new TaskCompletionSource<IReadOnlyCollection<ReminderSlot>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var older = scheduler.SyncAsync(_ => release.Task, CancellationToken.None);
        var newerReadAt = -1;
        var applied = 0;
        var newer = scheduler.SyncAsync(_ =>
        {
            newerReadAt = Volatile.Read(ref applied);
            return Task.FromResult<IReadOnlyCollection<ReminderSlot>>([added]);
        }, CancellationToken.None);

        newerReadAt.Should().Be(-1, "the newer sync waits for the gate before it reads");
        Volatile.Write(ref applied, 1);
        release.SetResult([]);
        await Task.WhenAll(older, newer).WaitAsync(ClockDriver.Patience);

        newerReadAt.Should().Be(1, "the newer sync read the plan after the older one was applied");
        scheduler.Holds(added).Should().BeTrue("the newest reading is the one Quartz holds");
    }
}
