namespace DoSon.Bot.Outbox;

/// <summary>Which queue a message waits in. Interactive: an answer to a person who just wrote or
/// tapped (the answer, its parts, the tap's callback answer, the edit after a tap). Background:
/// reminders, escalations, digests and notices, which fill whatever rate the answers leave.</summary>
public enum OutboxLane
{
    Background,
    Interactive,
}

/// <summary>Keeps a chat platform's sending limits: at most N messages in any window of one second
/// overall, one message per chat per 1/M second, and at most G messages in any minute into one group
/// chat (negative chat ids, as Telegram numbers them). Waiters are served first come, first served,
/// except that one waiting for a busy chat does not hold up the others, and every interactive waiter
/// is served before any background one (it is queued behind the other interactive waiters only).
/// <para>Written here because System.Threading.RateLimiting's limiters read the system clock and run
/// their own timers: they cannot be driven by the injected TimeProvider, which the tests and the demo
/// clock need.</para>
/// <para>The platform counts a message when it arrives, which is some time after we send it and
/// before its answer comes back; how long varies (network, the platform's own queue, a busy
/// machine). So a message holds its place in every window from the moment it is granted until its
/// answer is back (the lease is disposed), and only then starts its second: the platform's count of
/// it is certainly over by the time ours is. Counting from the moment of sending instead let
/// latency jitter of a few tens of milliseconds through the platform's limit (measured: 130 429s
/// in 3,000 messages against the fake Bot API; see docs/benchmarks.md).</para></summary>
public sealed class OutboxLimiter : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private readonly int _perGroupPerMinute;
    private readonly TimeSpan _chatInterval;
    private readonly TimeSpan _margin;
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private LinkedListNode<Waiter>? _lastInteractive;
    private readonly List<Slot> _global = [];
    private readonly Dictionary<string, DateTimeOffset> _chatFree = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Slot>> _groups = new(StringComparer.Ordinal);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private ITimer? _timer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;
    private bool _disposed;

    public OutboxLimiter(TimeProvider time, int perSecond, int perChatPerSecond, int perGroupPerMinute, TimeSpan margin)
    {
        _time = time;
        _perSecond = perSecond;
        _perGroupPerMinute = perGroupPerMinute;
        // 0: the platform has no limit per chat (the console); messages to a chat still go one at a time.
        _chatInterval = perChatPerSecond <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Second.Ticks / perChatPerSecond) + margin;
        _margin = margin;
    }

    public static bool IsGroup(string chatId) => chatId.StartsWith('-');

    /// <summary>Waits until one more message may go to this chat. The message counts against every
    /// limit from now until the returned lease is disposed (once the platform has answered, or the
    /// call failed), and for the length of each window after that.</summary>
    public Task<IDisposable> AcquireAsync(string chatId, CancellationToken cancellationToken) =>
        AcquireAsync(chatId, OutboxLane.Background, cancellationToken);

    /// <inheritdoc cref="AcquireAsync(string, CancellationToken)"/>
    public async Task<IDisposable> AcquireAsync(string chatId, OutboxLane lane, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(chatId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (lane == OutboxLane.Interactive)
            {
                // Ahead of every background waiter, behind the answers already waiting.
                waiter.Node = _lastInteractive is { List: not null } last ? _waiters.AddAfter(last, waiter) : _waiters.AddFirst(waiter);
                _lastInteractive = waiter.Node;
            }
            else
            {
                waiter.Node = _waiters.AddLast(waiter);
            }
        }

        Pump();
        await using (cancellationToken.Register(() => Cancel(waiter)))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        return new Lease(this, waiter);
    }

    /// <summary>The answer is back: the message's windows run from now.</summary>
    private void Release(Waiter waiter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            waiter.GlobalSlot!.Close(now);
            waiter.GroupSlot?.Close(now);
            _chatFree[waiter.ChatId] = now + _chatInterval;
        }

        Pump();
    }

    /// <summary>The platform said "too many requests, retry after": nothing goes out until then.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }

        Pump();
    }

    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    private void Cancel(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node is { List: not null } node)
            {
                Remove(node);
            }
        }

        waiter.Granted.TrySetCanceled();
    }

    private void Pump()
    {
        List<Waiter>? granted = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var wake = DateTimeOffset.MaxValue;
            if (now < _pausedUntil)
            {
                wake = _pausedUntil;
            }
            else
            {
                var window = Second + _margin;
                _global.RemoveAll(slot => slot.ExpiredBy(now, window));

                HashSet<string>? busy = null;
                var node = _waiters.First;
                while (node is not null)
                {
                    var next = node.Next;
                    if (_global.Count >= _perSecond)
                    {
                        // With every place held by a message still under way, its answer wakes us (Release).
                        wake = Min(wake, EarliestEnd(_global, window));
                        break;
                    }

                    var w = node.Value;
                    if (busy?.Contains(w.ChatId) != true)
                    {
                        var readyAt = ReadyAt(w.ChatId, now);
                        if (readyAt <= now)
                        {
                            w.GlobalSlot = new Slot();
                            _global.Add(w.GlobalSlot);
                            // Busy until its answer is back: one message at a time into a chat, in order.
                            _chatFree[w.ChatId] = DateTimeOffset.MaxValue;
                            if (IsGroup(w.ChatId))
                            {
                                w.GroupSlot = new Slot();
                                GroupLog(w.ChatId).Add(w.GroupSlot);
                            }

                            Remove(node);
                            (granted ??= []).Add(w);
                        }
                        else
                        {
                            // Later messages to the same chat keep their order behind this one.
                            (busy ??= new HashSet<string>(StringComparer.Ordinal)).Add(w.ChatId);
                            wake = Min(wake, readyAt);
                        }
                    }

                    node = next;
                }

                if (_chatFree.Count > 10_000)
                {
                    foreach (var stale in _chatFree.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
                    {
                        _chatFree.Remove(stale);
                    }
                }
            }

            if (_waiters.Count > 0 && wake != DateTimeOffset.MaxValue)
            {
                Arm(wake, now);
            }
        }

        if (granted is not null)
        {
            foreach (var w in granted)
            {
                w.Granted.TrySetResult();
            }
        }
    }

    /// <summary>Takes a waiter out of the queue, keeping the end of the interactive waiters known.</summary>
    private void Remove(LinkedListNode<Waiter> node)
    {
        if (ReferenceEquals(node, _lastInteractive))
        {
            _lastInteractive = node.Previous;
        }

        _waiters.Remove(node);
    }

    private DateTimeOffset ReadyAt(string chatId, DateTimeOffset now)
    {
        var ready = _chatFree.TryGetValue(chatId, out var free) ? free : now;
        if (IsGroup(chatId))
        {
            var log = GroupLog(chatId);
            var window = Minute + _margin;
            log.RemoveAll(slot => slot.ExpiredBy(now, window));
            if (log.Count >= _perGroupPerMinute)
            {
                ready = Max(ready, EarliestEnd(log, window));
            }
        }

        return ready;
    }

    private List<Slot> GroupLog(string chatId)
    {
        if (!_groups.TryGetValue(chatId, out var log))
        {
            _groups[chatId] = log = [];
        }

        return log;
    }

    /// <summary>When the first place in a full window frees up; never, while all are under way.</summary>
    private static DateTimeOffset EarliestEnd(List<Slot> slots, TimeSpan window)
    {
        var end = DateTimeOffset.MaxValue;
        foreach (var slot in slots)
        {
            if (slot.Answered is { } at && at + window < end)
            {
                end = at + window;
            }
        }

        return end;
    }

    private void Arm(DateTimeOffset at, DateTimeOffset now)
    {
        if (_timer is not null && _timerDue <= at && _timerDue > now)
        {
            return;
        }

        var due = at - now;
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        _timerDue = at;
        if (_timer is null)
        {
            _timer = _time.CreateTimer(static s => ((OutboxLimiter)s!).OnTimer(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerDue = DateTimeOffset.MaxValue;
        }

        Pump();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public void Dispose()
    {
        List<Waiter> left;
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            left = [.. _waiters];
            _waiters.Clear();
            _lastInteractive = null;
        }

        foreach (var w in left)
        {
            w.Granted.TrySetCanceled();
        }
    }

    /// <summary>One message's place in a window: held while it is under way, then for the window's
    /// length from its answer.</summary>
    private sealed class Slot
    {
        public DateTimeOffset? Answered { get; private set; }

        public void Close(DateTimeOffset at) => Answered = at;

        public bool ExpiredBy(DateTimeOffset now, TimeSpan window) => Answered is { } at && at + window <= now;
    }

    private sealed class Lease(OutboxLimiter limiter, Waiter waiter) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limiter.Release(waiter);
            }
        }
    }

    private sealed class Waiter(string chatId)
    {
        public string ChatId { get; } = chatId;
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
        public Slot? GlobalSlot { get; set; }
        public Slot? GroupSlot { get; set; }
    }
}
