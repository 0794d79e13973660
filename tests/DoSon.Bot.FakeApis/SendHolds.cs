namespace DoSon.Bot.FakeApis;

/// <summary>Sends to some chats held, unanswered and not carried out, until released (a slow
/// connection to one person); other chats go on. Shared by both fake servers: it works under the
/// server's own lock and wakes the server's waiters when a send starts or stops being held.</summary>
internal sealed class SendHolds(Lock gate, Action signalWaiters)
{
    private readonly Dictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _waiting = new(StringComparer.Ordinal);

    public void Hold(string chatId)
    {
        lock (gate)
        {
            _holds.TryAdd(chatId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    public void Release(string chatId)
    {
        lock (gate)
        {
            if (_holds.Remove(chatId, out var hold))
            {
                hold.TrySetResult();
            }
        }
    }

    public int Held(string chatId)
    {
        lock (gate)
        {
            return _waiting.GetValueOrDefault(chatId);
        }
    }

    /// <summary>Waits while sends to <paramref name="chatId"/> are held.</summary>
    public async Task WaitWhileHeldAsync(string? chatId, CancellationToken aborted)
    {
        Task hold;
        lock (gate)
        {
            if (chatId is null || !_holds.TryGetValue(chatId, out var held))
            {
                return;
            }

            hold = held.Task;
            _waiting[chatId] = _waiting.GetValueOrDefault(chatId) + 1;
            signalWaiters();
        }

        try
        {
            await hold.WaitAsync(aborted);
        }
        finally
        {
            lock (gate)
            {
                _waiting[chatId]--;
                signalWaiters();
            }
        }
    }
}
