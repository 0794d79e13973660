using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class ZaloStateDoc
{
    [BsonId] public string Key { get; set; } = "";
    /// <summary>Kept from the time only the last message was saved: read once, then also in HandledIds.</summary>
    public string LastMessageId { get; set; } = "";
    /// <summary>The message ids handled last, oldest first.</summary>
    public List<string> HandledIds { get; set; } = [];
    /// <summary>UTC instant.</summary>
    public DateTime At { get; set; }
}

internal sealed partial class LiteDbBotStore : IZaloStore
{
    private const string ZaloPollStateKey = "polling";

    private ILiteCollection<ZaloStateDoc> ZaloState => _db.GetCollection<ZaloStateDoc>("zalo_state");

    private IReadOnlyList<string> GetHandledMessageIds()
    {
        lock (_gate)
        {
            var doc = ZaloState.FindById(ZaloPollStateKey);
            if (doc is null)
            {
                return [];
            }

            var ids = doc.HandledIds ?? [];
            return !string.IsNullOrEmpty(doc.LastMessageId) && !ids.Contains(doc.LastMessageId)
                ? [.. ids, doc.LastMessageId]
                : ids;
        }
    }

    private void SaveHandledMessageIds(IReadOnlyList<string> messageIds, DateTimeOffset at)
    {
        lock (_gate)
        {
            InTransaction(() => ZaloState.Upsert(new ZaloStateDoc
            {
                Key = ZaloPollStateKey,
                LastMessageId = messageIds.Count > 0 ? messageIds[^1] : "",
                HandledIds = [.. messageIds],
                At = at.UtcDateTime,
            }));
        }
    }
}
