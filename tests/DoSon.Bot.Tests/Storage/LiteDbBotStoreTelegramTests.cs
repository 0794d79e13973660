using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public abstract class TelegramStoreContract : IAsyncLifetime
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private protected readonly ITestWard _database;

    protected TelegramStoreContract() => _database = NewWard();
    private IWardStore? _opened;

    /// <summary>Opened on first use, inside the test, so that a missing provider skips it.</summary>
    private protected IWardStore _store
    {
        get => _opened ??= _database.Open();
        set => _opened = value;
    }

    public async Task InitializeAsync()
    {
        if (_database.Available)
        {
            await WardData.SeedIntoAsync(_store);
        }
    }

    public Task DisposeAsync()
    {
        _opened?.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task Messages_groups_and_the_poll_state_survive_a_reopen()
    {
        await _store.RecordMessageAsync(new TelegramMessageRecord(1003, 42, ["T1", "T2"], TelegramMessagePurpose.Tasks), Now);
        await _store.RecordMessageAsync(new TelegramMessageRecord(1003, 43, ["T2"], TelegramMessagePurpose.BlockerPrompt), Now);
        await _store.RegisterGroupAsync(new TelegramGroup(-100, "Ban Thường vụ", "CVP", Now));
        await _store.SavePollStateAsync(new TelegramPollState(700_000_123, Now) { HandledAbove = [700_000_125, 700_000_128] });
        _store.Dispose();

        using var reopened = _database.Open();
        (await reopened.FindMessageAsync(1003, 42))!.TaskCodes.Should().Equal("T1", "T2");
        (await reopened.FindMessageAsync(1003, 43))!.Purpose.Should().Be(TelegramMessagePurpose.BlockerPrompt);
        (await reopened.FindMessageAsync(1003, 44)).Should().BeNull();
        (await reopened.GetGroupsAsync()).Should().ContainSingle(g => g.ChatId == -100 && g.Title == "Ban Thường vụ");
        (await reopened.GetPollStateAsync()).Should().BeEquivalentTo(new TelegramPollState(700_000_123, Now) { HandledAbove = [700_000_125, 700_000_128] });
        (await reopened.UnregisterGroupAsync(-100)).Should().BeTrue();
        (await reopened.UnregisterGroupAsync(-100)).Should().BeFalse();
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class TelegramOnLiteDb : TelegramStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TelegramOnPostgreSql(PostgresServer server) : TelegramStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
