using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.EndToEnd;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>Issue 11, item 3: finished reminders are removed after Reminders:KeepDays, a step once sent
/// is still never sent again, the file is rebuilt when much was removed, and the job runs at 02:45.</summary>
public sealed class ReminderRetentionTests : IDisposable
{
    private static readonly Member[] Members = [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police];
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SentAt = new(2026, 3, 3, 0, 30, 0, TimeSpan.Zero);

    /// <summary>100 days after the first reminder went out: beyond the default 90 days.</summary>
    private static readonly DateTimeOffset Later = SentAt.AddDays(100);

    private const string SentKey = "task:T1:CB-DC:before-7";
    private const string PendingKey = "task:T1:CB-DC:before-3";

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static IReadOnlyList<PlannedReminder> Plan(WorkTask task, DateTimeOffset now) =>
        ReminderPlanner.Plan([task], [], Members, ReminderPolicy.Default, now);

    private static HashSet<string> Open(WorkTask task) => task.IsDone ? [] : [task.Code];

    /// <summary>The land task planned on 01/03, its first step sent on 03/03.</summary>
    private async Task<LiteDbBotStore> StoreWithOneSentStepAsync()
    {
        var store = _db.Open();
        await WardData.SeedIntoAsync(store);
        await store.ApplyPlanAsync(Plan(WardData.LandTask, Now), Open(WardData.LandTask), Now);
        await store.CompleteAsync([SentKey], ReminderState.Sent, SentAt, null, 1, "fake");
        return store;
    }

    private static async Task<RetentionRemoval> RetainAsync(LiteDbBotStore store, DateTimeOffset now, int keepDays = 90) =>
        await store.RemoveFinishedRemindersAsync(now.AddDays(-keepDays));

