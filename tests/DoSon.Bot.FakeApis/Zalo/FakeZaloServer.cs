using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.FakeApis.Zalo;

/// <summary>A Zalo Bot API server inside the test process (Kestrel on 127.0.0.1, port 0) that behaves
/// like bot.zaloplatforms.com/docs for the methods DoSon.Bot uses: {base}/bot{token}/{method} with a
/// JSON body (form and query parameters are read too), answers {ok:true, result} or {ok:false,
/// error_code, description}, dates in MILLISECONDS, string ids. getUpdates long-polls and hands out
/// ONE update per call, wrapped {ok:true, result:{event_name, message}}, and has no offset: an update
/// handed out is gone. When the wait ends with nothing new it answers
/// {"ok":false,"error_code":408,"description":"Request timeout"} (HTTP 408, or 200 with
/// <see cref="FakeZaloOptions.ErrorsAsHttp200"/>). Point the bot's Zalo:BaseUrl at <see cref="BaseUrl"/>.</summary>
public sealed partial class FakeZaloServer : IAsyncDisposable
{
    public const int MaxMessageLength = 2000;

    private readonly FakeZaloOptions _options;
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    private readonly List<JsonObject> _pending = [];
    private readonly List<JsonObject> _delivered = [];
    private TaskCompletionSource _updateQueued = NewSignal();
    private int _pollsWaiting;

    private readonly Dictionary<string, List<FakeZaloMessage>> _sent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownChats = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blocked = new(StringComparer.Ordinal);
    private readonly List<FakeZaloCall> _calls = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly List<Injection> _injections = [];
    private readonly Queue<(DateTimeOffset At, string ChatId)> _recentSends = new();
    private FakeZaloWebhook? _webhook;
    private long _webhookUpdatedAt;
    private long _nextMessageNumber = 0x2d758cb5e222;

    private FakeZaloServer(FakeZaloOptions options, WebApplication app)
    {
        _options = options;
        _app = app;
    }

    public static async Task<FakeZaloServer> StartAsync(FakeZaloOptions? options = null)
    {
        options ??= new FakeZaloOptions();
        var app = LoopbackApp.Create();
        var server = new FakeZaloServer(options, app);
        server.BaseUrl = await LoopbackApp.StartAsync(app, server.RouteAsync);
        return server;
    }

    /// <summary>http://127.0.0.1:port, the address to give the bot as Zalo:BaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token => _options.Token;

    public string BotId => _options.Token[.._options.Token.IndexOf(':', StringComparison.Ordinal)];

    public string BotName => _options.BotName;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    // ---------------------------------------------------------------- what a test does as a user

    /// <summary>Makes a user's private chat known, as if they had written to the bot before (Zalo knows
    /// a chat only once the person has written).</summary>
    public void AddUser(string userId)
    {
        lock (_gate)
        {
            _knownChats.Add(userId);
        }
    }

    /// <summary>Queues a text message from a user in their private chat (or, with
    /// <paramref name="groupId"/>, in a group chat).</summary>
    public FakeZaloIncoming SendText(string userId, string text, string? displayName = null, string? groupId = null) =>
        QueueMessage(ZaloEventNames.Text, userId, displayName, groupId, m => m["text"] = text);

    /// <summary>Queues a photo (Zalo sends its URL, and a caption if one was typed).</summary>
    public FakeZaloIncoming SendImage(string userId, string? caption = null) =>
        QueueMessage(ZaloEventNames.Image, userId, null, null, m =>
        {
            m["photo"] = "https://photo.example.test/" + userId + ".jpg";
            if (caption is not null)
            {
                m["caption"] = caption;
            }
        });

    public FakeZaloIncoming SendSticker(string userId) =>
        QueueMessage(ZaloEventNames.Sticker, userId, null, null, m => m["sticker"] = "bfe458bf64fa8da4d4eb");

    /// <summary>What Zalo sends instead of content it does not pass on to bots.</summary>
    public FakeZaloIncoming SendUnsupported(string userId) =>
        QueueMessage(ZaloEventNames.Unsupported, userId, null, null, _ => { });

    /// <summary>Queues an update exactly as given (a malformed one, an unknown event).</summary>
    public void QueueRaw(JsonObject update)
    {
        lock (_gate)
        {
            Queue(update);
        }
    }

    /// <summary>Hands out the last delivered update once more, as Zalo might after a connection was cut
    /// mid-answer (it has no offset to know better).</summary>
    public FakeZaloIncoming RedeliverLast()
    {
        lock (_gate)
        {
            var last = _delivered[^1];
            Queue((JsonObject)last.DeepClone());
            return new FakeZaloIncoming((string?)last["message"]?["message_id"] ?? "");
        }
    }

    /// <summary>The user blocked the bot: sends to this chat get 403 from now on.</summary>
    public void Block(string chatId)
    {
        lock (_gate)
        {
            _blocked.Add(chatId);
        }
    }

