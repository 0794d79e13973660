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
