using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public abstract class GroupDigestsStoreContract : IDisposable
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private protected readonly ITestWard _database;

    protected GroupDigestsStoreContract() => _database = NewWard();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task GroupsSent_ShouldListTheGroupsRecordedForThatKindAndDateOnly_AndSurviveReopening()
    {
        using (var store = _database.Open())
        {
            await store.RecordGroupSentAsync("Daily", Monday, -1001, Now);
            await store.RecordGroupSentAsync("Daily", Monday, -1002, Now);
            await store.RecordGroupSentAsync("Daily", Monday, -1002, Now.AddMinutes(1));
            await store.RecordGroupSentAsync("Weekly", Monday, -1003, Now);
            await store.RecordGroupSentAsync("Daily", Monday.AddDays(1), -1004, Now.AddDays(1));
        }

        using var reopened = _database.Open();
        (await reopened.GroupsSentAsync("Daily", Monday)).Should().BeEquivalentTo([-1001L, -1002L]);
        (await reopened.GroupsSentAsync("Weekly", Monday)).Should().BeEquivalentTo([-1003L]);
        (await reopened.GroupsSentAsync("Weekly", Monday.AddDays(7))).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task RecordGroupSent_ShouldDropRecordsOlderThanTwoMonths()
    {
        using var store = _database.Open();
        await store.RecordGroupSentAsync("Daily", Monday, -1001, Now);

        await store.RecordGroupSentAsync("Daily", Monday.AddDays(61), -1001, Now.AddDays(61));

        (await store.GroupsSentAsync("Daily", Monday)).Should().BeEmpty();
        (await store.GroupsSentAsync("Daily", Monday.AddDays(61))).Should().ContainSingle();
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class GroupDigestsOnLiteDb : GroupDigestsStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupDigestsOnPostgreSql(PostgresServer server) : GroupDigestsStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
