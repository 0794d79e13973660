namespace DoSon.Bot.Storage;

/// <summary>What the Zalo adapter keeps: the ids of the messages it handled last, since Zalo's
/// getUpdates has no offset to confirm them with (see ZaloPollingService).</summary>
public interface IZaloStore
{
    /// <summary>The ids saved last, oldest first (empty when none).</summary>
    Task<IReadOnlyList<string>> GetHandledMessageIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the saved ids (the caller keeps the list short).</summary>
    Task SaveHandledMessageIdsAsync(IReadOnlyList<string> messageIds, DateTimeOffset at, CancellationToken cancellationToken = default);
}
