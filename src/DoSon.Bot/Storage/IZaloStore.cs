namespace DoSon.Bot.Storage;

/// <summary>What the Zalo adapter keeps: the ids of the messages it handled last, since Zalo's
/// getUpdates has no offset to confirm them with (see ZaloPollingService).</summary>
public interface IZaloStore
{
    /// <summary>The ids saved last, oldest first (empty when none).</summary>
    IReadOnlyList<string> GetHandledMessageIds();

    /// <summary>Replaces the saved ids (the caller keeps the list short).</summary>
    void SaveHandledMessageIds(IReadOnlyList<string> messageIds, DateTimeOffset at);
}
