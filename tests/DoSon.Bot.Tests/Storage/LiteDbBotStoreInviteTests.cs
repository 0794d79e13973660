using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using LiteDB;

namespace DoSon.Bot.Tests.Storage;

public abstract class InviteStoreContract : IAsyncLifetime
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private protected static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private protected readonly ITestWard _database;

    protected InviteStoreContract() => _database = NewWard();
    private IWardStore? _opened;

    /// <summary>Opened on first use, inside the test, so that a missing provider skips it.</summary>
    private protected IWardStore _store
    {
        get => _opened ??= _database.Open();
        set => _opened = value;
    }

    public async Task InitializeAsync()
    {
        if (_database.Available)
        {
            await WardData.SeedIntoAsync(_store);
        }
    }

    public Task DisposeAsync()
    {
        _opened?.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task RedeemInvite_WhenValid_ShouldLinkTheUserOnceAndUnlinkTheUsersOldMember()
    {
        await _store.CreateInviteAsync("H1", "CB-DC", Now, Now.AddDays(7));

        var first = await _store.RedeemInviteAsync("H1", ChatAccount.Telegram(1004), Now.AddHours(1));
        var second = await _store.RedeemInviteAsync("H1", ChatAccount.Telegram(2000), Now.AddHours(2));

        first.Result.Should().Be(InviteRedemption.Linked);
        first.Member!.Code.Should().Be("CB-DC");
        (await _store.FindMemberByTelegramAsync(1004))!.Code.Should().Be("CB-DC");
        (await _store.FindMemberAsync("TCA"))!.TelegramUserId.Should().BeNull("one Telegram user is linked to one member at most");
        second.Result.Should().Be(InviteRedemption.AlreadyUsed);
        (await _store.FindMemberByTelegramAsync(2000)).Should().BeNull();
    }

    [SkippableFact]
    public async Task RedeemInvite_WhenExpiredOrUnknown_ShouldLinkNobody()
    {
        await _store.CreateInviteAsync("H2", "CT-UBND", Now, Now.AddDays(7));

        (await _store.RedeemInviteAsync("H2", ChatAccount.Telegram(2001), Now.AddDays(7))).Result.Should().Be(InviteRedemption.Expired);
        (await _store.RedeemInviteAsync("NOPE", ChatAccount.Telegram(2001), Now)).Result.Should().Be(InviteRedemption.Unknown);
        (await _store.FindMemberByTelegramAsync(2001)).Should().BeNull();
    }

    [SkippableFact]
    public async Task CreateInvite_ShouldRetireTheMembersOlderUnusedCodes()
    {
        await _store.CreateInviteAsync("OLD", "CB-DC", Now, Now.AddDays(7));
        await _store.CreateInviteAsync("NEW", "CB-DC", Now, Now.AddDays(7));

        (await _store.RedeemInviteAsync("OLD", ChatAccount.Telegram(2002), Now)).Result.Should().Be(InviteRedemption.Unknown);
        (await _store.RedeemInviteAsync("NEW", ChatAccount.Telegram(2002), Now)).Result.Should().Be(InviteRedemption.Linked);
    }

    [SkippableFact]
    public async Task RedeemInvite_ForAZaloAccount_ShouldLinkZaloAndKeepTheMembersTelegram()
    {
        await _store.SetZaloUserAsync("TCA", "zalo-a1");
        await _store.CreateInviteAsync("Z1", "CB-DC", Now, Now.AddDays(7));

        var outcome = await _store.RedeemInviteAsync("Z1", ChatAccount.Zalo("zalo-a1"), Now);

        outcome.Result.Should().Be(InviteRedemption.Linked);
        outcome.Member!.ZaloUserId.Should().Be("zalo-a1");
        outcome.Member.TelegramUserId.Should().Be(WardData.UbndOfficer.TelegramUserId);
        (await _store.FindMemberByZaloAsync("zalo-a1"))!.Code.Should().Be("CB-DC");
        (await _store.FindMemberAsync("TCA"))!.ZaloUserId.Should().BeNull("one Zalo user is linked to one member at most");
        (await _store.RedeemInviteAsync("Z1", ChatAccount.Telegram(2003), Now)).Result.Should().Be(InviteRedemption.AlreadyUsed, "a code works once, on either platform");
    }

    [SkippableFact]
    public async Task RedeemInvite_WhenTheMemberWasUnreachable_ShouldMakeThemReachable()
    {
        await _store.SetUnreachableAsync("CB-DC", true);
        await _store.CreateInviteAsync("Z2", "CB-DC", Now, Now.AddDays(7));

        (await _store.RedeemInviteAsync("Z2", ChatAccount.Zalo("zalo-b2"), Now)).Member!.Unreachable.Should().BeFalse();
    }
}

/// <summary>The contract on a LiteDB file, and what only a file has.</summary>
public sealed class InviteOnLiteDb : InviteStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();

    [Fact]
    public async Task Invites_made_before_they_were_shared_with_Zalo_still_work_after_an_upgrade()
    {
        _store.Dispose();
        using (var db = new LiteDatabase(new ConnectionString { Filename = ((TempDatabase)_database).Path, Connection = ConnectionType.Direct }))
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

        (await _store.RedeemInviteAsync("USED", ChatAccount.Zalo("zalo-c3"), Now.AddHours(2))).Result.Should().Be(InviteRedemption.AlreadyUsed);
        (await _store.RedeemInviteAsync("UNUSED", ChatAccount.Zalo("zalo-c3"), Now.AddHours(2))).Result.Should().Be(InviteRedemption.Linked);
        (await _store.FindMemberByZaloAsync("zalo-c3"))!.Code.Should().Be("CB-DC");
        _store.Dispose();
        using (var db = new LiteDatabase(new ConnectionString { Filename = ((TempDatabase)_database).Path, Connection = ConnectionType.Direct }))
        {
            db.CollectionExists("telegram_invites").Should().BeFalse();
            db.GetCollection("invites").FindById("USED")["UsedBy"].AsString.Should().Be("1004");
        }

        _store = _database.Open();
    }
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InviteOnPostgreSql(PostgresServer server) : InviteStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
