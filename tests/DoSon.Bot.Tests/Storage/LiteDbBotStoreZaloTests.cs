using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public sealed class LiteDbBotStoreZaloTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
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
