namespace DoSon.Bot.Storage;

/// <summary>What the Zalo adapter keeps: the last message it handled, since Zalo's getUpdates has no
/// offset to confirm it with (see ZaloPollingService).</summary>
public interface IZaloStore
{
    string? GetLastHandledMessageId();

    void SaveLastHandledMessage(string messageId, DateTimeOffset at);
}
