using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public abstract class ZaloStoreContract : IDisposable
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private protected readonly ITestWard _database;

    protected ZaloStoreContract() => _database = NewWard();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task The_handled_zalo_message_ids_survive_a_reopen_and_are_replaced_by_the_next_list()
    {
        var at = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
        using (var store = _database.Open())
        {
            (await store.GetHandledMessageIdsAsync()).Should().BeEmpty();
            await store.SaveHandledMessageIdsAsync(["2d758cb5e222177a4e35"], at);
            await store.SaveHandledMessageIdsAsync(["2d758cb5e222177a4e35", "2d758cb5e222177a4e36"], at.AddSeconds(5));
        }

        using var reopened = _database.Open();
        (await reopened.GetHandledMessageIdsAsync()).Should().Equal("2d758cb5e222177a4e35", "2d758cb5e222177a4e36");
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class ZaloOnLiteDb : ZaloStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ZaloOnPostgreSql(PostgresServer server) : ZaloStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
