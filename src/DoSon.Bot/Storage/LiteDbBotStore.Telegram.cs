using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class TelegramMessageDoc
{
    /// <summary>"chatId:messageId".</summary>
    [BsonId] public string Id { get; set; } = "";
    public long ChatId { get; set; }
    public int MessageId { get; set; }
    public List<string> TaskCodes { get; set; } = [];
    public string Purpose { get; set; } = nameof(TelegramMessagePurpose.Tasks);
    /// <summary>UTC instant.</summary>
    public DateTime At { get; set; }
}

internal sealed class TelegramGroupDoc
{
    [BsonId] public long ChatId { get; set; }
    public string Title { get; set; } = "";
    public string RegisteredBy { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime RegisteredAt { get; set; }
}

internal sealed class TelegramStateDoc
{
    [BsonId] public string Key { get; set; } = "";
    public long LastUpdateId { get; set; }
    /// <summary>Handled updates above LastUpdateId (at most the 100 Telegram hands out at once).</summary>
    public List<long> HandledAbove { get; set; } = [];
    /// <summary>UTC instant.</summary>
    public DateTime At { get; set; }
}

internal sealed partial class LiteDbBotStore : ITelegramStore
{
    /// <summary>Which message is about which task matters while people still reply to it; after this
    /// the records are dropped so the file does not grow for ever.</summary>
    private static readonly TimeSpan MessageRecordLifetime = TimeSpan.FromDays(120);

    private const string PollStateKey = "polling";

    private bool _telegramIndexed;

    private ILiteCollection<TelegramMessageDoc> TelegramMessages => _db.GetCollection<TelegramMessageDoc>("telegram_messages");
    private ILiteCollection<TelegramGroupDoc> TelegramGroups => _db.GetCollection<TelegramGroupDoc>("telegram_groups");
    private ILiteCollection<TelegramStateDoc> TelegramState => _db.GetCollection<TelegramStateDoc>("telegram_state");

    // The Telegram indexes are made on first use (inside the lock).
    private void EnsureTelegramIndexes()
    {
        if (_telegramIndexed)
        {
            return;
        }

        TelegramMessages.EnsureIndex(m => m.At);
        _telegramIndexed = true;
    }

    private void RecordMessage(TelegramMessageRecord record, DateTimeOffset at)
    {
        lock (_gate)
        {
            EnsureTelegramIndexes();
            var cutoff = (at - MessageRecordLifetime).UtcDateTime;
            InTransaction(() =>
            {
                TelegramMessages.Upsert(new TelegramMessageDoc
                {
                    Id = MessageKey(record.ChatId, record.MessageId),
                    ChatId = record.ChatId,
                    MessageId = record.MessageId,
                    TaskCodes = [.. record.TaskCodes],
                    Purpose = record.Purpose.ToString(),
                    At = at.UtcDateTime,
                });
                TelegramMessages.DeleteMany(m => m.At < cutoff);
                return 0;
            });
        }
    }

    private TelegramMessageRecord? FindMessage(long chatId, int messageId)
    {
        lock (_gate)
        {
            var doc = TelegramMessages.FindById(MessageKey(chatId, messageId));
            return doc is null
                ? null
                : new TelegramMessageRecord(doc.ChatId, doc.MessageId, doc.TaskCodes,
                    Enum.TryParse<TelegramMessagePurpose>(doc.Purpose, out var purpose) ? purpose : TelegramMessagePurpose.Tasks);
        }
    }

    private static string MessageKey(long chatId, int messageId) =>
        FormattableString.Invariant($"{chatId}:{messageId}");

    private void RegisterGroup(TelegramGroup group)
    {
        lock (_gate)
        {
            InTransaction(() => TelegramGroups.Upsert(new TelegramGroupDoc
            {
                ChatId = group.ChatId,
                Title = group.Title,
                RegisteredBy = group.RegisteredBy,
                RegisteredAt = group.RegisteredAt.UtcDateTime,
            }));
        }
    }

    private bool UnregisterGroup(long chatId)
    {
        lock (_gate)
        {
            return InTransaction(() => TelegramGroups.Delete(chatId));
        }
    }

    private IReadOnlyList<TelegramGroup> GetGroups()
    {
        lock (_gate)
        {
            return TelegramGroups.FindAll()
                .Select(g => new TelegramGroup(g.ChatId, g.Title, g.RegisteredBy, new DateTimeOffset(DateTime.SpecifyKind(g.RegisteredAt, DateTimeKind.Utc))))
                .OrderBy(g => g.Title, StringComparer.Ordinal)
                .ToList();
        }
    }

    private TelegramPollState? GetPollState()
    {
        lock (_gate)
        {
            var doc = TelegramState.FindById(PollStateKey);
            return doc is null ? null : new TelegramPollState(doc.LastUpdateId, new DateTimeOffset(DateTime.SpecifyKind(doc.At, DateTimeKind.Utc)))
            {
                HandledAbove = doc.HandledAbove ?? [],
            };
        }
    }

    private void SavePollState(TelegramPollState state)
    {
        lock (_gate)
        {
            InTransaction(() => TelegramState.Upsert(new TelegramStateDoc
            {
                Key = PollStateKey,
                LastUpdateId = state.LastUpdateId,
                HandledAbove = [.. state.HandledAbove],
                At = state.At.UtcDateTime,
            }));
        }
    }
}
