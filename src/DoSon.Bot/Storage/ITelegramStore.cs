namespace DoSon.Bot.Storage;

/// <summary>A group chat an admin registered for the ward digest.</summary>
public sealed record TelegramGroup(long ChatId, string Title, string RegisteredBy, DateTimeOffset RegisteredAt);

public enum TelegramMessagePurpose
{
    /// <summary>A reminder or an answer about tasks: a reply to it is a note on that task.</summary>
    Tasks,
    /// <summary>The bot asked for the text of a blocker: a reply to it is that blocker.</summary>
    BlockerPrompt,
}

/// <summary>A message the bot sent, remembered so that a reply to it can be attached to its tasks.</summary>
public sealed record TelegramMessageRecord(long ChatId, int MessageId, IReadOnlyList<string> TaskCodes, TelegramMessagePurpose Purpose);

/// <summary>How far the update stream was handled, so that a restart neither repeats nor skips one:
/// every update up to <see cref="LastUpdateId"/> is handled, and so are the few above it in
/// <see cref="HandledAbove"/> (chats are handled side by side, so a later update can finish first).</summary>
public sealed record TelegramPollState(long LastUpdateId, DateTimeOffset At)
{
    public IReadOnlyList<long> HandledAbove { get; init; } = [];
}

/// <summary>What the Telegram adapter keeps: registered groups, which message is about which tasks,
/// and how far the update stream was handled. (Invite codes are shared with Zalo: IInviteStore.)</summary>
public interface ITelegramStore
{
    void RecordMessage(TelegramMessageRecord record, DateTimeOffset at);

    TelegramMessageRecord? FindMessage(long chatId, int messageId);

    void RegisterGroup(TelegramGroup group);

    /// <summary>False when the group was not registered.</summary>
    bool UnregisterGroup(long chatId);

    IReadOnlyList<TelegramGroup> GetGroups();

    TelegramPollState? GetPollState();

    void SavePollState(TelegramPollState state);
}
