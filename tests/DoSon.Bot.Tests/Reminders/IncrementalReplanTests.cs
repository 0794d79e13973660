using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>A change re-plans only what it touches: the planner's part equals the whole plan there,
/// and the store reads and changes only the reminders in that part.</summary>
public class IncrementalReplanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Milestone Congress = new("DAIHOI", "Đại hội", new DateOnly(2026, 3, 25));
    private static readonly Milestone[] Milestones = [WardData.Election, Congress];

    private static readonly Member[] Members =
    [
        WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police,
        new("CB-VP", "Cán bộ văn phòng", "Chuyên viên", ["VPDU"], MemberRole.Member),
        new("PCT", "Phó Chủ tịch", "Phó Chủ tịch UBND", ["UBND"], MemberRole.Leader),
        new("CS", "Cảnh sát khu vực", "Cảnh sát", ["CAP"], MemberRole.Member),
    ];

    private static readonly ReminderPolicy WithDigest = ReminderPolicy.From(new ReminderOptions { Digest = { Enabled = true } });

    /// <summary>Sixty tasks over three units, some with assignees, support units and milestones.</summary>
    private static List<WorkTask> Ward()
    {
        string[] units = ["UBND", "CAP", "VPDU"];
        string[][] assignees = [[], ["CB-DC"], ["TCA"], ["CB-VP", "CS"], []];
        return [.. Enumerable.Range(1, 60).Select(i => WardData.Task($"W{i:D2}", units[i % 3], new DateOnly(2026, 3, 5 + i % 20), assignees[i % 5]) with
        {
            SupportUnits = i % 4 == 0 ? [units[(i + 1) % 3]] : [],
            Milestone = (i % 6) switch { 0 => "BAUCU", 1 => "DAIHOI", _ => null },
        })];
    }

    private static List<WorkTask> Changed(List<WorkTask> tasks)
    {
        var next = tasks.ToList();
        next[6] = next[6] with { Due = next[6].Due.AddDays(4) };                          // W07: moved
        next[11] = next[11] with { Status = WorkTaskStatus.Done };                        // W12: BAUCU, finished
        next[12] = next[12] with { Assignees = ["CS"], Milestone = "BAUCU" };              // W13: reassigned, DAIHOI -> BAUCU
        next[23] = next[23] with { Assignees = ["CB-DC"] };                                // W24: someone named now
        next.Add(WardData.Task("W99", "VPDU", new DateOnly(2026, 3, 18), "CB-VP") with { Milestone = "DAIHOI" });
        return next;
    }

    private static readonly string[] ChangedCodes = ["W07", "W12", "W13", "W24", "W99"];

    private static bool InScope(PlannedReminder p, HashSet<string> tasks, IReadOnlySet<string> milestones, IReadOnlySet<string> members) =>
        (p.TaskCode is { } t && tasks.Contains(t))
        || (p.MilestoneCode is { } m && milestones.Contains(m))
        || (p.Kind == ReminderKind.Digest && members.Contains(p.MemberCode));

    [Fact]
    public void PlanPart_for_changed_tasks_equals_the_whole_plan_in_what_they_touch_and_nothing_else_changes()
    {
        var before = Ward();
        var after = Changed(before);
        var index = new OpenTaskIndex(before, Members);

        var current = after.Where(t => ChangedCodes.Contains(t.Code)).ToList();
        var (milestones, members) = index.Update(ChangedCodes, current);
        var part = ReminderPlanner.PlanPart(current, milestones, members, index, Milestones, Members, WithDigest, Now);

        var tasks = ChangedCodes.ToHashSet();
        milestones.Should().BeEquivalentTo(["BAUCU", "DAIHOI"]);
        var whole = ReminderPlanner.Plan(after, Milestones, Members, WithDigest, Now);
        var old = ReminderPlanner.Plan(before, Milestones, Members, WithDigest, Now);
        part.Should().BeEquivalentTo(whole.Where(p => InScope(p, tasks, milestones, members)));
        whole.Where(p => !InScope(p, tasks, milestones, members))
            .Should().BeEquivalentTo(old.Where(p => !InScope(p, tasks, milestones, members)), "a change alters nothing outside what it touches");
    }

    [Fact]
    public void A_member_whose_last_open_task_is_finished_loses_the_next_digest_and_no_one_else_is_touched()
    {
        var before = new List<WorkTask> { WardData.LandTask, WardData.PoliceTask };
        var index = new OpenTaskIndex(before, Members);
        var done = WardData.PoliceTask with { Status = WorkTaskStatus.Done };

        var (_, members) = index.Update(["T3"], [done]);
        var part = ReminderPlanner.PlanPart([done], [], members, index, Milestones, Members, WithDigest, Now);

        members.Should().BeEquivalentTo(["TCA"], "CS, of the lead unit, is not in scope of a task with a named assignee");
        part.Should().BeEmpty("TCA has no open task left, and T3 is done");
        index.HasOpenInScope("CB-DC").Should().BeTrue();
        index.HasOpenInScope("CVP").Should().BeTrue("an admin always gets the digest");
    }

    [Fact]
    public async Task A_change_to_one_task_reads_and_changes_only_that_tasks_reminders()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var tasks = Enumerable.Range(1, 50).Select(i => WardData.Task($"X{i:D2}", "UBND", new DateOnly(2026, 3, 10 + i % 15), "CB-DC")).ToList();
        await store.ApplyPlanAsync(ReminderPlanner.Plan(tasks, [], Members, ReminderPolicy.Default, Now), tasks.Select(t => t.Code).ToHashSet(), Now);
        var others = (await store.GetRemindersAsync()).Where(r => r.TaskCode != "X07").ToList();
        var own = (await store.GetRemindersAsync()).Count(r => r.TaskCode == "X07");

        var moved = tasks[6] with { Due = tasks[6].Due.AddDays(3) };
        var index = new OpenTaskIndex(tasks, Members);
        var (milestones, members) = index.Update(["X07"], [moved]);
        var plan = ReminderPlanner.PlanPart([moved], milestones, members, index, [], Members, ReminderPolicy.Default, Now);
        var changes = await store.ApplyPlanAsync(plan, new ReminderScope(["X07"], milestones, []), new HashSet<string> { "X07" }, Now.AddHours(1));

        changes.Examined.Should().Be(own, "only X07's reminders are read, through the task index");
        changes.Moved.Should().Be(own);
        (await store.GetRemindersAsync()).Where(r => r.TaskCode != "X07").Should().BeEquivalentTo(others, "no other reminder is touched");
        (await store.FindReminderAsync("task:X07:CB-DC:before-3"))!.DueAt.Should().Be(ReminderPolicy.Default.At(moved.Due.AddDays(-3), ReminderPolicy.Default.TimeOfDay));
    }

    [Fact]
    public async Task CancelPending_cancels_the_pending_reminders_of_a_task_and_its_snoozes_and_nothing_else()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var tasks = new[] { WardData.LandTask, WardData.PoliceTask };
        await store.ApplyPlanAsync(ReminderPlanner.Plan(tasks, [], Members, ReminderPolicy.Default, Now), tasks.Select(t => t.Code).ToHashSet(), Now);
        var snoozeAt = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
        await store.AddOneOffAsync(new PlannedReminder(ReminderKeys.Snooze("T1", "CB-DC", snoozeAt), ReminderKind.Snooze, "CB-DC", "T1", null, "snooze", snoozeAt));
        await store.CompleteAsync(["task:T1:CB-DC:before-7"], ReminderState.Sent, Now, null, 1, "fake");
        var pendingT3 = (await store.GetRemindersAsync(ReminderState.Pending)).Count(r => r.TaskCode == "T3");

        var cancelled = await store.CancelPendingAsync(["T1"], Now, "Nhiệm vụ đã hoàn thành.");

        cancelled.Should().BeGreaterThan(1);
        (await store.GetRemindersAsync(ReminderState.Pending)).Should().OnlyContain(r => r.TaskCode == "T3").And.HaveCount(pendingT3);
        (await store.FindReminderAsync("task:T1:CB-DC:before-7"))!.State.Should().Be(ReminderState.Sent, "a sent reminder stays sent");
    }

    [Fact]
    public async Task GetPendingUpTo_returns_the_pending_reminders_up_to_the_instant_and_none_sent_or_later()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var tasks = new[] { WardData.LandTask };
        await store.ApplyPlanAsync(ReminderPlanner.Plan(tasks, [], Members, ReminderPolicy.Default, Now), tasks.Select(t => t.Code).ToHashSet(), Now);
        await store.CompleteAsync(["task:T1:CB-DC:before-7"], ReminderState.Sent, Now, null, 1, "fake");

        var upTo = new DateTimeOffset(2026, 3, 10, 0, 30, 0, TimeSpan.Zero);
        (await store.GetPendingUpToAsync(upTo)).Select(r => r.Key).Should().BeEquivalentTo(
            "task:T1:CB-DC:before-3", "task:T1:CB-DC:before-1", "task:T1:CB-DC:day");
    }

    [Fact]
    public async Task A_database_from_before_the_pending_index_still_finds_its_pending_reminders()
    {
        using var db = new TempDatabase();
        var at = new DateTime(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc);
        using (var raw = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = db.Path, Connection = LiteDB.ConnectionType.Direct }, new LiteDB.BsonMapper()))
        {
            raw.GetCollection<ReminderDoc>("reminders").Insert(new ReminderDoc
            {
                Key = "task:T3:TCA:before-3", Kind = "Task", MemberCode = "TCA", TaskCode = "T3", Step = "before-3",
                DueAt = at, SendAt = at, State = "Pending", UpdatedAt = at,
            });
        }

        using var store = db.Open();

        (await store.GetPendingUpToAsync(Now.AddDays(2))).Select(r => r.Key).Should().Equal("task:T3:TCA:before-3");
    }
}
