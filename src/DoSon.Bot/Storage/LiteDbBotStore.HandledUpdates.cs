using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class HandledUpdateDoc
{
    /// <summary>"{platform}:{update id}".</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Platform { get; set; } = "";
    public string UpdateId { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime HandledAt { get; set; }
}

internal sealed partial class LiteDbBotStore : IHandledUpdateStore
{
    private bool _handledIndexed;

    private ILiteCollection<HandledUpdateDoc> HandledUpdates
    {
        get
        {
            var collection = _db.GetCollection<HandledUpdateDoc>("handled_updates");
            if (!_handledIndexed)
            {
                collection.EnsureIndex(d => d.HandledAt);
                _handledIndexed = true;
            }

            return collection;
        }
    }

    private static string HandledKey(string platform, string updateId) => platform + ":" + updateId;

    public Task<bool> WasHandledAsync(string platform, string updateId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(HandledUpdates.FindById(HandledKey(platform, updateId)) is not null);
        }
    }

    public Task MarkHandledAsync(string platform, string updateId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var key = HandledKey(platform, updateId);
            if (HandledUpdates.FindById(key) is null)
            {
                HandledUpdates.Insert(new HandledUpdateDoc { Id = key, Platform = platform, UpdateId = updateId, HandledAt = at.UtcDateTime });
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> ForgetHandledBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var limit = before.UtcDateTime;
        lock (_gate)
        {
            return Task.FromResult(HandledUpdates.DeleteMany(d => d.HandledAt < limit));
        }
    }
}
