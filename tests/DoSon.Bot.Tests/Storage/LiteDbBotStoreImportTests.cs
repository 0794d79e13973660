using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public abstract class ImportStoreContract : IDisposable
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private static readonly DateTimeOffset At = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private protected readonly ITestWard _db;

    protected ImportStoreContract() => _db = NewWard();

    public void Dispose() => _db.Dispose();

    [SkippableFact]
    public async Task ApplyImport_keeps_progress_and_links_recorded_after_the_plan_was_made()
    {
        using var store = _db.Open();
        await WardData.SeedIntoAsync(store);
        var snapshot = await StoreSnapshot.OfAsync(store);
        var stale = new ImportPlan(
            null,
            [],
            [new Change<Member>(ChangeKind.Updated, snapshot.Members.Single(m => m.Code == "CB-DC") with { Title = "Công chức Địa chính - Xây dựng", TelegramUserId = null }, [ImportTexts.FieldTitle])],
            [],
            [new Change<WorkTask>(ChangeKind.Updated, snapshot.Tasks.Single(t => t.Code == "T1") with { Title = "Tiêu đề mới" }, [ImportTexts.FieldTaskTitle])]);

        // Between planning and applying, the member reports progress and links a Telegram account.
        await store.RecordProgressAsync(new ProgressReport("T1", "CB-DC", At, ProgressKind.Progress, 60, WorkTaskStatus.InProgress, null, "test"));
        await store.SetTelegramUserAsync("CB-DC", 4242);
        await store.ApplyImportAsync(stale, "CVP", At.AddMinutes(1));

        var task = (await store.FindTaskAsync("T1"))!;
        task.Title.Should().Be("Tiêu đề mới");
        task.Percent.Should().Be(60);
        task.Status.Should().Be(WorkTaskStatus.InProgress);
        (await store.GetHistoryAsync("T1"))[^1].Status.Should().Be(WorkTaskStatus.InProgress);
        var member = (await store.FindMemberAsync("CB-DC"))!;
        member.Title.Should().Be("Công chức Địa chính - Xây dựng");
        member.TelegramUserId.Should().Be(4242);
    }

    /// <summary>More rows than one of the PostgreSQL store's write batches (500 commands), some of
    /// them already stored: every task and member is written, the stored progress kept, and each
    /// task gets exactly one history entry for this import.</summary>
    [SkippableFact]
    public async Task ApplyImport_of_many_rows_writes_each_once_and_keeps_stored_progress()
    {
        using var store = _db.Open();
        await WardData.SeedIntoAsync(store);
        var snapshot = await StoreSnapshot.OfAsync(store);
        var unit = snapshot.Units[0].Code;
        var member = snapshot.Members.First(m => m.Role == MemberRole.Member);
        await store.RecordProgressAsync(new ProgressReport("T1", member.Code, At, ProgressKind.Progress, 60, WorkTaskStatus.InProgress, null, "test"));
        var members = Enumerable.Range(1, 300).Select(i => new Member($"MM{i:000}", $"Cán bộ {i}", "Công chức", [unit], MemberRole.Member)).ToList();
        var tasks = Enumerable.Range(1, 700).Select(i => new WorkTask($"N{i:000}", $"Nhiệm vụ {i}", null, null, null, unit, [], [members[i % 300].Code],
            new DateOnly(2026, 4, 1).AddDays(i % 30), null, null, WorkTaskStatus.NotStarted, 0)).ToList();
        var t1 = snapshot.Tasks.Single(t => t.Code == "T1") with { Title = "Tiêu đề mới" };
        var plan = new ImportPlan(null, [],
            [.. members.Select(m => new Change<Member>(ChangeKind.Created, m, []))],
            [],
            [new Change<WorkTask>(ChangeKind.Updated, t1, [ImportTexts.FieldTaskTitle]), .. tasks.Select(t => new Change<WorkTask>(ChangeKind.Created, t, []))]);

        await store.ApplyImportAsync(plan, "CVP", At.AddMinutes(1));

        (await store.GetMembersAsync()).Should().HaveCount(snapshot.Members.Count + 300);
        var all = await store.GetTasksAsync();
        all.Should().HaveCount(snapshot.Tasks.Count(t => t.Status != WorkTaskStatus.Withdrawn) + 700);
        (await store.FindTaskAsync("N700"))!.Assignees.Should().Equal(members[700 % 300].Code);
        (await store.GetTasksForAsync("MM001")).Select(t => t.Code).Should().Equal("N300", "N600");
        var updated = (await store.FindTaskAsync("T1"))!;
        updated.Title.Should().Be("Tiêu đề mới");
        updated.Percent.Should().Be(60);
        (await store.GetHistoryAsync("N350")).Should().ContainSingle().Which.Kind.Should().Be(ProgressKind.Imported);
        (await store.GetHistoryAsync("T1"))[^1].Kind.Should().Be(ProgressKind.Imported);
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class ImportOnLiteDb : ImportStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImportOnPostgreSql(PostgresServer server) : ImportStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
