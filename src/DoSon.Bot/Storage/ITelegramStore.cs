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
    Task RecordMessageAsync(TelegramMessageRecord record, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<TelegramMessageRecord?> FindMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default);

    Task RegisterGroupAsync(TelegramGroup group, CancellationToken cancellationToken = default);

    /// <summary>False when the group was not registered.</summary>
    Task<bool> UnregisterGroupAsync(long chatId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TelegramGroup>> GetGroupsAsync(CancellationToken cancellationToken = default);

    Task<TelegramPollState?> GetPollStateAsync(CancellationToken cancellationToken = default);

    Task SavePollStateAsync(TelegramPollState state, CancellationToken cancellationToken = default);
}
