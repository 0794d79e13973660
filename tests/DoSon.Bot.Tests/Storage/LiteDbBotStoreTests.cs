using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using LiteDB;

namespace DoSon.Bot.Tests.Storage;

public abstract class BotStoreStoreContract
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private protected static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Everything_written_is_read_back_after_reopening_the_file()
    {
        using var db = NewWard();
        using (var store = db.Open())
        {
            await WardData.SeedIntoAsync(store);
            await store.RecordProgressAsync(new ProgressReport("T1", "CB-DC", At, ProgressKind.Progress, 30, WorkTaskStatus.InProgress, "ghi chú", "test"));
        }

        using var reopened = db.Open();
        (await reopened.GetTasksAsync()).Should().HaveCount(3);
        (await reopened.FindTaskAsync("T1")).Should().BeEquivalentTo(WardData.LandTask with { Percent = 30, Status = WorkTaskStatus.InProgress });
        (await reopened.FindMemberAsync("CVP")).Should().BeEquivalentTo(WardData.Admin);
        (await reopened.GetMilestonesAsync()).Should().ContainSingle().Which.Should().Be(WardData.Election);
        (await reopened.GetHistoryAsync("T1")).Select(h => h.Kind).Should().Equal(ProgressKind.Imported, ProgressKind.Progress);
        (await reopened.GetHistoryAsync("T1"))[^1].At.Should().Be(At);
    }

    [SkippableFact]
    public async Task An_import_that_fails_half_way_leaves_nothing_behind()
    {
        using var db = NewWard();
        using var store = db.Open();
        await WardData.SeedIntoAsync(store);
        var before = await store.GetTasksAsync();
        // A task whose document cannot be written (a null code) after a valid one: the first must be rolled back.
        var plan = WardData.Plan(tasks: [WardData.Task("T9", "UBND", new DateOnly(2026, 3, 30)), WardData.Task(null!, "UBND", new DateOnly(2026, 3, 30))]);

        var act = () => store.ApplyImportAsync(plan, "test", At);

        await act.Should().ThrowAsync<Exception>();
        (await store.GetTasksAsync()).Should().BeEquivalentTo(before);
        (await store.FindTaskAsync("T9")).Should().BeNull();
        (await store.GetHistoryAsync("T9")).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Concurrent_writers_lose_no_history()
    {
        using var db = NewWard();
        using var store = db.Open();
        await WardData.SeedIntoAsync(store);

        await Parallel.ForAsync(0, 200, async (i, ct) =>
        {
            await Task.Yield();
            await store.RecordProgressAsync(new ProgressReport(i % 2 == 0 ? "T1" : "T2", "CVP", At, ProgressKind.Note, null, WorkTaskStatus.NotStarted, $"ghi chú {i}", "test"), cancellationToken: ct);
            (await store.GetTasksAsync(cancellationToken: ct)).Should().HaveCount(3);
        });

        (await store.GetHistoryAsync("T1")).Should().HaveCount(101);
        (await store.GetHistoryAsync("T2")).Should().HaveCount(101);
    }

    [SkippableFact]
    public async Task Linking_a_telegram_user_to_a_second_member_unlinks_the_first()
    {
        using var db = NewWard();
        using var store = db.Open();
        await WardData.SeedIntoAsync(store);

        await store.SetTelegramUserAsync("CB-DC", 1001);

        (await store.FindMemberByTelegramAsync(1001))!.Code.Should().Be("CB-DC");
        (await store.FindMemberAsync("CVP"))!.TelegramUserId.Should().BeNull();
    }

    [SkippableFact]
    public async Task TasksChanged_is_raised_after_a_committed_change()
    {
        using var db = NewWard();
        using var store = db.Open();
        await WardData.SeedIntoAsync(store);
        var seen = new List<string>();
        store.TasksChanged += codes => seen.AddRange(codes);

        await store.RecordProgressAsync(new ProgressReport("T3", "TCA", At, ProgressKind.Done, 100, WorkTaskStatus.Done, null, "test"));

        seen.Should().Equal("T3");
    }

    [SkippableFact]
    public async Task Import_plans_with_only_unchanged_items_write_no_history()
    {
        using var db = NewWard();
        using var store = db.Open();
        await WardData.SeedIntoAsync(store);
        var unchanged = WardData.Plan() with
        {
            Tasks = [.. (await store.GetTasksAsync()).Select(t => new Change<WorkTask>(ChangeKind.Unchanged, t, []))],
        };

        await store.ApplyImportAsync(unchanged, "test", At);

        (await store.GetHistoryAsync("T1")).Should().HaveCount(1);
    }
}

/// <summary>The contract on a LiteDB file, and what only a file has.</summary>
public sealed class BotStoreOnLiteDb : BotStoreStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();

    [Fact]
    public void The_schema_version_is_stored_in_the_file()
    {
        using var db = NewWard();
        db.Open().Dispose();

        using var raw = new LiteDatabase(((TempDatabase)db).Path);
        raw.UserVersion.Should().Be(DoSon.Bot.Storage.LiteDbBotStore.SchemaVersion);
    }

    [Fact]
    public void A_file_from_a_newer_version_is_refused_with_a_clear_message()
    {
        using var db = NewWard();
        using (var raw = new LiteDatabase(((TempDatabase)db).Path))
        {
            raw.UserVersion = 99;
        }

        var act = () => db.Open();

        act.Should().Throw<DoSon.Bot.Hosting.ExpectedFailureException>().WithMessage("*phiên bản lược đồ 99*")
            .Which.ExitCode.Should().Be(DoSon.Bot.Hosting.ExitCodes.DatabaseDamaged);
    }

    [Fact]
    public void A_second_opening_of_the_same_file_is_refused_while_the_first_is_open()
    {
        using var db = NewWard();
        using var first = db.Open();

        var act = () => db.Open();

        act.Should().Throw<DoSon.Bot.Hosting.ExpectedFailureException>().WithMessage("*đang được chương trình DoSon.Bot khác*sử dụng*");
    }
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BotStoreOnPostgreSql(PostgresServer server) : BotStoreStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