    [Fact]
    public async Task Retention_removes_finished_reminders_older_than_keep_days_and_keeps_recent_and_pending_ones()
    {
        using var store = await StoreWithOneSentStepAsync();
        // Finished on 03/03 too: a cancelled, a skipped and a failed step.
        await store.CompleteAsync(["task:T1:CB-DC:overdue-1"], ReminderState.Cancelled, SentAt, "hủy");
        await store.CompleteAsync(["task:T1:CB-DC:overdue-2"], ReminderState.Skipped, SentAt, "bỏ qua");
        await store.CompleteAsync(["task:T1:CB-DC:overdue-3"], ReminderState.Failed, SentAt, "lỗi");
        // Finished 10 days before the run: recent.
        await store.CompleteAsync(["task:T1:CB-DC:overdue-4"], ReminderState.Sent, Later.AddDays(-10), null, 1, "fake");
        var pendingBefore = (await store.GetRemindersAsync(ReminderState.Pending)).Select(r => r.Key).ToList();

        var removal = await RetainAsync(store, Later);

        removal.Removed.Should().Be(4);
        removal.KeysKept.Should().Be(3, "the sent, skipped and failed keys are kept; a cancelled step may come back in any case");
        (await store.FindReminderAsync(SentKey)).Should().BeNull();
        (await store.FindReminderAsync("task:T1:CB-DC:overdue-1")).Should().BeNull();
        (await store.FindReminderAsync("task:T1:CB-DC:overdue-2")).Should().BeNull();
        (await store.FindReminderAsync("task:T1:CB-DC:overdue-3")).Should().BeNull();
        (await store.FindReminderAsync("task:T1:CB-DC:overdue-4"))!.State.Should().Be(ReminderState.Sent);
        (await store.GetRemindersAsync(ReminderState.Pending)).Select(r => r.Key).Should().Equal(pendingBefore).And.Contain(PendingKey);
        (await store.DoneKeyCountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task Retention_with_nothing_old_enough_removes_nothing()
    {
        using var store = await StoreWithOneSentStepAsync();
        var before = await store.GetRemindersAsync();

        var removal = await RetainAsync(store, SentAt.AddDays(89));

        removal.Removed.Should().Be(0);
        (await store.GetRemindersAsync()).Should().BeEquivalentTo(before);
        (await store.DoneKeyCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_step_sent_and_then_removed_is_never_planned_again_after_a_re_plan_or_a_restart()
    {
        using (var store = await StoreWithOneSentStepAsync())
        {
            (await RetainAsync(store, Later)).Removed.Should().Be(1);

            // The deadline moved past the run: every step of the task is in the future again, the one
            // already sent too. Without its kept key it would be added as new and go out a second time.
            var moved = WardData.LandTask with { Due = new DateOnly(2026, 7, 1) };
            var changes = await store.ApplyPlanAsync(Plan(moved, Later), Open(moved), Later);

            changes.Moved.Should().BeGreaterThan(0);
            (await store.FindReminderAsync(SentKey)).Should().BeNull();
            (await store.FindReminderAsync(PendingKey))!.State.Should().Be(ReminderState.Pending);
        }

        using (var reopened = _db.Open())
        {
            var moved = WardData.LandTask with { Due = new DateOnly(2026, 7, 1) };
            await reopened.ApplyPlanAsync(Plan(moved, Later.AddDays(1)), Open(moved), Later.AddDays(1));

            (await reopened.FindReminderAsync(SentKey)).Should().BeNull();
            (await reopened.GetRemindersAsync()).Select(r => r.Key).Should().NotContain(SentKey);
            (await reopened.DoneKeyCountAsync()).Should().Be(1);
        }
    }

    [Fact]
    public async Task A_cancelled_step_removed_by_the_retention_comes_back_when_planned_again_as_before()
    {
        using var store = await StoreWithOneSentStepAsync();
        await store.CompleteAsync([PendingKey], ReminderState.Cancelled, SentAt, "hủy");
        await RetainAsync(store, Later);

        var moved = WardData.LandTask with { Due = new DateOnly(2026, 7, 1) };
        await store.ApplyPlanAsync(Plan(moved, Later), Open(moved), Later);

        (await store.FindReminderAsync(PendingKey))!.State.Should().Be(ReminderState.Pending);
    }

    [Fact]
    public async Task Retention_touches_nothing_but_the_finished_reminders()
    {
        IReadOnlyDictionary<string, int> before;
        IReadOnlyList<WorkTask> tasks;
        using (var store = await StoreWithOneSentStepAsync())
        {
            tasks = await store.GetTasksAsync();
        }

        before = DatabaseFileCheck.Inspect(_db.Path, deep: true, forWriting: false).Counts;
        using (var store = _db.Open())
        {
            await RetainAsync(store, Later);
            (await store.GetTasksAsync()).Should().BeEquivalentTo(tasks);
        }

        var after = DatabaseFileCheck.Inspect(_db.Path, deep: true, forWriting: false).Counts;
        after.Where(c => c.Key is not "reminders" and not LiteDbBotStore.DoneReminderKeysCollection)
            .Should().BeEquivalentTo(before.Where(c => c.Key != "reminders"));
        after["reminders"].Should().Be(before["reminders"] - 1);
        after[LiteDbBotStore.DoneReminderKeysCollection].Should().Be(1);
    }

    [Fact]
    public async Task Rebuild_after_removing_many_old_reminders_shrinks_the_file_and_the_store_reads_the_same_tasks()
    {
        const int count = 1000;
        IReadOnlyList<WorkTask> tasks;
        StoreRebuild? rebuild;
        long fileBefore;
        using (var store = _db.Open())
        {
            await WardData.SeedIntoAsync(store);
            tasks = await store.GetTasksAsync();
            var text = new string('x', 1000);
            var plan = Enumerable.Range(0, count)
                .Select(i => new PlannedReminder($"task:T1:CB-DC:step-{i}", ReminderKind.Task, "CB-DC", "T1", null, $"step-{i}", SentAt, text))
                .ToList();
            await store.ApplyPlanAsync(plan, new HashSet<string> { "T1" }, Now);
            await store.CompleteAsync([.. plan.Select(p => p.Key)], ReminderState.Sent, SentAt, null, 1, "fake");
            fileBefore = await store.FileSizeAsync();

            var removal = await RetainAsync(store, Later);
            removal.Removed.Should().Be(count);
            removal.Removed.Should().BeGreaterThan((int)(removal.DocumentsBefore * ReminderRetention.RebuildShare));
            (await store.FileSizeAsync()).Should().BeGreaterThanOrEqualTo(fileBefore, "deleting leaves the pages in the file");

            rebuild = await store.RebuildAsync();
            (await store.GetTasksAsync()).Should().BeEquivalentTo(tasks);
        }

        rebuild.Should().NotBeNull("every collection is under LiteDB's rebuild limit");
        rebuild!.CountsMatch.Should().BeTrue();
        rebuild.SizeBefore.Should().BeGreaterThanOrEqualTo(fileBefore);
        rebuild.SizeAfter.Should().BeLessThan(fileBefore / 2);
        new FileInfo(_db.Path).Length.Should().Be(rebuild.SizeAfter);
        Directory.GetFiles(_db.Folder).Select(Path.GetFileName).Should().NotContain(f => f!.Contains("-backup") || f.Contains("-temp"));

        // The guarded open (deep check, lock file) accepts the rebuilt file, and it reads the same.
        using var reopened = _db.Open();
        (await reopened.GetTasksAsync()).Should().BeEquivalentTo(tasks);
        (await reopened.GetMembersAsync()).Should().HaveCount(Members.Length);
        (await reopened.DoneKeyCountAsync()).Should().Be(count);
        (await reopened.FindReminderAsync("task:T1:CB-DC:step-0")).Should().BeNull();
    }

    [Theory]
    [InlineData(2_550, true)]
    [InlineData(2_551, false)]
    public void The_file_is_rebuilt_only_while_no_collection_is_over_what_LiteDB_can_rebuild(int reminders, bool rebuilt)
    {
        // LiteDB 5.0.19-5.0.21 throws "Detected loop in FindAll" and closes the engine beyond 2,550
        // documents in an indexed collection (litedb-org/LiteDB issue 2827); the bench's year hit it.
        LiteDbBotStore.CanRebuild(new Dictionary<string, int> { ["tasks"] = 23, ["reminders"] = reminders }).Should().Be(rebuilt);
    }

    [Fact]
    public async Task The_retention_runs_every_day_at_0245_ward_time_after_the_backup()
    {
        // 19:00 on 01/03/2026 in the ward; 02:45 on 02/03 is 19:45 UTC on 01/03.
        var evening = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var next = new DateTimeOffset(2026, 3, 1, 19, 45, 0, TimeSpan.Zero);
        await using var bot = await BotHost.StartAsync(_db, evening);
        var retention = bot.Host.Services.GetRequiredService<ReminderRetention>();
        (await retention.NextRunAsync(CancellationToken.None)).Should().Be(next);

        await bot.AdvanceToAsync(next.AddSeconds(-1), () => true);
        retention.Runs.Should().BeEmpty();
        await bot.AdvanceToAsync(next, () => retention.Runs.Count == 1);

        retention.Runs[0].At.Should().BeOnOrAfter(next);
        (await retention.NextRunAsync(CancellationToken.None)).Should().Be(next.AddDays(1));
    }

    [Fact]
    public async Task RunAsync_a_year_on_removes_the_sent_reminders_rebuilds_the_file_and_says_so_in_vietnamese()
    {
        var logs = new LogCapture();
        await using var bot = await BotHost.StartAsync(_db, BotHost.March1, logs: logs);
        var pending = (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Select(r => r.Key).ToList();
        pending.Should().NotBeEmpty();
        await bot.Reminders.CompleteAsync(pending, ReminderState.Sent, BotHost.March1, null, 1, "fake");

        var run = await bot.Host.Services.GetRequiredService<IReminderRetention>().RunAsync(BotHost.March1.AddYears(1));

        run.Removal.Removed.Should().Be(pending.Count);
        run.Rebuild.Should().NotBeNull();
        run.Rebuild!.CountsMatch.Should().BeTrue();
        (await bot.Reminders.GetRemindersAsync(ReminderState.Sent)).Should().BeEmpty();
        (await bot.Store.GetTasksAsync()).Should().HaveCount(3);
        logs.Lines.Should().Contain(l => l.Contains($"Đã dọn {pending.Count} nhắc việc đã xong"));
        logs.Lines.Should().Contain(l => l.Contains("Đã dựng lại tệp cơ sở dữ liệu sau khi dọn:") && l.Contains(" → "));
    }

    [Theory]
    [InlineData(0, "02:45", "Reminders:KeepDays")]
    [InlineData(3651, "02:45", "Reminders:KeepDays")]
    [InlineData(90, "2h45", "Reminders:RetentionTime")]
    public void A_wrong_retention_setting_is_refused_naming_its_key(int keepDays, string time, string key)
    {
        var result = new ReminderRetentionOptionsValidator().Validate(null, new ReminderRetentionOptions { KeepDays = keepDays, RetentionTime = time });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().StartWith(key);
    }

    [Fact]
    public void The_check_verb_names_the_kept_keys_in_vietnamese() =>
        DoSon.Bot.Backups.BackupTexts.CheckCount(LiteDbBotStore.DoneReminderKeysCollection, 3)
            .Should().Be("  khóa nhắc việc đã gửi (lưu gọn): 3");
}
