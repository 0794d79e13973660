using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>Re-planning against the stored plan: what moves, what is cancelled, what is never re-sent.</summary>
public abstract class ReminderStoreStoreContract
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private static readonly Member[] Members = [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police];
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<PlannedReminder> Plan(WorkTask task, ReminderPolicy? policy = null, DateTimeOffset? now = null) =>
        ReminderPlanner.Plan([task], [], Members, policy ?? ReminderPolicy.Default, now ?? Now);

    private static HashSet<string> Open(params WorkTask[] tasks) => tasks.Where(t => !t.IsDone).Select(t => t.Code).ToHashSet();

    [SkippableFact]
    public async Task ApplyPlan_adds_future_steps_as_pending_and_leaves_out_steps_already_past()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask; // due 10/03: before-7 is 03/03, so at 05/03 it is already past

        await store.ApplyPlanAsync(Plan(task), Open(task), new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero));

        var keys = (await store.GetRemindersAsync(ReminderState.Pending)).Select(r => r.Key).ToList();
        keys.Should().Contain("task:T1:CB-DC:before-3").And.NotContain("task:T1:CB-DC:before-7");
    }

    [SkippableFact]
    public async Task GetRemindersOfTask_gives_every_state_of_that_task_only()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        var other = task with { Code = "T9" };
        await store.ApplyPlanAsync([.. Plan(task), .. Plan(other)], Open(task, other), Now);
        await store.CompleteAsync(["task:T1:CB-DC:before-7"], ReminderState.Sent, Now, null, 1, "fake");

        var ofTask = await store.GetRemindersOfTaskAsync("T1");

        ofTask.Should().NotBeEmpty().And.OnlyContain(r => r.TaskCode == "T1");
        ofTask.Should().Contain(r => r.Key == "task:T1:CB-DC:before-7" && r.State == ReminderState.Sent);
        ofTask.Select(r => r.SendAt).Should().BeInAscendingOrder();
    }

    [SkippableFact]
    public async Task ApplyPlan_after_a_changed_due_date_moves_the_pending_steps_and_never_resends_a_sent_one()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        await store.ApplyPlanAsync(Plan(task), Open(task), Now);
        await store.CompleteAsync(["task:T1:CB-DC:before-7"], ReminderState.Sent, Now, null, 1, "fake");

        var moved = task with { Due = new DateOnly(2026, 3, 20) };
        var changes = await store.ApplyPlanAsync(Plan(moved), Open(moved), Now);

        changes.Moved.Should().BeGreaterThan(0);
        (await store.FindReminderAsync("task:T1:CB-DC:before-3"))!.DueAt.Should().Be(new DateTimeOffset(2026, 3, 17, 0, 30, 0, TimeSpan.Zero));
        var sent = (await store.FindReminderAsync("task:T1:CB-DC:before-7"))!;
        sent.State.Should().Be(ReminderState.Sent);
        sent.DueAt.Should().Be(new DateTimeOffset(2026, 3, 3, 0, 30, 0, TimeSpan.Zero));
    }

    [SkippableFact]
    public async Task ApplyPlan_after_a_changed_assignee_cancels_the_old_persons_steps_and_adds_the_new_ones()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        await store.ApplyPlanAsync(Plan(task), Open(task), Now);

        var reassigned = task with { Assignees = ["TCA"] };
        await store.ApplyPlanAsync(Plan(reassigned), Open(reassigned), Now);

        (await store.GetRemindersAsync(ReminderState.Pending)).Where(r => r.Kind == ReminderKind.Task).Select(r => r.MemberCode).Distinct()
            .Should().Equal("TCA");
        (await store.FindReminderAsync("task:T1:CB-DC:before-3"))!.State.Should().Be(ReminderState.Cancelled);
    }

    [SkippableFact]
    public async Task ApplyPlan_after_a_changed_policy_cancels_steps_no_longer_planned()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        await store.ApplyPlanAsync(Plan(task), Open(task), Now);

        var policy = ReminderPolicy.From(new ReminderOptions { DaysBefore = [2] });
        await store.ApplyPlanAsync(Plan(task, policy), Open(task), Now);

        (await store.FindReminderAsync("task:T1:CB-DC:before-7"))!.State.Should().Be(ReminderState.Cancelled);
        (await store.FindReminderAsync("task:T1:CB-DC:before-2"))!.State.Should().Be(ReminderState.Pending);
    }

    [SkippableFact]
    public async Task ApplyPlan_of_a_done_task_cancels_its_pending_steps_and_its_snoozes()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        await store.ApplyPlanAsync(Plan(task), Open(task), Now);
        var snoozeAt = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
        await store.AddOneOffAsync(new PlannedReminder(ReminderKeys.Snooze("T1", "CB-DC", snoozeAt), ReminderKind.Snooze, "CB-DC", "T1", null, "snooze", snoozeAt));

        var done = task with { Status = WorkTaskStatus.Done };
        await store.ApplyPlanAsync(Plan(done), Open(done), Now);

        (await store.GetRemindersAsync(ReminderState.Pending)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task ApplyPlan_keeps_a_snooze_of_an_open_task_although_the_planner_does_not_make_it()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        var snoozeAt = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
        await store.AddOneOffAsync(new PlannedReminder(ReminderKeys.Snooze("T1", "CB-DC", snoozeAt), ReminderKind.Snooze, "CB-DC", "T1", null, "snooze", snoozeAt));

        await store.ApplyPlanAsync(Plan(task), Open(task), Now);

        (await store.FindReminderAsync(ReminderKeys.Snooze("T1", "CB-DC", snoozeAt)))!.State.Should().Be(ReminderState.Pending);
    }

    [SkippableFact]
    public async Task ApplyPlan_revives_a_cancelled_step_that_is_planned_again()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        await store.ApplyPlanAsync(Plan(task), Open(task), Now);
        var done = task with { Status = WorkTaskStatus.Done };
        await store.ApplyPlanAsync(Plan(done), Open(done), Now);

        var changes = await store.ApplyPlanAsync(Plan(task), Open(task), Now);

        changes.Revived.Should().BeGreaterThan(0);
        (await store.FindReminderAsync("task:T1:CB-DC:before-3"))!.State.Should().Be(ReminderState.Pending);
    }

    [SkippableFact]
    public async Task CatchUp_sends_late_what_is_inside_the_window_and_skips_what_is_older()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        await store.ApplyPlanAsync(Plan(task), Open(task), Now);
        var restart = new DateTimeOffset(2026, 3, 7, 6, 0, 0, TimeSpan.Zero); // before-3 (07/03 00:30) is 5.5 h old

        var result = await store.CatchUpAsync(restart, TimeSpan.FromHours(12), restart);

        result.Late.Select(r => r.Key).Should().Equal("task:T1:CB-DC:before-3");
        result.Skipped.Select(r => r.Key).Should().Equal("task:T1:CB-DC:before-7");
        var late = (await store.FindReminderAsync("task:T1:CB-DC:before-3"))!;
        late.Late.Should().BeTrue();
        late.SendAt.Should().Be(restart);
        (await store.FindReminderAsync("task:T1:CB-DC:before-7"))!.State.Should().Be(ReminderState.Skipped);
    }

    [SkippableFact]
    public async Task Complete_never_changes_a_reminder_that_is_no_longer_pending()
    {
        using var db = NewWard();
        using var store = db.Open();
        var task = WardData.LandTask;
        await store.ApplyPlanAsync(Plan(task), Open(task), Now);
        await store.CompleteAsync(["task:T1:CB-DC:before-7"], ReminderState.Sent, Now, null, 1, "fake");

        var changed = await store.CompleteAsync(["task:T1:CB-DC:before-7"], ReminderState.Failed, Now, "x");

        changed.Should().Be(0);
        (await store.FindReminderAsync("task:T1:CB-DC:before-7"))!.State.Should().Be(ReminderState.Sent);
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class ReminderStoreOnLiteDb : ReminderStoreStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderStoreOnPostgreSql(PostgresServer server) : ReminderStoreStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
