using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public sealed class LiteDbBotStoreGroupDigestsTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
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

    [Fact]
    public async Task RecordGroupSent_ShouldDropRecordsOlderThanTwoMonths()
    {
        using var store = _database.Open();
        await store.RecordGroupSentAsync("Daily", Monday, -1001, Now);

        await store.RecordGroupSentAsync("Daily", Monday.AddDays(61), -1001, Now.AddDays(61));

        (await store.GroupsSentAsync("Daily", Monday)).Should().BeEmpty();
        (await store.GroupsSentAsync("Daily", Monday.AddDays(61))).Should().ContainSingle();
    }
}
