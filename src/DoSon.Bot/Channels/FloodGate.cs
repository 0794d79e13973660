using DoSon.Bot.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels;

/// <summary>What to do with one message (or tap) from a sender, decided before it is handled.</summary>
public enum FloodVerdict
{
    /// <summary>Handle it as usual.</summary>
    Handle,

    /// <summary>A member just went over the limit: answer <see cref="FloodTexts.SlowDown"/> once, handle nothing.</summary>
    SlowDown,

    /// <summary>Drop it without a word.</summary>
    Drop,
}

/// <summary>Flood control per platform and sender, before a message is handled, so that one person
/// cannot keep the bot busy (or make it send without end). A stranger gets the "not linked" answer at
/// most once per Chat:StrangerAnswerEveryMinutes; a member has Chat:MaxMessagesPerMinute in any minute
/// (a sliding window), then one "slow down" answer, and whatever else comes within the next minute is
/// dropped. Linking commands are not brought here by the adapters: a stranger must always be able to
/// link. Dropped messages are counted and logged once a minute per platform, never one line each
/// (and only in a minute that dropped something, so a quiet bot arms no timer for it).
/// Memory stays bounded: a sender idle for longer than any window is forgotten (checked at most once a minute) (nothing about them
/// matters any more), and at most <see cref="MaxTrackedSenders"/> are kept even under a flood of new
/// accounts (the longest idle go first; one of them may then get a second stranger answer early).</summary>
public sealed class FloodGate : IDisposable
{
    public const int MaxTrackedSenders = 10_000;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly ILogger<FloodGate> _logger;
    private readonly TimeSpan _strangerEvery;
    private readonly int _perMinute;
    private readonly TimeSpan _forgetAfter;
    private readonly Lock _gate = new();
    private readonly Dictionary<ChatAccount, Sender> _senders = [];
    private readonly Dictionary<ChatPlatform, DropCount> _dropped = [];
    private readonly Dictionary<ChatPlatform, long> _droppedTotal = [];
    private ITimer? _report;
    private bool _reportArmed;
    private DateTimeOffset _nextForget = DateTimeOffset.MinValue;

    public FloodGate(IOptions<ChatOptions> options, TimeProvider time, ILogger<FloodGate> logger)
    {
        _time = time;
        _logger = logger;
        _strangerEvery = TimeSpan.FromMinutes(options.Value.StrangerAnswerEveryMinutes);
        _perMinute = options.Value.MaxMessagesPerMinute;
        _forgetAfter = _strangerEvery > Minute ? _strangerEvery : Minute;
    }

    /// <summary>Decides about one message or tap from <paramref name="account"/>, counting it.</summary>
    /// <param name="linked">Whether the account is linked to a member (a stranger otherwise).</param>
    public FloodVerdict Check(ChatAccount account, bool linked)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now >= _nextForget)
            {
                Forget(now);
                _nextForget = now + Minute;
            }

            if (!_senders.TryGetValue(account, out var sender))
            {
                if (_senders.Count >= MaxTrackedSenders)
                {
                    MakeRoom(now);
                }

                sender = new Sender();
                _senders[account] = sender;
            }

            sender.LastSeen = now;
            var verdict = linked ? MemberVerdict(sender, now) : StrangerVerdict(sender, now);
            if (verdict != FloodVerdict.Handle)
            {
                if (!_dropped.TryGetValue(account.Platform, out var count))
                {
                    count = new DropCount();
                    _dropped[account.Platform] = count;
                }

                count.Messages++;
                count.Senders.Add(account.UserId);
                _droppedTotal[account.Platform] = _droppedTotal.GetValueOrDefault(account.Platform) + 1;
                ArmReport();
            }

            return verdict;
        }
    }

    /// <summary>Messages and taps not handled on this platform since the start (for tests and the log).</summary>
    public long DroppedSoFar(ChatPlatform platform)
    {
        lock (_gate)
        {
            return _droppedTotal.GetValueOrDefault(platform);
        }
    }

    /// <summary>Senders remembered now.</summary>
    public int TrackedSenders
    {
        get
        {
            lock (_gate)
            {
                return _senders.Count;
            }
        }
    }

    private FloodVerdict StrangerVerdict(Sender sender, DateTimeOffset now)
    {
        if (sender.StrangerAnsweredAt is { } answered && now - answered < _strangerEvery)
        {
            return FloodVerdict.Drop;
        }

        sender.StrangerAnsweredAt = now;
        return FloodVerdict.Handle;
    }

    private FloodVerdict MemberVerdict(Sender sender, DateTimeOffset now)
    {
        if (sender.MutedUntil is { } until && now < until)
        {
            return FloodVerdict.Drop;
        }

        while (sender.Handled.TryPeek(out var oldest) && now - oldest >= Minute)
        {
            sender.Handled.Dequeue();
        }

        if (sender.Handled.Count < _perMinute)
        {
            sender.Handled.Enqueue(now);
            return FloodVerdict.Handle;
        }

        // Everything handled so far is at most `now`, so once the minute of silence is over the
        // window is empty again and the member is answered as usual.
        sender.MutedUntil = now + Minute;
        return FloodVerdict.SlowDown;
    }

    /// <summary>The report goes out a minute after the first drop it counts; a minute without drops
    /// needs no timer at all.</summary>
    private void ArmReport()
    {
        if (_reportArmed)
        {
            return;
        }

        _reportArmed = true;
        if (_report is null)
        {
            _report = _time.CreateTimer(_ => Report(), null, Minute, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _report.Change(Minute, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>One log line per platform for what was dropped in the last minute.</summary>
    private void Report()
    {
        List<(ChatPlatform Platform, int Messages, int Senders)> report;
        lock (_gate)
        {
            report = _dropped.Where(d => d.Value.Messages > 0)
                .Select(d => (d.Key, d.Value.Messages, d.Value.Senders.Count))
                .ToList();
            _dropped.Clear();
            _reportArmed = false;
        }

        foreach (var (platform, messages, senders) in report)
        {
            _logger.LogWarning("Bỏ qua {Messages} tin nhắn {Platform} từ {Senders} tài khoản do gửi quá nhanh trong phút vừa qua.",
                messages, ChatTexts.PlatformName(platform), senders);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (account, sender) in _senders.Where(s => now - s.Value.LastSeen >= _forgetAfter).ToList())
        {
            _senders.Remove(account);
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        Forget(now);
        if (_senders.Count < MaxTrackedSenders)
        {
            return;
        }

        foreach (var (account, _) in _senders.OrderBy(s => s.Value.LastSeen).Take(_senders.Count - MaxTrackedSenders * 3 / 4).ToList())
        {
            _senders.Remove(account);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _report?.Dispose();
        }
    }

    private sealed class Sender
    {
        public DateTimeOffset LastSeen { get; set; }

        public DateTimeOffset? StrangerAnsweredAt { get; set; }

        public DateTimeOffset? MutedUntil { get; set; }

        /// <summary>When the member's messages of the last minute were handled (at most the limit).</summary>
        public Queue<DateTimeOffset> Handled { get; } = new();
    }

    private sealed class DropCount
    {
        public int Messages { get; set; }

        public HashSet<string> Senders { get; } = new(StringComparer.Ordinal);
    }
}
