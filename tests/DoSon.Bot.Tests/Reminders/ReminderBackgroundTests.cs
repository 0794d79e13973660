using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>The real host: changes are re-planned in the background after a short delay on the app
/// clock, a finished task stops at once, and Quartz holds only the scheduling horizon.</summary>
public class ReminderBackgroundTests
{
    private static DateTimeOffset Day(int day, int hour = 0, int minute = 30) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_finished_task_stops_before_the_command_returns_and_a_reopened_one_is_replanned_in_the_background()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);
        var progress = bot.Host.Services.GetRequiredService<TaskProgress>();
        var runs = bot.Service.Queue.Runs;

        (await progress.MarkDoneAsync(WardData.UbndOfficer, "T1", null, "console")).Kind.Should().Be(ProgressOutcomeKind.Recorded);
        (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Should().NotContain(r => r.TaskCode == "T1", "cancelled in the change itself");
        bot.Service.Queue.Runs.Should().Be(runs, "the re-plan waits for the delay on the app clock");

        await bot.Store.RecordProgressAsync(new ProgressReport("T1", "CB-DC", bot.Clock.GetUtcNow(), ProgressKind.Progress, 50,
            WorkTaskStatus.InProgress, null, "console"));
        (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Should().NotContain(r => r.TaskCode == "T1");

        await bot.AdvanceToAsync(bot.Clock.GetUtcNow() + ReminderService.ReplanDelay, () => bot.Service.Queue.Runs > runs);
        bot.Service.Queue.Runs.Should().Be(runs + 1, "both changes were coalesced into one run");
        (await bot.Reminders.FindReminderAsync("task:T1:CB-DC:before-7"))!.State.Should().Be(ReminderState.Pending, "the reopened task's steps came back");
        (await bot.Reminders.FindReminderAsync("task:T3:TCA:before-3"))!.State.Should().Be(ReminderState.Pending);
    }

    [Fact]
    public async Task A_reminder_of_a_finished_task_left_pending_by_a_stale_plan_is_cancelled_by_the_sender_not_sent()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);
        var runs = bot.Service.Queue.Runs;
        await bot.Host.Services.GetRequiredService<TaskProgress>().MarkDoneAsync(WardData.UbndOfficer, "T1", null, "console");
        await bot.AdvanceToAsync(bot.Clock.GetUtcNow() + ReminderService.ReplanDelay, () => bot.Service.Queue.Runs > runs);

        // A reminder written behind the planner's back (as a stale plan would), due at 10:00, before
        // the nightly re-plan could tidy it up: only the sender's own check stands in its way.
        var at = Day(1, 3, 0);
        var key = ReminderKeys.Snooze("T1", "CB-DC", at);
        (await bot.Reminders.AddOneOffAsync(new PlannedReminder(key, ReminderKind.Snooze, "CB-DC", "T1", null, "snooze", at))).Should().BeTrue();
        await bot.Service.SyncAsync(CancellationToken.None);

        await bot.AdvanceToAsync(at, async () => (await bot.Reminders.FindReminderAsync(key))!.State != ReminderState.Pending);

        (await bot.Reminders.FindReminderAsync(key))!.State.Should().Be(ReminderState.Cancelled);
        (await bot.Reminders.FindReminderAsync(key))!.Note.Should().Be("Nhiệm vụ đã hoàn thành.");
        bot.Channel.To("CB-DC").Should().BeEmpty();
    }

    [Fact]
    public async Task Quartz_holds_reminders_days_ahead_only_once_a_top_up_brings_them_inside_the_horizon_and_they_go_out_on_time()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);
        var scheduler = bot.Host.Services.GetRequiredService<ReminderScheduler>();
        // T2 (no assignee: the UBND leader carries it) is due 20/03: its 7-day reminder is on 13/03 at 07:30.
        var slot = new ReminderSlot("CT-UBND", Day(13));
        (await bot.Reminders.FindReminderAsync("task:T2:CT-UBND:before-7"))!.SendAt.Should().Be(slot.At);

        scheduler.Holds(slot).Should().BeFalse("12 days ahead is beyond the 48-hour horizon");
        scheduler.Holds(new ReminderSlot("TCA", Day(2))).Should().BeTrue("tomorrow is inside it");
        var pending = await bot.Reminders.GetRemindersAsync(ReminderState.Pending);
        scheduler.ScheduledCount.Should().Be(pending.Where(r => r.SendAt <= BotHost.March1.AddHours(48)).Select(r => (r.MemberCode, r.SendAt)).Distinct().Count());

        // The clock jumps to 11/03 00:00, 48.5 hours before the slot: the hourly top-up runs (once, at
        // once) and leaves the slot out; an hour later the next top-up brings it in.
        var topUps = bot.Service.TopUps;
        await bot.AdvanceToAsync(Day(11, 0, 0), () => bot.Service.TopUps > topUps);
        scheduler.Holds(slot).Should().BeFalse("at 11/03 00:00 the slot is still more than 48 hours ahead");
        scheduler.Holds(new ReminderSlot("CB-DC", Day(12))).Should().BeTrue("the next day's slots (T1 overdue-2) came in with the top-up");

        topUps = bot.Service.TopUps;
        await bot.AdvanceToAsync(Day(11, 1, 0), () => bot.Service.TopUps > topUps);
        scheduler.Holds(slot).Should().BeTrue("the top-up an hour later brought it inside the horizon");

        // (CT-UBND got T2 before, listed under the milestone's countdown of 08/03, sent after the jump.)
        await bot.AdvanceToAsync(slot.At, () => bot.Channel.Accepted.Any(a => a.Message.ChatId == "CT-UBND" && a.At >= slot.At));
        // The outbox paces the backlog of the jump on the fake clock: let it run until the outcome is recorded.
        await bot.AdvanceToAsync(bot.Clock.GetUtcNow(), async () => (await bot.Reminders.FindReminderAsync("task:T2:CT-UBND:before-7"))?.State != ReminderState.Pending);

        bot.Channel.Accepted.Should().Contain(a => a.Message.ChatId == "CT-UBND" && a.At >= slot.At && a.At < slot.At.AddMinutes(1) && a.Message.Content.Text.Contains("T2 —"),
            "it went out at 07:30 on 13/03, not late");
        (await bot.Reminders.FindReminderAsync("task:T2:CT-UBND:before-7"))!.State.Should().Be(ReminderState.Sent);
    }

    [Fact]
    public async Task A_wrong_scheduling_horizon_stops_the_host_with_a_message_naming_the_key()
    {
        using var db = new TempDatabase();
        var act = () => BotHost.StartAsync(db, BotHost.March1, settings: new Dictionary<string, string?> { ["Reminders:SchedulingHorizonHours"] = "1" });

        (await act.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>())
            .Which.Message.Should().Contain("Reminders:SchedulingHorizonHours");
    }
}
