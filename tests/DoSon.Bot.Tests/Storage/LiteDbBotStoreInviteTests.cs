using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using LiteDB;

namespace DoSon.Bot.Tests.Storage;

public sealed class LiteDbBotStoreInviteTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();
    private LiteDbBotStore _store;

    public LiteDbBotStoreInviteTests()
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

        var first = _store.RedeemInvite("H1", ChatAccount.Telegram(1004), Now.AddHours(1));
        var second = _store.RedeemInvite("H1", ChatAccount.Telegram(2000), Now.AddHours(2));

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

        _store.RedeemInvite("H2", ChatAccount.Telegram(2001), Now.AddDays(7)).Result.Should().Be(InviteRedemption.Expired);
        _store.RedeemInvite("NOPE", ChatAccount.Telegram(2001), Now).Result.Should().Be(InviteRedemption.Unknown);
        _store.FindMemberByTelegram(2001).Should().BeNull();
    }

    [Fact]
    public void CreateInvite_ShouldRetireTheMembersOlderUnusedCodes()
    {
        _store.CreateInvite("OLD", "CB-DC", Now, Now.AddDays(7));
        _store.CreateInvite("NEW", "CB-DC", Now, Now.AddDays(7));

        _store.RedeemInvite("OLD", ChatAccount.Telegram(2002), Now).Result.Should().Be(InviteRedemption.Unknown);
        _store.RedeemInvite("NEW", ChatAccount.Telegram(2002), Now).Result.Should().Be(InviteRedemption.Linked);
    }

    [Fact]
    public void RedeemInvite_ForAZaloAccount_ShouldLinkZaloAndKeepTheMembersTelegram()
    {
        _store.SetZaloUser("TCA", "zalo-a1");
        _store.CreateInvite("Z1", "CB-DC", Now, Now.AddDays(7));

        var outcome = _store.RedeemInvite("Z1", ChatAccount.Zalo("zalo-a1"), Now);

        outcome.Result.Should().Be(InviteRedemption.Linked);
        outcome.Member!.ZaloUserId.Should().Be("zalo-a1");
        outcome.Member.TelegramUserId.Should().Be(WardData.UbndOfficer.TelegramUserId);
        _store.FindMemberByZalo("zalo-a1")!.Code.Should().Be("CB-DC");
        _store.FindMember("TCA")!.ZaloUserId.Should().BeNull("one Zalo user is linked to one member at most");
        _store.RedeemInvite("Z1", ChatAccount.Telegram(2003), Now).Result.Should().Be(InviteRedemption.AlreadyUsed, "a code works once, on either platform");
    }

    [Fact]
    public void RedeemInvite_WhenTheMemberWasUnreachable_ShouldMakeThemReachable()
    {
        _store.SetUnreachable("CB-DC", true);
        _store.CreateInvite("Z2", "CB-DC", Now, Now.AddDays(7));

        _store.RedeemInvite("Z2", ChatAccount.Zalo("zalo-b2"), Now).Member!.Unreachable.Should().BeFalse();
    }

    [Fact]
    public void Invites_made_before_they_were_shared_with_Zalo_still_work_after_an_upgrade()
    {
        _store.Dispose();
        using (var db = new LiteDatabase(new ConnectionString { Filename = _database.Path, Connection = ConnectionType.Direct }))
        {
            var old = db.GetCollection("telegram_invites");
            old.Insert(new BsonDocument
            {
                ["_id"] = "UNUSED",
                ["MemberCode"] = "CB-DC",
                ["CreatedAt"] = Now.UtcDateTime,
                ["ExpiresAt"] = Now.AddDays(7).UtcDateTime,
                ["UsedAt"] = BsonValue.Null,
                ["UsedBy"] = BsonValue.Null,
            });
            old.Insert(new BsonDocument
            {
                ["_id"] = "USED",
                ["MemberCode"] = "TCA",
                ["CreatedAt"] = Now.UtcDateTime,
                ["ExpiresAt"] = Now.AddDays(7).UtcDateTime,
                ["UsedAt"] = Now.AddHours(1).UtcDateTime,
                ["UsedBy"] = 1004L,
            });
        }

        _store = _database.Open();

        _store.RedeemInvite("USED", ChatAccount.Zalo("zalo-c3"), Now.AddHours(2)).Result.Should().Be(InviteRedemption.AlreadyUsed);
        _store.RedeemInvite("UNUSED", ChatAccount.Zalo("zalo-c3"), Now.AddHours(2)).Result.Should().Be(InviteRedemption.Linked);
        _store.FindMemberByZalo("zalo-c3")!.Code.Should().Be("CB-DC");
        _store.Dispose();
        using (var db = new LiteDatabase(new ConnectionString { Filename = _database.Path, Connection = ConnectionType.Direct }))
        {
            db.CollectionExists("telegram_invites").Should().BeFalse();
            db.GetCollection("invites").FindById("USED")["UsedBy"].AsString.Should().Be("1004");
        }

        _store = _database.Open();
    }
}
