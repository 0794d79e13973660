using System.Collections.Concurrent;
using DoSon.Bot.Channels;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Bench;

/// <summary>What the dispatch benchmark sends to, and counts at. The in-process one below stands in
/// for a platform; to measure the real Telegram client instead, implement this with an IChatChannel
/// built on Telegram.Bot pointed at a fake Bot API server on 127.0.0.1 that enforces the same
/// limits, and read the counters from that server.</summary>
internal interface IBenchTarget
{
    IChatChannel Channel { get; }

    /// <summary>Accepted messages: chat id and the instant they were accepted.</summary>
    IReadOnlyList<(string ChatId, DateTimeOffset At)> Accepted { get; }

    /// <summary>Requests refused with 429 Too Many Requests.</summary>
    int TooManyRequests { get; }
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
