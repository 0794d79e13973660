namespace DoSon.Bot.Storage;

/// <summary>A draft made from a notice sent to the bot, kept until an admin imports it as it is.</summary>
/// <param name="Id">Short and random: it travels in a button's callback data.</param>
/// <param name="MemberCode">The admin who sent the notice.</param>
/// <param name="FileName">The notice's file name, as sent.</param>
/// <param name="DraftName">The draft's file name without extension, e.g. ban-nhap-T2603.</param>
/// <param name="Json">The draft (an assignment file) in the import's JSON form.</param>
/// <param name="ImportedBy">Who imported it, once it was imported.</param>
public sealed record NoticeDraftRecord(
    string Id,
    string MemberCode,
    string FileName,
    string DraftName,
    int TaskCount,
    string Json,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ImportedAt = null,
    string? ImportedBy = null);

public enum DraftClaimResult
{
    /// <summary>The draft is now taken by the caller, who imports it (or releases it if that fails).</summary>
    Claimed,
    Unknown,
    Expired,
    AlreadyImported,
}

public sealed record DraftClaim(DraftClaimResult Result, NoticeDraftRecord? Draft);

/// <summary>Drafts waiting for an admin's confirmation. A draft is used at most once: claiming it
/// marks it imported in the same transaction, so two taps never import it twice.</summary>
public interface INoticeDraftStore
{
    /// <summary>Stores a new draft; drafts long expired are dropped at the same time.</summary>
    Task SaveDraftAsync(NoticeDraftRecord draft, CancellationToken cancellationToken = default);

    Task<NoticeDraftRecord?> FindDraftAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Takes the draft for import if it is known, unexpired and not imported yet, marking it
    /// imported by <paramref name="memberCode"/> at <paramref name="now"/>.</summary>
    Task<DraftClaim> ClaimDraftAsync(string id, string memberCode, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Undoes a claim whose import failed, so that the draft can be tried again.</summary>
    Task ReleaseDraftAsync(string id, CancellationToken cancellationToken = default);
}
