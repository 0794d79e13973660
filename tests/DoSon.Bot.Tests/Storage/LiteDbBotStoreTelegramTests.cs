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
    public void RedeemInvite_WhenValid_ShouldLinkTheUserOnceAndUnlinkTheUsersOldMember()
    {
        _store.CreateInvite("H1", "CB-DC", Now, Now.AddDays(7));

        var first = _store.RedeemInvite("H1", 1004, Now.AddHours(1));
        var second = _store.RedeemInvite("H1", 2000, Now.AddHours(2));

        first.Result.Should().Be(InviteRedemption.Linked);
        first.Member!.Code.Should().Be("CB-DC");
        _store.FindMemberByTelegram(1004)!.Code.Should().Be("CB-DC");
        _store.FindMember("TCA")!.TelegramUserId.Should().BeNull("one Telegram user is linked to one member at most");
        second.Result.Should().Be(InviteRedemption.AlreadyUsed);
        _store.FindMemberByTelegram(2000).Should().BeNull();
    }

    [Fact]
    public void RedeemInvite_WhenExpiredOrUnknown_ShouldLinkNobody()
    {
        _store.CreateInvite("H2", "CT-UBND", Now, Now.AddDays(7));

        _store.RedeemInvite("H2", 2001, Now.AddDays(7)).Result.Should().Be(InviteRedemption.Expired);
        _store.RedeemInvite("NOPE", 2001, Now).Result.Should().Be(InviteRedemption.Unknown);
        _store.FindMemberByTelegram(2001).Should().BeNull();
    }

    [Fact]
    public void CreateInvite_ShouldRetireTheMembersOlderUnusedCodes()
    {
        _store.CreateInvite("OLD", "CB-DC", Now, Now.AddDays(7));
        _store.CreateInvite("NEW", "CB-DC", Now, Now.AddDays(7));

        _store.RedeemInvite("OLD", 2002, Now).Result.Should().Be(InviteRedemption.Unknown);
        _store.RedeemInvite("NEW", 2002, Now).Result.Should().Be(InviteRedemption.Linked);
    }

    [Fact]
    public void Messages_groups_and_the_poll_state_survive_a_reopen()
    {
        _store.RecordMessage(new TelegramMessageRecord(1003, 42, ["T1", "T2"], TelegramMessagePurpose.Tasks), Now);
        _store.RecordMessage(new TelegramMessageRecord(1003, 43, ["T2"], TelegramMessagePurpose.BlockerPrompt), Now);
        _store.RegisterGroup(new TelegramGroup(-100, "Ban Thường vụ", "CVP", Now));
        _store.SavePollState(new TelegramPollState(700_000_123, Now));
        _store.Dispose();

        using var reopened = _database.Open();
        reopened.FindMessage(1003, 42)!.TaskCodes.Should().Equal("T1", "T2");
        reopened.FindMessage(1003, 43)!.Purpose.Should().Be(TelegramMessagePurpose.BlockerPrompt);
        reopened.FindMessage(1003, 44).Should().BeNull();
        reopened.GetGroups().Should().ContainSingle(g => g.ChatId == -100 && g.Title == "Ban Thường vụ");
        reopened.GetPollState().Should().Be(new TelegramPollState(700_000_123, Now));
        reopened.UnregisterGroup(-100).Should().BeTrue();
        reopened.UnregisterGroup(-100).Should().BeFalse();
    }
}
