using System.Collections.Concurrent;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Bench;

/// <summary>What the dispatch benchmark sends to, and counts at: an in-process platform
/// (<see cref="RateLimitedChannel"/>) or the Telegram client against the fake Bot API server
/// (<see cref="TelegramTarget"/>).</summary>
internal interface IBenchTarget : IAsyncDisposable
{
    /// <summary>The channel to put in the host instead of its own; null: the host's own, set up by
    /// <see cref="Settings"/>.</summary>
    IChatChannel? Channel { get; }

    /// <summary>Settings added to the host's.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The Telegram user id of member number m, when the target reaches members on Telegram.</summary>
    long? TelegramUserIdOf(int member);

    /// <summary>Accepted messages: chat id and the instant the platform accepted them.</summary>
    IReadOnlyList<(string ChatId, DateTimeOffset At)> Accepted { get; }

    /// <summary>Requests refused with 429 Too Many Requests.</summary>
    int TooManyRequests { get; }

    /// <summary>One sentence for the report.</summary>
    string Describe { get; }
}

/// <summary>A platform that enforces, like Telegram, at most 30 messages in any second overall and
/// one per second per chat, answering 429 with retry_after when a request breaks either, after a
/// network-like delay.</summary>
internal sealed class RateLimitedChannel(TimeProvider time, int perSecond, TimeSpan latency) : IChatChannel, IBenchTarget
{
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly Dictionary<string, DateTimeOffset> _lastPerChat = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string, DateTimeOffset)> _accepted = new();
    private readonly Lock _gate = new();
    private int _tooMany;
    private long _next;

    public IChatChannel Channel => this;

    public IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public long? TelegramUserIdOf(int member) => null;

    public string Describe =>
        "an in-process channel that behaves like the Telegram Bot API under load: it accepts at most 30 messages in any one second overall and one per second per chat, answers anything beyond with 429 and retry_after = 1 s, and answers after 20 ms";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public string Name => "bench";

    public IReadOnlyList<(string ChatId, DateTimeOffset At)> Accepted => [.. _accepted];

    public int TooManyRequests => _tooMany;

    public string? ChatIdOf(Member member) => member.Code;

    public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        // The server judges a request when it arrives; the answer comes back after the latency.
        var now = time.GetUtcNow();
        bool refused;
        lock (_gate)
        {
            while (_window.Count > 0 && _window.Peek() <= now - TimeSpan.FromSeconds(1))
            {
                _window.Dequeue();
            }

            refused = _window.Count >= perSecond
                      || (_lastPerChat.TryGetValue(message.ChatId, out var last) && now - last < TimeSpan.FromSeconds(1));
            if (!refused)
            {
                _window.Enqueue(now);
                _lastPerChat[message.ChatId] = now;
            }
        }

        await Task.Delay(latency, time, cancellationToken);
        if (refused)
        {
            Interlocked.Increment(ref _tooMany);
            throw new DeliveryFailedException(DeliveryFailureKind.RateLimited, "Too Many Requests: retry after 1", TimeSpan.FromSeconds(1));
        }

        _accepted.Enqueue((message.ChatId, now));
        return new SentMessage(message.ChatId, Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
