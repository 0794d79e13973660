using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage;

public enum InviteRedemption
{
    Linked,
    Unknown,
    Expired,
    AlreadyUsed,
}

public sealed record InviteOutcome(InviteRedemption Result, Member? Member);

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

/// <summary>The last update the bot handled, so that a restart neither repeats nor skips one.</summary>
public sealed record TelegramPollState(long LastUpdateId, DateTimeOffset At);

/// <summary>What the Telegram adapter keeps: one-time invite codes, registered groups, which message
/// is about which tasks, and how far the update stream was handled.</summary>
public interface ITelegramStore
{
    /// <summary>Stores a new one-time code (only its hash) for a member; older unused codes of that
    /// member stop working.</summary>
    void CreateInvite(string codeHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt);

    /// <summary>Uses the code, if it is known, unused and unexpired, to link the Telegram user to its
    /// member; all in one transaction.</summary>
    InviteOutcome RedeemInvite(string codeHash, long telegramUserId, DateTimeOffset now);

    void RecordMessage(TelegramMessageRecord record, DateTimeOffset at);

    TelegramMessageRecord? FindMessage(long chatId, int messageId);

    void RegisterGroup(TelegramGroup group);

    /// <summary>False when the group was not registered.</summary>
    bool UnregisterGroup(long chatId);

    IReadOnlyList<TelegramGroup> GetGroups();

    TelegramPollState? GetPollState();

    void SavePollState(TelegramPollState state);
}
