using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

/// <summary>A withdrawn task is kept with its history and read by its code, and left out of every list,
/// total and plan.</summary>
public abstract class WithdrawnTaskStoreContract
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static ProgressReport Withdrawal(string reason = "Trùng với nhiệm vụ T2") =>
        new("T1", "CVP", At, ProgressKind.Withdrawn, null, WorkTaskStatus.Withdrawn, reason, "web");

    [SkippableFact]
    public async Task A_withdrawal_is_kept_with_who_and_why_after_reopening_and_the_task_leaves_every_list()
    {
        using var db = NewWard();
        IReadOnlyCollection<string>? changed = null;
        using (var store = db.Open())
        {
            await WardData.SeedIntoAsync(store);
            await store.RecordProgressAsync(new ProgressReport("T1", "CB-DC", At, ProgressKind.Progress, 30, WorkTaskStatus.InProgress, null, "test"));
            store.TasksChanged += codes => changed = codes;
            var task = await store.RecordProgressAsync(Withdrawal());
            task.Status.Should().Be(WorkTaskStatus.Withdrawn);
        }

        changed.Should().Equal("T1");
        using var reopened = db.Open();
        (await reopened.FindTaskAsync("T1"))!.Should().Match<WorkTask>(t => t.IsWithdrawn && t.Percent == 30, "nothing is deleted");
        var last = (await reopened.GetHistoryAsync("T1"))[^1];
        (last.Kind, last.MemberCode, last.Channel, last.Note).Should().Be((ProgressKind.Withdrawn, "CVP", "web", "Trùng với nhiệm vụ T2"));
        last.Changes.Should().ContainSingle().Which.Should().Be(new FieldChange(TaskField.Status, "InProgress", "Withdrawn"));
        DoSon.Bot.Commands.Handlers.ChiTietHandler.HistoryLine(last).Should().Be("rút nhiệm vụ (trạng thái: đang thực hiện → đã rút) — lý do: Trùng với nhiệm vụ T2");

        (await reopened.GetTasksAsync()).Select(t => t.Code).Should().Equal("T3", "T2").And.NotContain("T1");
        (await reopened.GetTasksAsync(["T1", "T2"])).Select(t => t.Code).Should().Equal("T2");
        (await reopened.GetTaskStandingsAsync()).Should().NotContain(s => s.Code == "T1");
        (await reopened.GetTasksForAsync("CB-DC")).Should().NotContain(t => t.Code == "T1");
        (await reopened.GetTasksLedByAsync(["UBND"])).Should().NotContain(t => t.Code == "T1");
        (await reopened.GetOverdueTasksAsync(new DateOnly(2026, 4, 1))).Should().NotContain(t => t.Code == "T1");
        (await reopened.GetOpenTasksDueBetweenAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31))).Should().NotContain(t => t.Code == "T1");
        (await reopened.GetTasksWithStatusAsync(WorkTaskStatus.Withdrawn)).Select(t => t.Code).Should().Equal("T1");
    }

    [SkippableFact]
    public async Task The_kept_standings_drop_a_task_withdrawn_after_they_were_read()
    {
        using var db = NewWard();
        using var store = db.Open();
        await WardData.SeedIntoAsync(store);
        (await store.GetTaskStandingsAsync()).Should().Contain(s => s.Code == "T1");

        await store.RecordProgressAsync(Withdrawal());

        (await store.GetTaskStandingsAsync()).Select(s => s.Code).Should().Equal("T3", "T2");
    }

    [SkippableFact]
    public void The_planner_plans_nothing_for_a_withdrawn_task()
    {
        var open = ReminderPlanner.Plan([WardData.LandTask], [], [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer], ReminderPolicy.Default, At);
        var withdrawn = ReminderPlanner.Plan([WardData.LandTask with { Status = WorkTaskStatus.Withdrawn }], [], [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer], ReminderPolicy.Default, At);

        open.Should().Contain(p => p.TaskCode == "T1");
        withdrawn.Should().NotContain(p => p.TaskCode == "T1");
    }

    [SkippableFact]
    public void A_withdrawn_task_is_not_overdue_and_in_no_count()
    {
        var today = new DateOnly(2026, 4, 1);
        var withdrawn = WardData.LandTask with { Status = WorkTaskStatus.Withdrawn };

        TaskScope.IsOverdue(withdrawn, today).Should().BeFalse();
        TaskScope.IsOverdue(WardData.LandTask, today).Should().BeTrue();
        TaskScope.Count([withdrawn, WardData.UbndTask], today).Total.Should().Be(1);
        TaskScope.CountByUnit([withdrawn], today).Values.Should().OnlyContain(c => c.Led.Total == 0 && c.Supported.Total == 0);
        StatusText.Of(WorkTaskStatus.Withdrawn).Should().Be("đã rút");
    }

    [SkippableFact]
    public void An_import_naming_a_withdrawn_task_leaves_it_withdrawn_and_unchanged()
    {
        var withdrawn = WardData.LandTask with { Status = WorkTaskStatus.Withdrawn };
        var current = new StoreSnapshot([], [], [], [withdrawn], []);

        var plan = ImportPlanner.Plan(current, new AssignmentSet(null, [], [], [], [WardData.LandTask with { Title = "Tiêu đề mới" }]));

        plan.Tasks.Single().Should().Match<Change<WorkTask>>(c => c.Kind == ChangeKind.Unchanged && c.Item.IsWithdrawn && c.Item.Title == withdrawn.Title);
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class WithdrawnTaskOnLiteDb : WithdrawnTaskStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WithdrawnTaskOnPostgreSql(PostgresServer server) : WithdrawnTaskStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
