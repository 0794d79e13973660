using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class NoticeDraftDoc
{
    [BsonId] public string Id { get; set; } = "";
    public string MemberCode { get; set; } = "";
    public string FileName { get; set; } = "";
    public string DraftName { get; set; } = "";
    public int TaskCount { get; set; }
    public string Json { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC instant.</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>UTC instant; null until imported.</summary>
    public DateTime? ImportedAt { get; set; }
    public string? ImportedBy { get; set; }
}

internal sealed partial class LiteDbBotStore : INoticeDraftStore
{
    /// <summary>An expired draft is still known for this long, so that a late tap is told it expired
    /// rather than that it never existed; then it is dropped so the file does not grow for ever.</summary>
    private static readonly TimeSpan ExpiredDraftMemory = TimeSpan.FromDays(30);

    private ILiteCollection<NoticeDraftDoc> NoticeDrafts => _db.GetCollection<NoticeDraftDoc>("notice_drafts");

    private void SaveDraft(NoticeDraftRecord draft)
    {
        lock (_gate)
        {
            var cutoff = (draft.CreatedAt - ExpiredDraftMemory).UtcDateTime;
            InTransaction(() =>
            {
                NoticeDrafts.DeleteMany(d => d.ExpiresAt < cutoff);
                NoticeDrafts.Upsert(new NoticeDraftDoc
                {
                    Id = draft.Id,
                    MemberCode = draft.MemberCode,
                    FileName = draft.FileName,
                    DraftName = draft.DraftName,
                    TaskCount = draft.TaskCount,
                    Json = draft.Json,
                    CreatedAt = draft.CreatedAt.UtcDateTime,
                    ExpiresAt = draft.ExpiresAt.UtcDateTime,
                    ImportedAt = draft.ImportedAt?.UtcDateTime,
                    ImportedBy = draft.ImportedBy,
                });
                return 0;
            });
        }
    }

    private NoticeDraftRecord? FindDraft(string id)
    {
        lock (_gate)
        {
            return NoticeDrafts.FindById(id) is { } doc ? ToRecord(doc) : null;
        }
    }

    private DraftClaim ClaimDraft(string id, string memberCode, DateTimeOffset now)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var doc = NoticeDrafts.FindById(id);
                if (doc is null)
                {
                    return new DraftClaim(DraftClaimResult.Unknown, null);
                }

                if (doc.ImportedAt is not null)
                {
                    return new DraftClaim(DraftClaimResult.AlreadyImported, ToRecord(doc));
                }

                if (now.UtcDateTime >= Utc(doc.ExpiresAt))
                {
                    return new DraftClaim(DraftClaimResult.Expired, ToRecord(doc));
                }

                doc.ImportedAt = now.UtcDateTime;
                doc.ImportedBy = memberCode;
                NoticeDrafts.Update(doc);
                return new DraftClaim(DraftClaimResult.Claimed, ToRecord(doc));
            });
        }
    }

    private void ReleaseDraft(string id)
    {
        lock (_gate)
        {
            InTransaction(() =>
            {
                if (NoticeDrafts.FindById(id) is { } doc)
                {
                    doc.ImportedAt = null;
                    doc.ImportedBy = null;
                    NoticeDrafts.Update(doc);
                }

                return 0;
            });
        }
    }

    /// <summary>LiteDB hands dates back in the machine's local time unless the file says otherwise.</summary>
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();

    private static NoticeDraftRecord ToRecord(NoticeDraftDoc d) => new(
        d.Id,
        d.MemberCode,
        d.FileName,
        d.DraftName,
        d.TaskCount,
        d.Json,
        new DateTimeOffset(Utc(d.CreatedAt)),
        new DateTimeOffset(Utc(d.ExpiresAt)),
        d.ImportedAt is { } at ? new DateTimeOffset(Utc(at)) : null,
        d.ImportedBy);
}
