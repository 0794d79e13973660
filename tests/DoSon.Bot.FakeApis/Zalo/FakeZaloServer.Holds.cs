using System.Text.Json.Nodes;

namespace DoSon.Bot.FakeApis.Zalo;

public sealed partial class FakeZaloServer
{
    private SendHolds? _sendHolds;

    // Made on first use (a field initializer cannot reach the gate), once even when two requests race.
    private SendHolds Holds
    {
        get
        {
            Interlocked.CompareExchange(ref _sendHolds, new SendHolds(_gate, SignalWaiters), null);
            return _sendHolds;
        }
    }

    /// <summary>From now on sends to this chat are held, unanswered and not carried out, until
    /// <see cref="ReleaseSendsTo"/> (a slow connection to one person); other chats go on.</summary>
    public void HoldSendsTo(string chatId) => Holds.Hold(chatId);

    /// <summary>Lets the held sends to this chat (and later ones) through.</summary>
    public void ReleaseSendsTo(string chatId) => Holds.Release(chatId);

    /// <summary>How many sends to this chat are being held now.</summary>
    public int HeldSendsTo(string chatId) => Holds.Held(chatId);

    /// <summary>Waits while sends to the request's chat are held.</summary>
    private Task WaitWhileHeldAsync(JsonObject p, CancellationToken aborted) => Holds.WaitWhileHeldAsync(p["chat_id"]?.ToString(), aborted);
}
