using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public sealed class LiteDbBotStoreCalendarFeedTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();
    private readonly LiteDbBotStore _store;

    public LiteDbBotStoreCalendarFeedTests() => _store = _database.Open();

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    [Fact]
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

    [Fact]
    public async Task CalendarFeeds_ShouldSurviveReopeningTheFile()
    {
        await _store.SetCalendarFeedAsync("TCA", "H1", Now);
        _store.Dispose();

        using var reopened = _database.Open();

        (await reopened.FindCalendarFeedMemberAsync("H1")).Should().Be("TCA");
    }
}
