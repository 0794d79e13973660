namespace DoSon.Bot.Storage;

/// <summary>What one retention pass removed from the reminders.</summary>
/// <param name="Removed">Reminders deleted (sent, cancelled, skipped or failed, finished before the cut-off).</param>
/// <param name="KeysKept">Of those, the keys kept as done (sent, skipped, failed): they are never planned again.</param>
/// <param name="DocumentsBefore">Documents in the whole file before the pass.</param>
public sealed record RetentionRemoval(int Removed, int KeysKept, int DocumentsBefore);

/// <summary>The database file rebuilt: its size before and after, and whether every collection
/// still holds as many documents as before (LiteDB's own copy of the old file is deleted only then).</summary>
/// <param name="LeftCopy">LiteDB's copy of the old file, left beside it when the counts differ.</param>
public sealed record StoreRebuild(long SizeBefore, long SizeAfter, bool CountsMatch, string? LeftCopy);

/// <summary>Keeps the store small: finished reminders are removed after a while, the keys that must
/// never be sent twice are kept compactly, and the file is rebuilt when much was removed.</summary>
public interface IReminderRetentionStore
{
    /// <summary>Removes the reminders that reached a final state (sent, cancelled, skipped, failed)
    /// before <paramref name="finishedBefore"/>; pending ones are never touched. The keys of the sent,
    /// skipped and failed ones are kept in a compact collection that a re-plan checks before it
    /// adds a step, so a step removed here is still never sent again. Cancelled ones leave no key: a
    /// cancelled step planned again comes back in any case. Works in batches of
    /// <paramref name="batchSize"/>, each its own transaction, so chat answers are not held up.</summary>
    Task<RetentionRemoval> RemoveFinishedRemindersAsync(DateTimeOffset finishedBefore, int batchSize = 1000, CancellationToken cancellationToken = default);

    /// <summary>How many keys are kept as done.</summary>
    Task<int> DoneKeyCountAsync(CancellationToken cancellationToken = default);

    /// <summary>The size of the database file in bytes, after a checkpoint.</summary>
    Task<long> FileSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the database file in place (LiteDB's Rebuild), under the store's lock: no
    /// backup copy, chat answer or reminder can run meanwhile. Null when it is not done because
    /// LiteDB could not do it safely (see <see cref="LiteDbBotStore.RebuildLimit"/>).</summary>
    Task<StoreRebuild?> RebuildAsync(CancellationToken cancellationToken = default);
}
