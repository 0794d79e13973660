namespace DoSon.Bot.Outbox;

/// <summary>How a platform's sender paces and retries (section Reminders:Outbox for Telegram and the
/// console; Zalo overrides the rates with Zalo:PerSecond and Zalo:PerChatPerSecond).</summary>
public sealed class OutboxOptions
{
    /// <summary>Messages per second into one chat (Telegram: about 1); 0: no limit per chat.</summary>
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages per second overall (Telegram: about 30).</summary>
    public int PerSecond { get; set; } = 30;

    /// <summary>Messages per minute into one group chat (Telegram: 20; group chats have negative ids).</summary>
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>Tries per message before it is marked failed and the admins are told.</summary>
    public int MaxTries { get; set; } = 5;

    /// <summary>Most messages one answer or reminder is sent in; a longer one goes out as its first
    /// parts and a last one saying how to get the whole (never 30 messages).</summary>
    public int MaxParts { get; set; } = 10;

    /// <summary>First back-off delay after a transient failure; it doubles each try, with jitter.</summary>
    public double BaseDelaySeconds { get; set; } = 2;

    /// <summary>Longest back-off delay.</summary>
    public double MaxDelaySeconds { get; set; } = 120;

    /// <summary>Added to every rate window so that scheduling jitter never pushes the platform over its limit.</summary>
    public int SafetyMarginMilliseconds { get; set; } = 10;
}
