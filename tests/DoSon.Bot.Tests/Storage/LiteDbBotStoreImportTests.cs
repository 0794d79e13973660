using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public sealed class LiteDbBotStoreImportTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void ApplyImport_keeps_progress_and_links_recorded_after_the_plan_was_made()
    {
        using var store = _db.Open();
        WardData.SeedInto(store);
        var snapshot = StoreSnapshot.Of(store);
        var stale = new ImportPlan(
            null,
            [],
            [new Change<Member>(ChangeKind.Updated, snapshot.Members.Single(m => m.Code == "CB-DC") with { Title = "Công chức Địa chính - Xây dựng", TelegramUserId = null }, [ImportTexts.FieldTitle])],
            [],
            [new Change<WorkTask>(ChangeKind.Updated, snapshot.Tasks.Single(t => t.Code == "T1") with { Title = "Tiêu đề mới" }, [ImportTexts.FieldTaskTitle])]);

        // Between planning and applying, the member reports progress and links a Telegram account.
        store.RecordProgress(new ProgressReport("T1", "CB-DC", At, ProgressKind.Progress, 60, WorkTaskStatus.InProgress, null, "test"));
        store.SetTelegramUser("CB-DC", 4242);
        store.ApplyImport(stale, "CVP", At.AddMinutes(1));

        var task = store.FindTask("T1")!;
        task.Title.Should().Be("Tiêu đề mới");
        task.Percent.Should().Be(60);
        task.Status.Should().Be(WorkTaskStatus.InProgress);
        store.GetHistory("T1")[^1].Status.Should().Be(WorkTaskStatus.InProgress);
        var member = store.FindMember("CB-DC")!;
        member.Title.Should().Be("Công chức Địa chính - Xây dựng");
        member.TelegramUserId.Should().Be(4242);
    }
}
