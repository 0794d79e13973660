using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public sealed class LiteDbBotStoreTelegramTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();
    private LiteDbBotStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = _database.Open();
        await WardData.SeedIntoAsync(_store);
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
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