    /// <summary>A webhook set by someone else, before the bot started.</summary>
    public void SetWebhook(string url, string secretToken)
    {
        lock (_gate)
        {
            _webhook = new FakeZaloWebhook(url, secretToken);
            _webhookUpdatedAt = NowMs;
        }
    }

    // ---------------------------------------------------------------- what a test reads

    /// <summary>Every message the bot sent to this chat, oldest first.</summary>
    public IReadOnlyList<FakeZaloMessage> SentTo(string chatId)
    {
        lock (_gate)
        {
            return _sent.TryGetValue(chatId, out var list) ? list.ToList() : [];
        }
    }

    public IReadOnlyList<FakeZaloCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    public IReadOnlyList<FakeZaloCall> CallsTo(string method) =>
        Calls.Where(c => string.Equals(c.Method, method, StringComparison.Ordinal)).ToList();

    /// <summary>A getUpdates call is being held open, waiting for an update.</summary>
    public bool LongPollWaiting
    {
        get
        {
            lock (_gate)
            {
                return _pollsWaiting > 0;
            }
        }
    }

    /// <summary>Updates queued and not yet handed out.</summary>
    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public FakeZaloWebhook? Webhook
    {
        get
        {
            lock (_gate)
            {
                return _webhook;
            }
        }
    }

    // ---------------------------------------------------------------- waiting, event-driven

    /// <summary>Completes when the condition holds (checked after every change of the server's state).</summary>
    public Task WaitUntilAsync(Func<bool> condition)
    {
        var done = NewSignal();
        lock (_gate)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task;
    }

    /// <summary>The n-th message (1-based) the bot sends to this chat, once it is sent.</summary>
    public async Task<FakeZaloMessage> WaitForMessageAsync(string chatId, int n = 1)
    {
        await WaitUntilAsync(() => _sent.TryGetValue(chatId, out var list) && list.Count >= n);
        return SentTo(chatId)[n - 1];
    }

    /// <summary>The n-th call (1-based) of this method, answered with this error_code (null: ok).</summary>
    public async Task<FakeZaloCall> WaitForCallAsync(string method, int n = 1, int? errorCode = null)
    {
        bool Matches(FakeZaloCall c) => c.Method == method && c.ErrorCode == errorCode;
        await WaitUntilAsync(() => _calls.Count(Matches) >= n);
        return Calls.Where(Matches).ElementAt(n - 1);
    }

    // ---------------------------------------------------------------- failures a test injects

    /// <summary>The next <paramref name="count"/> calls (of <paramref name="method"/>, or any) fail with
    /// this error code and a Bot API error body.</summary>
    public void FailNext(int count, int errorCode = 500, string? method = null)
    {
        lock (_gate)
        {
            _injections.Add(new Injection(method, count, errorCode, Hang: false));
        }
    }

    /// <summary>The next calls are held without an answer until the client gives up or the server is
    /// disposed.</summary>
    public void HangNext(int count, string? method = null)
    {
        lock (_gate)
        {
            _injections.Add(new Injection(method, count, 0, Hang: true));
        }
    }

    // ---------------------------------------------------------------- internals

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long NowMs => _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private string NextMessageId() => (_nextMessageNumber++).ToString("x20", CultureInfo.InvariantCulture);

    private FakeZaloIncoming QueueMessage(string eventName, string userId, string? displayName, string? groupId, Action<JsonObject> fill)
    {
        lock (_gate)
        {
            var update = BuildUpdate(eventName, userId, displayName, groupId, fill);
            Queue(update);
            return new FakeZaloIncoming((string)update["message"]!["message_id"]!);
        }
    }

    /// <summary>An update as Zalo sends it (under the lock).</summary>
    private JsonObject BuildUpdate(string eventName, string userId, string? displayName, string? groupId, Action<JsonObject> fill)
    {
        var id = NextMessageId();
        var from = new JsonObject
        {
            ["id"] = userId,
            [_options.SenderNameField] = displayName ?? "Người dùng " + userId[^4..],
            ["is_bot"] = false,
        };
        var chat = new JsonObject
        {
            ["id"] = groupId ?? userId,
            ["chat_type"] = groupId is null ? "PRIVATE" : "GROUP",
        };
        var message = new JsonObject
        {
            ["from"] = from,
            ["chat"] = chat,
            ["message_id"] = id,
            ["date"] = NowMs,
        };
        fill(message);
        if (groupId is null)
        {
            // A person's chat exists once they have written to the bot.
            _knownChats.Add(userId);
        }

        return new JsonObject { ["event_name"] = eventName, ["message"] = message };
    }

    private void Queue(JsonObject update)
    {
        _pending.Add(update);
        _updateQueued.TrySetResult();
        _updateQueued = NewSignal();
        SignalWaiters();
    }

    private void SignalWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition())
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private sealed record Injection(string? Method, int Count, int ErrorCode, bool Hang)
    {
        public int Left { get; set; } = Count;
    }

    private static class ZaloEventNames
    {
        public const string Text = "message.text.received";
        public const string Image = "message.image.received";
        public const string Sticker = "message.sticker.received";
        public const string Unsupported = "message.unsupported.received";
    }
}
