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
    public void GroupsSent_ShouldListTheGroupsRecordedForThatKindAndDateOnly_AndSurviveReopening()
    {
        using (var store = _database.Open())
        {
            store.RecordGroupSent("Daily", Monday, -1001, Now);
            store.RecordGroupSent("Daily", Monday, -1002, Now);
            store.RecordGroupSent("Daily", Monday, -1002, Now.AddMinutes(1));
            store.RecordGroupSent("Weekly", Monday, -1003, Now);
            store.RecordGroupSent("Daily", Monday.AddDays(1), -1004, Now.AddDays(1));
        }

        using var reopened = _database.Open();
        reopened.GroupsSent("Daily", Monday).Should().BeEquivalentTo([-1001L, -1002L]);
        reopened.GroupsSent("Weekly", Monday).Should().BeEquivalentTo([-1003L]);
        reopened.GroupsSent("Weekly", Monday.AddDays(7)).Should().BeEmpty();
    }

    [Fact]
    public void RecordGroupSent_ShouldDropRecordsOlderThanTwoMonths()
    {
        using var store = _database.Open();
        store.RecordGroupSent("Daily", Monday, -1001, Now);

        store.RecordGroupSent("Daily", Monday.AddDays(61), -1001, Now.AddDays(61));

        store.GroupsSent("Daily", Monday).Should().BeEmpty();
        store.GroupsSent("Daily", Monday.AddDays(61)).Should().ContainSingle();
    }
}
