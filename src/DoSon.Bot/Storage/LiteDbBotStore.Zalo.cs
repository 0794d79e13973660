using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class ZaloStateDoc
{
    [BsonId] public string Key { get; set; } = "";
    public string LastMessageId { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime At { get; set; }
}

internal sealed partial class LiteDbBotStore : IZaloStore
{
    private const string ZaloPollStateKey = "polling";

    private ILiteCollection<ZaloStateDoc> ZaloState => _db.GetCollection<ZaloStateDoc>("zalo_state");

    public string? GetLastHandledMessageId()
    {
        lock (_gate)
        {
            return ZaloState.FindById(ZaloPollStateKey)?.LastMessageId;
        }
    }

    public void SaveLastHandledMessage(string messageId, DateTimeOffset at)
    {
        lock (_gate)
        {
            InTransaction(() => ZaloState.Upsert(new ZaloStateDoc
            {
                Key = ZaloPollStateKey,
                LastMessageId = messageId,
                At = at.UtcDateTime,
            }));
        }
    }
}
