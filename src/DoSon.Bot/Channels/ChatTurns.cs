namespace DoSon.Bot.Channels;

/// <summary>For a webhook, where each update comes in on a request of its own: each chat's updates are
/// handled one after another, in the order they reached the gate, and different chats side by side
/// (at most <c>maxConcurrentChats</c> at once), so a slow or flooding chat holds up only itself.</summary>
public sealed class ChatTurns(int maxConcurrentChats) : IDisposable
{
    private readonly SemaphoreSlim _room = new(maxConcurrentChats, maxConcurrentChats);
    private readonly Dictionary<string, Turn> _chats = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Runs <paramref name="work"/> in <paramref name="chatKey"/>'s turn. Not cancellable: an
    /// update half handled would be neither done nor repeated.</summary>
    public async Task RunAsync(string chatKey, Func<Task> work)
    {
        var turn = Enter(chatKey);
        try
        {
            await turn.Gate.WaitAsync(CancellationToken.None);
            await _room.WaitAsync(CancellationToken.None);
            try
            {
                await work();
            }
            finally
            {
                _room.Release();
                turn.Gate.Release();
            }
        }
        finally
        {
            Leave(chatKey, turn);
        }
    }

    public void Dispose() => _room.Dispose();

    /// <summary>The entry is dropped when no update of the chat is left.</summary>
    private sealed class Turn
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private Turn Enter(string key)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(key, out var turn))
            {
                turn = new Turn();
                _chats[key] = turn;
            }

            turn.Users++;
            return turn;
        }
    }

    private void Leave(string key, Turn turn)
    {
        lock (_gate)
        {
            if (--turn.Users == 0)
            {
                _chats.Remove(key);
                turn.Gate.Dispose();
            }
        }
    }
}
