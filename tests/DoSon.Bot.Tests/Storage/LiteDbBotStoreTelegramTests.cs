using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public sealed class LiteDbBotStoreTelegramTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();
    private readonly LiteDbBotStore _store;

    public LiteDbBotStoreTelegramTests()
    {
        _store = _database.Open();
        WardData.SeedInto(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void Messages_groups_and_the_poll_state_survive_a_reopen()
    {
        _store.RecordMessage(new TelegramMessageRecord(1003, 42, ["T1", "T2"], TelegramMessagePurpose.Tasks), Now);
        _store.RecordMessage(new TelegramMessageRecord(1003, 43, ["T2"], TelegramMessagePurpose.BlockerPrompt), Now);
        _store.RegisterGroup(new TelegramGroup(-100, "Ban Thường vụ", "CVP", Now));
        _store.SavePollState(new TelegramPollState(700_000_123, Now) { HandledAbove = [700_000_125, 700_000_128] });
        _store.Dispose();

        using var reopened = _database.Open();
        reopened.FindMessage(1003, 42)!.TaskCodes.Should().Equal("T1", "T2");
        reopened.FindMessage(1003, 43)!.Purpose.Should().Be(TelegramMessagePurpose.BlockerPrompt);
        reopened.FindMessage(1003, 44).Should().BeNull();
        reopened.GetGroups().Should().ContainSingle(g => g.ChatId == -100 && g.Title == "Ban Thường vụ");
        reopened.GetPollState().Should().BeEquivalentTo(new TelegramPollState(700_000_123, Now) { HandledAbove = [700_000_125, 700_000_128] });
        reopened.UnregisterGroup(-100).Should().BeTrue();
        reopened.UnregisterGroup(-100).Should().BeFalse();
    }
}
