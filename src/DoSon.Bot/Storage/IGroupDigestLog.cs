namespace DoSon.Bot.Storage;

/// <summary>Which registered group already received which ward digest, so that a restart (or a
/// changed time of day) never sends a group the same digest twice.</summary>
public interface IGroupDigestLog
{
    /// <summary>The groups (chat ids) that received the digest of this kind for this local date.</summary>
    Task<IReadOnlySet<long>> GroupsSentAsync(string kind, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>Records that a group received the whole digest of this kind for this date.</summary>
    Task RecordGroupSentAsync(string kind, DateOnly date, long chatId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
