using DoSon.Bot.Storage;

namespace DoSon.Bot.Reminders;

public enum DigestKind
{
    /// <summary>Each morning: counts, what is overdue or blocked, what falls due this week.</summary>
    Daily,
    /// <summary>Once a week: the same, with what was finished in the last seven days.</summary>
    Weekly,
}

/// <summary>What the group digest needs from a chat platform: send the ward digest to its registered
/// groups. The Telegram adapter implements it; without Telegram none is registered and no digest is
/// scheduled.</summary>
public interface IGroupDigestSender
{
    /// <summary>Sends to the registered groups <paramref name="include"/> accepts and tells
    /// <paramref name="delivered"/> of each group as soon as it has the whole digest (the scheduler
    /// records it, so a restart does not send it again). Returns how many groups received it.</summary>
    Task<int> SendAsync(DigestKind kind, Func<TelegramGroup, bool> include, Func<TelegramGroup, Task> delivered, CancellationToken cancellationToken);
}
