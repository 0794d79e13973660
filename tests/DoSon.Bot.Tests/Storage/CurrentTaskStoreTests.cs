using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

/// <summary>What short answers remember per member (the current tasks and the last change), on either store.</summary>
public abstract class CurrentTaskStoreContract : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly ITestWard _database;
    private IWardStore? _opened;

    protected CurrentTaskStoreContract() => _database = NewWard();

    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private IWardStore _store => _opened ??= _database.Open();

    public void Dispose()
    {
        _opened?.Dispose();
        _database.Dispose();
    }

    [SkippableFact]
    public async Task The_current_tasks_and_the_last_change_are_kept_per_member_apart_and_survive_a_reopen()
    {
        await _store.SetCurrentTasksAsync(new CurrentTasks("CB-DC", ["T1", "T2"], Now));
        await _store.SetLastChangeAsync("CB-DC", new ShortAnswerChange("CB-DC", "T2", 40, WorkTaskStatus.InProgress, "báo hoàn thành", Now.AddMinutes(1)));
        await _store.SetCurrentTasksAsync(new CurrentTasks("TCA", ["T3"], Now.AddMinutes(2)));
        _store.Dispose();
        _opened = null;

        var current = await _store.GetCurrentTasksAsync("CB-DC");
        current!.TaskCodes.Should().Equal("T1", "T2");
        current.At.Should().Be(Now);
        var change = await _store.GetLastChangeAsync("CB-DC");
        change.Should().Be(new ShortAnswerChange("CB-DC", "T2", 40, WorkTaskStatus.InProgress, "báo hoàn thành", Now.AddMinutes(1)));
        (await _store.GetCurrentTasksAsync("TCA"))!.TaskCodes.Should().Equal("T3");
        (await _store.GetLastChangeAsync("TCA")).Should().BeNull("TCA changed nothing");
        (await _store.GetCurrentTasksAsync("CVP")).Should().BeNull();
    }

    [SkippableFact]
    public async Task A_new_context_keeps_the_last_change_and_forgetting_the_change_keeps_the_context()
    {
        await _store.SetLastChangeAsync("CB-DC", new ShortAnswerChange("CB-DC", "T1", 0, WorkTaskStatus.NotStarted, "cập nhật 75%", Now));
        await _store.SetCurrentTasksAsync(new CurrentTasks("CB-DC", ["T1"], Now.AddMinutes(1)));

        (await _store.GetLastChangeAsync("CB-DC"))!.TaskCode.Should().Be("T1");
        await _store.SetLastChangeAsync("CB-DC", null);

        (await _store.GetLastChangeAsync("CB-DC")).Should().BeNull();
        (await _store.GetCurrentTasksAsync("CB-DC"))!.TaskCodes.Should().Equal("T1");
        await _store.SetCurrentTasksAsync(new CurrentTasks("CB-DC", [], Now.AddMinutes(2)));
        (await _store.GetCurrentTasksAsync("CB-DC")).Should().BeNull("an empty list forgets the context");
    }
}

public sealed class CurrentTaskStoreOnLiteDb : CurrentTaskStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

[Collection(PostgresCollection.Name)]
public sealed class CurrentTaskStoreOnPostgreSql(PostgresServer server) : CurrentTaskStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
