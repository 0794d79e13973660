using System.Text.Json.Nodes;

namespace DoSon.Bot.FakeApis.Zalo;

public sealed partial class FakeZaloServer
{
    private readonly Dictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _heldWaiting = new(StringComparer.Ordinal);

    /// <summary>From now on sends to this chat are held, unanswered and not carried out, until
    /// <see cref="ReleaseSendsTo"/> (a slow connection to one person); other chats go on.</summary>
    public void HoldSendsTo(string chatId)
    {
        lock (_gate)
        {
            _holds.TryAdd(chatId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>Lets the held sends to this chat (and later ones) through.</summary>
    public void ReleaseSendsTo(string chatId)
    {
        lock (_gate)
        {
            if (_holds.Remove(chatId, out var hold))
            {
                hold.TrySetResult();
            }
        }
    }

    /// <summary>How many sends to this chat are being held now.</summary>
    public int HeldSendsTo(string chatId)
    {
        lock (_gate)
        {
            return _heldWaiting.GetValueOrDefault(chatId);
        }
    }

    /// <summary>Waits while sends to the request's chat are held.</summary>
    private async Task WaitWhileHeldAsync(JsonObject p, CancellationToken aborted)
    {
        var chat = p["chat_id"]?.ToString();
        Task hold;
        lock (_gate)
        {
            if (chat is null || !_holds.TryGetValue(chat, out var held))
            {
                return;
            }

            hold = held.Task;
            _heldWaiting[chat] = _heldWaiting.GetValueOrDefault(chat) + 1;
            SignalWaiters();
        }

        try
        {
            await hold.WaitAsync(aborted);
        }
        finally
        {
            lock (_gate)
            {
                _heldWaiting[chat]--;
                SignalWaiters();
            }
        }
    }
}
