namespace DoSon.Bot.Channels;

/// <summary>Handles updates concurrently across chats and in order within a chat, so that a slow or
/// flooding chat delays only itself. Each update is put in its chat's queue (its key); a chat has at
/// most one update under way, and at most <c>maxConcurrentChats</c> chats have one at a time. Chats
/// take turns: after one update a chat with more waiting goes to the back of the line, so a chat with
/// a long queue cannot keep a worker from the others. At most <c>maxQueued</c> updates are waiting or
/// under way in all: <see cref="EnqueueAsync"/> then waits until one is done (back-pressure on the
/// poller, so memory stays flat under a flood of any number of chats, one flooding chat included).
/// A failure in one update is reported and the chat goes on with its next.
/// <para>Platform-neutral: the pollers decide the key (the chat) and what "done" means for their
/// platform (Telegram's offset, Zalo's handled message ids).</para></summary>
public sealed class ChatPartitions<T> : IDisposable
{
    private readonly Func<T, Task> _handle;
    private readonly Action<T, Exception> _failed;
    private readonly int _maxChats;
    private readonly SemaphoreSlim _room;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<T>> _chats = new(StringComparer.Ordinal);
    private readonly Queue<string> _ready = new();
    private int _running;
    private int _count;
    private bool _closed;
    private TaskCompletionSource? _empty;

    /// <param name="handle">Handles one update; not cancelled by a stop (an update half handled would
    /// be neither done nor repeated).</param>
    /// <param name="failed">Told about an update whose handling threw.</param>
    public ChatPartitions(int maxConcurrentChats, int maxQueued, Func<T, Task> handle, Action<T, Exception> failed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentChats, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueued, 1);
        _maxChats = maxConcurrentChats;
        _room = new SemaphoreSlim(maxQueued, maxQueued);
        _handle = handle;
        _failed = failed;
    }

    /// <summary>Updates waiting or under way.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Updates under way now (one per chat at most).</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Puts an update in its chat's queue, first waiting for room if the queues are full.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for room: the update was not taken.</exception>
    /// <exception cref="InvalidOperationException">After <see cref="StopAsync"/>.</exception>
    public async Task EnqueueAsync(string key, T item, CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken);
        lock (_gate)
        {
            if (_closed)
            {
                _room.Release();
                throw new InvalidOperationException("The partitions are stopped.");
            }

            _count++;
            if (!_chats.TryGetValue(key, out var queue))
            {
                queue = new Queue<T>();
                _chats[key] = queue;
                _ready.Enqueue(key);
            }

            queue.Enqueue(item);
            StartWorkers();
        }
    }

    /// <summary>Takes no more updates and completes when every update under way is done. With
    /// <paramref name="finishQueued"/> the waiting ones are handled first (a platform that would not
    /// hand them out again); otherwise they are not started and are returned, in the order they came.</summary>
    public async Task<IReadOnlyList<T>> StopAsync(bool finishQueued)
    {
        var dropped = new List<T>();
        Task empty;
        lock (_gate)
        {
            _closed = true;
            if (!finishQueued)
            {
                foreach (var (_, queue) in _chats)
                {
                    dropped.AddRange(queue);
                    queue.Clear();
                }

                foreach (var key in _ready)
                {
                    _chats.Remove(key);
                }

                _ready.Clear();
                _count -= dropped.Count;
                if (dropped.Count > 0)
                {
                    _room.Release(dropped.Count);
                }
            }

            empty = WhenEmptyLocked();
        }

        await empty;
        return dropped;
    }

    /// <summary>Completes once nothing is waiting or under way (for tests and shutdown).</summary>
    public Task WhenEmptyAsync()
    {
        lock (_gate)
        {
            return WhenEmptyLocked();
        }
    }

    private Task WhenEmptyLocked()
    {
        if (_count == 0)
        {
            return Task.CompletedTask;
        }

        _empty ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _empty.Task;
    }

    private void StartWorkers()
    {
        while (_running < _maxChats && _ready.TryDequeue(out var key))
        {
            var item = _chats[key].Dequeue();
            _running++;
            _ = Task.Run(() => RunAsync(key, item));
        }
    }

    private async Task RunAsync(string key, T item)
    {
        try
        {
            await _handle(item);
        }
        catch (Exception ex)
        {
            try
            {
                _failed(item, ex);
            }
            catch (Exception)
            {
                // A failing report must not stop the chat's queue either.
            }
        }

        lock (_gate)
        {
            _running--;
            _count--;
            var queue = _chats[key];
            if (queue.Count > 0)
            {
                // To the back of the line: the other chats waiting get their turn first.
                _ready.Enqueue(key);
            }
            else
            {
                _chats.Remove(key);
            }

            StartWorkers();
            _room.Release();
            if (_count == 0 && _empty is { } empty)
            {
                _empty = null;
                empty.TrySetResult();
            }
        }
    }

    /// <summary>After <see cref="StopAsync"/> has completed.</summary>
    public void Dispose() => _room.Dispose();
}
