using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using LiteDB;

namespace DoSon.Bot.Tests.Storage;

public class LiteDbBotStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Everything_written_is_read_back_after_reopening_the_file()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        {
            WardData.SeedInto(store);
            store.RecordProgress(new ProgressReport("T1", "CB-DC", At, ProgressKind.Progress, 30, WorkTaskStatus.InProgress, "ghi chú", "test"));
        }

        using var reopened = db.Open();
        reopened.GetTasks().Should().HaveCount(3);
        reopened.FindTask("T1").Should().BeEquivalentTo(WardData.LandTask with { Percent = 30, Status = WorkTaskStatus.InProgress });
        reopened.FindMember("CVP").Should().BeEquivalentTo(WardData.Admin);
        reopened.GetMilestones().Should().ContainSingle().Which.Should().Be(WardData.Election);
        reopened.GetHistory("T1").Select(h => h.Kind).Should().Equal(ProgressKind.Imported, ProgressKind.Progress);
        reopened.GetHistory("T1")[^1].At.Should().Be(At);
    }

    [Fact]
    public void The_schema_version_is_stored_in_the_file()
    {
        using var db = new TempDatabase();
        db.Open().Dispose();

        using var raw = new LiteDatabase(db.Path);
        raw.UserVersion.Should().Be(DoSon.Bot.Storage.LiteDbBotStore.SchemaVersion);
    }

    [Fact]
    public void A_file_from_a_newer_version_is_refused_with_a_clear_message()
    {
        using var db = new TempDatabase();
        using (var raw = new LiteDatabase(db.Path))
        {
            raw.UserVersion = 99;
        }

        var act = () => db.Open();

        act.Should().Throw<DoSon.Bot.Hosting.ExpectedFailureException>().WithMessage("*phiên bản lược đồ 99*")
            .Which.ExitCode.Should().Be(DoSon.Bot.Hosting.ExitCodes.DatabaseDamaged);
    }

    [Fact]
    public void An_import_that_fails_half_way_leaves_nothing_behind()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        WardData.SeedInto(store);
        var before = store.GetTasks();
        // A task whose document cannot be written (a null code) after a valid one: the first must be rolled back.
        var plan = WardData.Plan(tasks: [WardData.Task("T9", "UBND", new DateOnly(2026, 3, 30)), WardData.Task(null!, "UBND", new DateOnly(2026, 3, 30))]);

        var act = () => store.ApplyImport(plan, "test", At);

        act.Should().Throw<Exception>();
        store.GetTasks().Should().BeEquivalentTo(before);
        store.FindTask("T9").Should().BeNull();
        store.GetHistory("T9").Should().BeEmpty();
    }

    [Fact]
    public async Task Concurrent_writers_lose_no_history()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        WardData.SeedInto(store);

        await Parallel.ForAsync(0, 200, async (i, ct) =>
        {
            await Task.Yield();
            store.RecordProgress(new ProgressReport(i % 2 == 0 ? "T1" : "T2", "CVP", At, ProgressKind.Note, null, WorkTaskStatus.NotStarted, $"ghi chú {i}", "test"));
            store.GetTasks().Should().HaveCount(3);
        });

        store.GetHistory("T1").Should().HaveCount(101);
        store.GetHistory("T2").Should().HaveCount(101);
    }

    [Fact]
    public void Linking_a_telegram_user_to_a_second_member_unlinks_the_first()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        WardData.SeedInto(store);

        store.SetTelegramUser("CB-DC", 1001);

        store.FindMemberByTelegram(1001)!.Code.Should().Be("CB-DC");
        store.FindMember("CVP")!.TelegramUserId.Should().BeNull();
    }

    [Fact]
    public void TasksChanged_is_raised_after_a_committed_change()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        WardData.SeedInto(store);
        var seen = new List<string>();
        store.TasksChanged += codes => seen.AddRange(codes);

        store.RecordProgress(new ProgressReport("T3", "TCA", At, ProgressKind.Done, 100, WorkTaskStatus.Done, null, "test"));

        seen.Should().Equal("T3");
    }

    [Fact]
    public void Import_plans_with_only_unchanged_items_write_no_history()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        WardData.SeedInto(store);
        var unchanged = WardData.Plan() with
        {
            Tasks = [.. store.GetTasks().Select(t => new Change<WorkTask>(ChangeKind.Unchanged, t, []))],
        };

        store.ApplyImport(unchanged, "test", At);

        store.GetHistory("T1").Should().HaveCount(1);
    }

    [Fact]
    public void A_second_opening_of_the_same_file_is_refused_while_the_first_is_open()
    {
        using var db = new TempDatabase();
        using var first = db.Open();

        var act = () => db.Open();

        act.Should().Throw<DoSon.Bot.Hosting.ExpectedFailureException>().WithMessage("*đang được chương trình DoSon.Bot khác*sử dụng*");
    }
}
