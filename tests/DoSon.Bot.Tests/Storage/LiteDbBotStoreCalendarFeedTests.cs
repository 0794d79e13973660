using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public abstract class CalendarFeedStoreContract : IDisposable
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private protected readonly ITestWard _database;
    private IWardStore? _opened;

    /// <summary>Opened on first use, inside the test, so that a missing provider skips it.</summary>
    private protected IWardStore _store
    {
        get => _opened ??= _database.Open();
        set => _opened = value;
    }

    protected CalendarFeedStoreContract() => _database = NewWard();

    public void Dispose()
    {
        _opened?.Dispose();
        _database.Dispose();
    }

    [SkippableFact]
    public async Task SetCalendarFeed_WhenRenewed_ShouldForgetTheOldHashAndKnowTheNewOne()
    {
        await _store.SetCalendarFeedAsync("TCA", "H1", Now);
        await _store.SetCalendarFeedAsync("CT-UBND", "H2", Now);
        (await _store.FindCalendarFeedMemberAsync("H1")).Should().Be("TCA");

        await _store.SetCalendarFeedAsync("TCA", "H3", Now.AddDays(1));

        (await _store.FindCalendarFeedMemberAsync("H1")).Should().BeNull();
        (await _store.FindCalendarFeedMemberAsync("H3")).Should().Be("TCA");
        (await _store.FindCalendarFeedMemberAsync("H2")).Should().Be("CT-UBND", "another member's address is untouched");
        (await _store.CalendarFeedCreatedAsync("TCA")).Should().Be(Now.AddDays(1));
        (await _store.CalendarFeedCreatedAsync("CVP")).Should().BeNull();
    }

    [SkippableFact]
    public async Task CalendarFeeds_ShouldSurviveReopeningTheFile()
    {
        await _store.SetCalendarFeedAsync("TCA", "H1", Now);
        _store.Dispose();

        using var reopened = _database.Open();

        (await reopened.FindCalendarFeedMemberAsync("H1")).Should().Be("TCA");
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class CalendarFeedOnLiteDb : CalendarFeedStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CalendarFeedOnPostgreSql(PostgresServer server) : CalendarFeedStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
