using DoSon.Bot.Domain;
using DoSon.Bot.Outbox;

namespace DoSon.Bot.Messaging;

/// <summary>A message to one chat on one platform.</summary>
/// <param name="TaskCodes">The tasks the message is about (a reminder lists them), so that a reply to it
/// can be attached to the right task.</param>
public sealed record OutgoingMessage(string ChatId, Reply Content, IReadOnlyList<string>? TaskCodes = null)
{
    /// <summary>The platform's id of the message this one answers (shown as a reply where the platform can).</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Set on the parts a channel split a long message into: each is one platform message.</summary>
    public MessagePart? Part { get; init; }
}

/// <summary>Part <paramref name="Number"/> of <paramref name="Count"/> of a long message, with the text
/// this part carries (plain, as the channel cut it; the channel formats it when it sends it).</summary>
public sealed record MessagePart(int Number, int Count, string Text)
{
    public bool IsFirst => Number == 1;

    public bool IsLast => Number == Count;
}

/// <summary>What the platform said when it accepted a message.</summary>
public sealed record SentMessage(string ChatId, string MessageId);

public enum DeliveryFailureKind
{
    /// <summary>Try again later (5xx, time-out, network).</summary>
    Transient,
    /// <summary>Too many requests; wait RetryAfter exactly.</summary>
    RateLimited,
    /// <summary>The user blocked the bot or never started it (403): stop sending to them.</summary>
    Blocked,
    /// <summary>The request itself is wrong (400, 404): retrying will not help.</summary>
    Permanent,
}

public sealed class DeliveryFailedException(DeliveryFailureKind kind, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DeliveryFailureKind Kind { get; } = kind;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>One chat platform the bot sends through. Adapters translate platform errors into
/// <see cref="DeliveryFailedException"/> so the outbox can decide what to do.</summary>
public interface IChatChannel
{
    /// <summary>"telegram", "zalo" or "console".</summary>
    string Name { get; }

    /// <summary>The chat to reach this member in privately, or null when they have not linked this platform.</summary>
    string? ChatIdOf(Member member);

    /// <summary>Sends one platform message. Called by the outbox only (a test over src/ keeps it so),
    /// once per part of a message this channel split.</summary>
    Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>The parts, in order, in which this message goes out, each one platform message (see
    /// <see cref="OutgoingMessage.Part"/>). A channel without a length limit sends it whole.</summary>
    IReadOnlyList<OutgoingMessage> Split(OutgoingMessage message) => [message];

    /// <summary>This platform's pace: the shared settings unless the platform has its own.</summary>
    OutboxOptions Pace(OutboxOptions defaults) => defaults;
}
