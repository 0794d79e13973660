using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.FakeApis.Telegram;

/// <summary>A Telegram Bot API server inside the test process (Kestrel on 127.0.0.1, port 0) that
/// behaves like https://core.telegram.org/bots/api for the methods DoSon.Bot uses: the same URLs,
/// bodies (JSON, form, multipart), answers and error descriptions, dates in Unix seconds, long
/// polling with offsets that confirm, rate limits that answer 429 with retry_after, and failures a
/// test can inject. Point the real Telegram.Bot client at <see cref="BaseUrl"/>.</summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const int MaxMessageLength = 4096;
    public const int MaxCaptionLength = 1024;

    private readonly FakeTelegramOptions _options;
    private readonly WebApplication _app;
    private readonly Lock _gate = new();

    private readonly List<JsonObject> _pendingUpdates = [];
    private readonly HashSet<long> _confirmed = [];
    private long _nextUpdateId;
    private TaskCompletionSource _updateQueued = NewSignal();
    private TaskCompletionSource<bool>? _currentPoll;

    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<long, UserState> _users = [];
    private readonly Dictionary<string, CallbackState> _callbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeBotCommand>> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeFile> _files = new(StringComparer.Ordinal);
    private readonly List<FakeCall> _calls = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly HashSet<long> _blocked = [];
    private readonly List<Injection> _injections = [];
    private FakeWebhook? _webhook;
    private long _nextCallbackId = 4_000_000_000_000_000_001;
    private int _nextFileNumber = 1;

    private readonly Dictionary<long, (double Tokens, DateTimeOffset At)> _chatBuckets = [];
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groupWindows = [];

    private FakeTelegramServer(FakeTelegramOptions options, WebApplication app)
    {
        _options = options;
        _app = app;
        _nextUpdateId = options.FirstUpdateId;
        BotId = long.Parse(options.Token[..options.Token.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null)
    {
        options ??= new FakeTelegramOptions();
        var app = LoopbackApp.Create();
        var server = new FakeTelegramServer(options, app);
        server.BaseUrl = await LoopbackApp.StartAsync(app, server.RouteAsync);
        return server;
    }

    /// <summary>http://127.0.0.1:port, the Bot API server address to give the client.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token => _options.Token;

    public long BotId { get; }

    public string BotUsername => _options.BotUsername;

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _currentPoll?.TrySetResult(false);
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---------------------------------------------------------------- what a test does as a user

    /// <summary>Makes a user known (a private chat with the bot exists once they have written to it).</summary>
    public void AddUser(long userId, string firstName = "", string? username = null)
    {
        lock (_gate)
        {
            EnsureUser(userId, firstName, username);
        }
    }

    public void AddGroup(long chatId, string title, bool supergroup = false)
    {
        if (chatId >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chatId), "Group chat ids are negative.");
        }

        lock (_gate)
        {
            _chats[chatId] = new ChatState(chatId, supergroup ? "supergroup" : "group", title);
        }
    }

    /// <summary>Queues a text message from a user, in their private chat or in <paramref name="chatId"/>.
    /// A text starting with '/' carries a bot_command entity, as Telegram's clients send it.</summary>
    public FakeIncoming SendText(long fromUserId, string text, long? chatId = null, int? replyToMessageId = null) =>
        QueueMessage(fromUserId, chatId, replyToMessageId, m => m.Text = text);

    public FakeIncoming SendDocument(long fromUserId, string fileName, byte[] content, string? caption = null, long? chatId = null, int? replyToMessageId = null)
    {
        FakeFile file;
        lock (_gate)
        {
            file = StoreFile(fileName, "application/octet-stream", content, "documents");
        }

        return QueueMessage(fromUserId, chatId, replyToMessageId, m =>
        {
            m.DocumentFileId = file.FileId;
            m.DocumentFileName = fileName;
            m.Caption = caption;
        });
    }

    /// <summary>Queues a tap on a button of a message the bot sent. Any data may be sent, as a modified
    /// client could.</summary>
    public FakeIncoming PressButton(long fromUserId, long chatId, int messageId, string data)
    {
        lock (_gate)
        {
            var user = EnsureUser(fromUserId);
            if (!_chats.TryGetValue(chatId, out var chat) || !chat.Messages.TryGetValue(messageId, out var message))
            {
                throw new InvalidOperationException($"No message {messageId} in chat {chatId}.");
            }

            var id = (_nextCallbackId++).ToString(CultureInfo.InvariantCulture);
            _callbacks[id] = new CallbackState();
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJson(user),
                ["message"] = MessageJson(message, includeReply: true),
                ["chat_instance"] = (chatId * 7919).ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            var updateId = QueueUpdate("callback_query", query);
            return new FakeIncoming(updateId, null, id);
        }
    }

    /// <summary>Taps the button with this text on a message the bot sent.</summary>
    public FakeIncoming PressButton(long fromUserId, FakeMessage message, string buttonText)
    {
        var button = message.AllButtons.FirstOrDefault(b => b.Text == buttonText)
            ?? throw new InvalidOperationException($"No button «{buttonText}» on message {message.MessageId}: {string.Join(", ", message.AllButtons.Select(b => b.Text))}");
        return PressButton(fromUserId, message.ChatId, message.MessageId, button.CallbackData!);
    }

    // ---------------------------------------------------------------- what a test reads

    /// <summary>Every message the bot sent to this chat, oldest first, as it is now.</summary>
    public IReadOnlyList<FakeMessage> SentTo(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat)
                ? chat.Messages.Values.Where(m => m.FromBot).OrderBy(m => m.MessageId).Select(Snapshot).ToList()
                : [];
        }
    }

    public FakeMessage Message(long chatId, int messageId)
    {
        lock (_gate)
        {
            return Snapshot(_chats[chatId].Messages[messageId]);
        }
    }

    public IReadOnlyList<FakeCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    public IReadOnlyList<FakeCall> CallsTo(string method) =>
        Calls.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)).ToList();

    public FakeCallbackAnswer? AnswerOf(string callbackQueryId)
    {
        lock (_gate)
        {
            return _callbacks.TryGetValue(callbackQueryId, out var state) ? state.Answer : null;
        }
    }

    /// <summary>The command menus, by scope: "default", "all_private_chats", "chat:1001", ... (with
    /// "|lang" appended when a language code was given).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FakeBotCommand>> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FakeBotCommand>)kv.Value.ToList(), StringComparer.Ordinal);
            }
        }
    }

    public FakeWebhook? Webhook
    {
        get
        {
            lock (_gate)
            {
                return _webhook;
            }
        }
    }

    /// <summary>The webhook is removed on Telegram's side (someone called deleteWebhook with the token
    /// elsewhere, or set another): getWebhookInfo then answers with an empty url.</summary>
    public void DropWebhook()
    {
        lock (_gate)
        {
            _webhook = null;
        }
    }

    /// <summary>A getUpdates call is being held open, waiting for an update.</summary>
    public bool LongPollWaiting
    {
        get
        {
            lock (_gate)
            {
                return _currentPoll is { Task.IsCompleted: false };
            }
        }
    }

    /// <summary>Updates queued and not yet confirmed by an offset.</summary>
    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _pendingUpdates.Count;
            }
        }
    }

    public bool IsConfirmed(long updateId)
    {
        lock (_gate)
        {
            return _confirmed.Contains(updateId);
        }
    }

    public FakeFile? File(string fileId)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(fileId);
        }
    }

    // ---------------------------------------------------------------- waiting, event-driven

    /// <summary>Completes when the condition holds (checked after every change of the server's state).</summary>
    public Task WaitUntilAsync(Func<bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
    public async Task<FakeMessage> WaitForMessageAsync(long chatId, int n = 1)
    {
        await WaitUntilAsync(() => _chats.TryGetValue(chatId, out var c) && c.Messages.Values.Count(m => m.FromBot) >= n);
        return SentTo(chatId)[n - 1];
    }

    /// <summary>The n-th successful call (1-based) of this method.</summary>
    public async Task<FakeCall> WaitForCallAsync(string method, int n = 1)
    {
        bool Matches(FakeCall c) => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && c.StatusCode == 200;
        await WaitUntilAsync(() => _calls.Count(Matches) >= n);
        return Calls.Where(Matches).ElementAt(n - 1);
    }

    /// <summary>Completes when the bot has confirmed the update with a later offset.</summary>
    public Task WaitForConfirmedAsync(long updateId) => WaitUntilAsync(() => _confirmed.Contains(updateId));

    // ---------------------------------------------------------------- failures a test injects

    /// <summary>The next <paramref name="count"/> calls (of <paramref name="method"/>, or any) fail with
    /// this HTTP status and a Bot API error body; a 429 carries parameters.retry_after =
    /// <paramref name="retryAfterSeconds"/> (at least 1).</summary>
    public void FailNext(int count, int statusCode = 500, string? method = null, int retryAfterSeconds = 1)
    {
        lock (_gate)
        {
            _injections.Add(new Injection(method, count, statusCode, Hang: false) { RetryAfter = retryAfterSeconds });
        }
    }

    /// <summary>The next calls are held without an answer until the client gives up (its timeout) or
    /// the server is disposed; nothing is done.</summary>
    public void HangNext(int count, string? method = null)
    {
        lock (_gate)
        {
            _injections.Add(new Injection(method, count, 0, Hang: true));
        }
    }

    /// <summary>The next calls are carried out (a message is sent) but their answer is held until the
    /// client gives up, as when a connection is cut after Telegram took the message.</summary>
    public void HangAfterAcceptingNext(int count, string? method = null)
    {
        lock (_gate)
        {
            _injections.Add(new Injection(method, count, 0, Hang: true) { Accept = true });
        }
    }

    /// <summary>The user blocked the bot: sends to this chat get 403 from now on.</summary>
    public void Block(long chatId)
    {
        lock (_gate)
        {
            _blocked.Add(chatId);
        }
    }

    // ---------------------------------------------------------------- internals

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long Now => _options.Clock.GetUtcNow().ToUnixTimeSeconds();

    private UserState EnsureUser(long userId, string firstName = "", string? username = null)
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            user = new UserState(userId, firstName.Length > 0 ? firstName : $"Người dùng {userId}", username);
            _users[userId] = user;
        }

        if (!_chats.ContainsKey(userId))
        {
            _chats[userId] = new ChatState(userId, "private", null) { PrivateUser = user };
        }

        return user;
    }

    private FakeIncoming QueueMessage(long fromUserId, long? chatId, int? replyTo, Action<StoredMessage> fill)
    {
        lock (_gate)
        {
            var user = EnsureUser(fromUserId);
            var chat = _chats.GetValueOrDefault(chatId ?? fromUserId)
                ?? throw new InvalidOperationException($"Unknown chat {chatId}: AddGroup first.");
            if (replyTo is { } r && !chat.Messages.ContainsKey(r))
            {
                throw new InvalidOperationException($"No message {r} in chat {chat.Id} to reply to.");
            }

            var message = new StoredMessage(chat.Id, chat.NextMessageId++, FromBot: false, user.Id, Now) { ReplyTo = replyTo };
            fill(message);
            chat.Messages[message.MessageId] = message;
            var updateId = QueueUpdate("message", MessageJson(message, includeReply: true));
            return new FakeIncoming(updateId, message.MessageId, null);
        }
    }

    private long QueueUpdate(string kind, JsonObject payload)
    {
        var id = _nextUpdateId++;
        _pendingUpdates.Add(new JsonObject { ["update_id"] = id, [kind] = payload });
        _updateQueued.TrySetResult();
        _updateQueued = NewSignal();
        SignalWaiters();
        return id;
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

    private FakeFile StoreFile(string fileName, string mimeType, byte[] content, string folder)
    {
        var n = _nextFileNumber++;
        var extension = Path.GetExtension(fileName);
        var id = $"BQACAgFAKE{n:D6}{Convert.ToHexString(Encoding.UTF8.GetBytes(fileName))[..Math.Min(16, fileName.Length * 2)]}";
        var file = new FakeFile(id, $"AgADFAKE{n:D6}", $"{folder}/file_{n}{extension}", fileName, mimeType, content);
        _files[id] = file;
        return file;
    }

    private JsonObject BotUserJson() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = _options.BotFirstName,
        ["username"] = _options.BotUsername,
    };

    private static JsonObject UserJson(UserState user)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["is_bot"] = false,
            ["first_name"] = user.FirstName,
            ["language_code"] = "vi",
        };
        if (user.Username is not null)
        {
            json["username"] = user.Username;
        }

        return json;
    }

    private static JsonObject ChatJson(ChatState chat) => chat.Type == "private"
        ? new JsonObject { ["id"] = chat.Id, ["type"] = "private", ["first_name"] = chat.PrivateUser!.FirstName }
        : new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type, ["title"] = chat.Title };

    private JsonObject MessageJson(StoredMessage m, bool includeReply)
    {
        var chat = _chats[m.ChatId];
        var json = new JsonObject
        {
            ["message_id"] = m.MessageId,
            ["from"] = m.FromBot ? BotUserJson() : UserJson(_users[m.FromUserId!.Value]),
            ["chat"] = ChatJson(chat),
            ["date"] = m.Date,
        };
        if (m.EditDate is { } edited)
        {
            json["edit_date"] = edited;
        }

        if (includeReply && m.ReplyTo is { } replyTo && chat.Messages.TryGetValue(replyTo, out var original))
        {
            json["reply_to_message"] = MessageJson(original, includeReply: false);
        }

        if (m.Text is not null)
        {
            json["text"] = m.Text;
            if (!m.FromBot && m.Text.StartsWith('/'))
            {
                var end = m.Text.IndexOfAny([' ', '\n']);
                json["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "bot_command",
                    ["offset"] = 0,
                    ["length"] = end < 0 ? m.Text.Length : end,
                });
            }
        }

        if (m.DocumentFileId is not null)
        {
            var file = _files[m.DocumentFileId];
            json["document"] = new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_name"] = file.FileName,
                ["mime_type"] = file.MimeType,
                ["file_size"] = file.Content.Length,
            };
        }

        if (m.PhotoFileId is not null)
        {
            var file = _files[m.PhotoFileId];
            json["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["width"] = 640,
                ["height"] = 480,
                ["file_size"] = file.Content.Length,
            });
        }

        if (m.Caption is not null)
        {
            json["caption"] = m.Caption;
        }

        if (m.InlineKeyboard is not null)
        {
            json["reply_markup"] = new JsonObject { ["inline_keyboard"] = m.InlineKeyboard.DeepClone() };
        }

        return json;
    }

    private static FakeMessage Snapshot(StoredMessage m)
    {
        var buttons = m.InlineKeyboard?.Select(row => (IReadOnlyList<FakeButton>)row!.AsArray()
                .Select(b => new FakeButton((string)b!["text"]!, (string?)b["callback_data"], (string?)b["url"]))
                .ToList())
            .ToList() ?? [];
        return new FakeMessage(m.ChatId, m.MessageId, m.FromBot, m.FromUserId, m.Date, m.Text, m.Html, m.Caption,
            m.ReplyTo, buttons, m.ForceReply, m.EditCount, m.DocumentFileName, m.DocumentFileId, m.PhotoFileId);
    }

    private sealed class UserState(long id, string firstName, string? username)
    {
        public long Id { get; } = id;
        public string FirstName { get; } = firstName;
        public string? Username { get; } = username;
    }

    private sealed class ChatState(long id, string type, string? title)
    {
        public long Id { get; } = id;
        public string Type { get; } = type;
        public string? Title { get; } = title;
        public UserState? PrivateUser { get; init; }
        public int NextMessageId { get; set; } = 1;
        public SortedDictionary<int, StoredMessage> Messages { get; } = [];
    }

    private sealed class CallbackState
    {
        public FakeCallbackAnswer? Answer { get; set; }
    }

    private sealed record Injection(string? Method, int Count, int StatusCode, bool Hang)
    {
        public int Left { get; set; } = Count;
        public int RetryAfter { get; init; } = 1;
        public bool Accept { get; init; }
    }

    private sealed record StoredMessage(long ChatId, int MessageId, bool FromBot, long? FromUserId, long Date)
    {
        public string? Text { get; set; }
        public string? Html { get; set; }
        public string? Caption { get; set; }
        public int? ReplyTo { get; set; }
        public JsonArray? InlineKeyboard { get; set; }
        public bool ForceReply { get; set; }
        public int EditCount { get; set; }
        public long? EditDate { get; set; }
        public string? DocumentFileId { get; set; }
        public string? DocumentFileName { get; set; }
        public string? PhotoFileId { get; set; }
    }

    private static string Describe(HttpStatusCode code) => code switch
    {
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        _ => code.ToString(),
    };
}
