using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

public abstract class DraftsStoreContract : IDisposable
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private protected static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private protected readonly ITestWard _database;
    private IWardStore? _opened;

    /// <summary>Opened on first use, inside the test, so that a missing provider skips it.</summary>
    private protected IWardStore _store
    {
        get => _opened ??= _database.Open();
        set => _opened = value;
    }

    protected DraftsStoreContract() => _database = NewWard();

    public void Dispose()
    {
        _opened?.Dispose();
        _database.Dispose();
    }

    private protected static NoticeDraftRecord Draft(string id, DateTimeOffset? created = null) =>
        new(id, "CVP", "thong-bao.docx", "ban-nhap-T2603", 23, "{\"tasks\": []}", created ?? Now, (created ?? Now).AddDays(3));

    [SkippableFact]
    public async Task ClaimDraft_ShouldSucceedOnceThenSayWhenAndByWhomItWasImported()
    {
        await _store.SaveDraftAsync(Draft("D1"));

        var first = await _store.ClaimDraftAsync("D1", "CVP", Now.AddHours(1));
        var second = await _store.ClaimDraftAsync("D1", "PVP", Now.AddHours(2));

        first.Result.Should().Be(DraftClaimResult.Claimed);
        first.Draft!.Json.Should().Be("{\"tasks\": []}");
        first.Draft.DraftName.Should().Be("ban-nhap-T2603");
        second.Result.Should().Be(DraftClaimResult.AlreadyImported);
        second.Draft!.ImportedBy.Should().Be("CVP");
        second.Draft.ImportedAt.Should().Be(Now.AddHours(1));
    }

    [SkippableFact]
    public async Task ClaimDraft_WhenExpiredOrUnknown_ShouldNotClaim()
    {
        await _store.SaveDraftAsync(Draft("D2"));

        (await _store.ClaimDraftAsync("D2", "CVP", Now.AddDays(3))).Result.Should().Be(DraftClaimResult.Expired);
        (await _store.ClaimDraftAsync("NOPE", "CVP", Now)).Result.Should().Be(DraftClaimResult.Unknown);
        (await _store.FindDraftAsync("D2"))!.ImportedAt.Should().BeNull();
    }

    [SkippableFact]
    public async Task ReleaseDraft_AfterAFailedImport_ShouldLetItBeClaimedAgain()
    {
        await _store.SaveDraftAsync(Draft("D3"));
        (await _store.ClaimDraftAsync("D3", "CVP", Now)).Result.Should().Be(DraftClaimResult.Claimed);

        await _store.ReleaseDraftAsync("D3");

        (await _store.ClaimDraftAsync("D3", "CVP", Now.AddMinutes(5))).Result.Should().Be(DraftClaimResult.Claimed);
    }

    [SkippableFact]
    public async Task A_draft_survives_reopening_the_database_with_its_instants_in_utc()
    {
        await _store.SaveDraftAsync(Draft("D4"));
        _store.Dispose();
        _store = _database.Open();

        var draft = (await _store.FindDraftAsync("D4"))!;

        draft.Should().BeEquivalentTo(Draft("D4"));
        draft.CreatedAt.Offset.Should().Be(TimeSpan.Zero);
        draft.ExpiresAt.Should().Be(Now.AddDays(3));
    }

    [SkippableFact]
    public async Task SaveDraft_ShouldDropDraftsExpiredLongAgoButKeepRecentOnes()
    {
        await _store.SaveDraftAsync(Draft("OLD"));
        await _store.SaveDraftAsync(Draft("RECENT", Now.AddDays(20)));

        await _store.SaveDraftAsync(Draft("NEW", Now.AddDays(40)));

        (await _store.FindDraftAsync("OLD")).Should().BeNull("it expired more than 30 days before");
        (await _store.FindDraftAsync("RECENT")).Should().NotBeNull();
        (await _store.FindDraftAsync("NEW")).Should().NotBeNull();
    }
}

/// <summary>The contract on a LiteDB file, and what only a file has.</summary>
public sealed class DraftsOnLiteDb : DraftsStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();

    [Fact]
    public async Task The_file_hands_instants_back_in_utc_so_a_server_in_the_wards_zone_reads_them_unshifted()
    {
        // On a machine whose zone is Asia/Ho_Chi_Minh, LiteDB without UTC_DATE gives local times, which
        // the store reads as UTC: invites expired 7 hours late and the history was shifted.
        await _store.SaveDraftAsync(Draft("D5"));
        _store.Dispose();

        using (var raw = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = ((TempDatabase)_database).Path, Connection = LiteDB.ConnectionType.Direct }))
        {
            raw.UtcDate.Should().BeTrue();
            raw.GetCollection("notice_drafts").FindById("D5")["CreatedAt"].AsDateTime.Kind.Should().Be(DateTimeKind.Utc);
        }

        _store = _database.Open();
    }
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DraftsOnPostgreSql(PostgresServer server) : DraftsStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
