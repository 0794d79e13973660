using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DoSon.Bot.FakeApis.Telegram;

public sealed partial class FakeTelegramServer
{
    private static readonly HashSet<string> ScopeTypes = new(StringComparer.Ordinal)
    {
        "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat", "chat_administrators", "chat_member",
    };

    private static readonly HashSet<string> SendingMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "sendMessage", "sendDocument", "sendPhoto",
    };

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();

    private sealed record Answer(int Status, JsonNode? Result, string? Error, long RetryAfter = 0, string? Description = null);

    private static Answer Ok(JsonNode? result, string? description = null) => new(200, result, null, 0, description);

    private static Answer Bad(string error) => new(400, null, "Bad Request: " + error);

    /// <summary>{base}/bot{token}/{method} and {base}/file/bot{token}/{file_path}; anything else is 404.</summary>
    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (IsChunked(context.Request))
        {
            // The self-hosted telegram-bot-api server reads a request body only by its Content-Length:
            // a chunked body gets an empty 400, with no JSON at all (go-telegram/bot issue 285).
            Record(path[(path.LastIndexOf('/') + 1)..], [], new Answer(400, null, ChunkedRefusal));
            context.Response.StatusCode = 400;
            return;
        }

        var isFile = path.StartsWith("/file/bot", StringComparison.Ordinal);
        var rest = isFile ? path["/file/bot".Length..] : path.StartsWith("/bot", StringComparison.Ordinal) ? path["/bot".Length..] : null;
        var slash = rest?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (rest is null || slash <= 0 || slash == rest.Length - 1)
        {
            await WriteAsync(context, new Answer(404, null, "Not Found"));
            return;
        }

        var token = rest[..slash];
        var tail = rest[(slash + 1)..];
        if (isFile)
        {
            await DownloadAsync(context, token, tail);
        }
        else if (tail.Contains('/', StringComparison.Ordinal))
        {
            await WriteAsync(context, new Answer(404, null, "Not Found"));
        }
        else
        {
            await HandleAsync(context, token, tail);
        }
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        if (!string.Equals(token, _options.Token, StringComparison.Ordinal))
        {
            await WriteAsync(context, new Answer(401, null, "Unauthorized"));
            return;
        }

        JsonObject p;
        Dictionary<string, IFormFile> files;
        try
        {
            (p, files) = await ReadParametersAsync(context.Request);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or IOException)
        {
            await WriteAsync(context, Bad("can't parse request parameters"));
            return;
        }

        try
        {
            await WaitWhileHeldAsync(p, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Injection? injection;
        lock (_gate)
        {
            injection = _injections.FirstOrDefault(i => i.Left > 0 && (i.Method is null || string.Equals(i.Method, method, StringComparison.OrdinalIgnoreCase)));
            if (injection is not null)
            {
                injection.Left--;
            }
        }

        Answer answer;
        if (injection is { Hang: true, Accept: true })
        {
            // Telegram took the message, but the answer never reaches the client (a cut connection,
            // a proxy time-out): the message is in the chat all the same.
            lock (_gate)
            {
                answer = Dispatch(method, p, files);
            }

            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }

            Record(method, p, answer with { Description = "accepted; the answer was held until the client gave up" });
            return;
        }

        if (injection is { Hang: true })
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it would with Telegram.
            }

            Record(method, p, new Answer(0, null, "no answer (held until the client gave up)"));
            return;
        }

        if (injection is not null)
        {
            answer = injection.StatusCode == 429
                ? TooMany(TimeSpan.FromSeconds(injection.RetryAfter))
                : new Answer(injection.StatusCode, null, Describe((HttpStatusCode)injection.StatusCode));
        }
        else if (string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase))
        {
            var polled = await GetUpdatesAsync(p, context.RequestAborted);
            if (polled is null)
            {
                return;
            }

            answer = polled;
        }
        else
        {
            lock (_gate)
            {
                answer = Dispatch(method, p, files);
            }
        }

        Record(method, p, answer);
        await WriteAsync(context, answer);
    }

    /// <summary>What <see cref="FakeCall.Error"/> says of a call refused for its chunked body.</summary>
    public const string ChunkedRefusal = "chunked body refused with an empty answer (no Content-Length)";

    /// <summary>A body sent with Transfer-Encoding: chunked, that is without a Content-Length.</summary>
    internal static bool IsChunked(HttpRequest request) =>
        request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);

    private Answer Dispatch(string method, JsonObject p, Dictionary<string, IFormFile> files) => method.ToLowerInvariant() switch
    {
        "getme" => Ok(GetMe()),
        "sendmessage" => SendMessage(p),
        "editmessagetext" => EditMessage(p, editText: true),
        "editmessagereplymarkup" => EditMessage(p, editText: false),
        "editmessagecaption" => EditMessage(p, editText: false, editCaption: true),
        "answercallbackquery" => AnswerCallbackQuery(p),
        "setmycommands" => SetMyCommands(p),
        "getmycommands" => GetMyCommands(p),
        "deletemycommands" => DeleteMyCommands(p),
        "setwebhook" => SetWebhook(p),
        "deletewebhook" => DeleteWebhook(p),
        "getwebhookinfo" => Ok(new JsonObject
        {
            ["url"] = _webhook?.Url ?? "",
            ["has_custom_certificate"] = false,
            ["pending_update_count"] = _pendingUpdates.Count,
        }),
        "senddocument" => SendFile(p, files, "document"),
        "sendphoto" => SendFile(p, files, "photo"),
        "getfile" => GetFile(p),
        _ => new Answer(404, null, "Not Found"),
    };

    private void Record(string method, JsonObject p, Answer answer)
    {
        lock (_gate)
        {
            _calls.Add(new FakeCall(method, (JsonObject)p.DeepClone(), answer.Status, answer.Error, answer.RetryAfter) { At = _options.Clock.GetUtcNow() });
            SignalWaiters();
        }
    }

    private static async Task WriteAsync(HttpContext context, Answer answer)
    {
        JsonObject body;
        if (answer.Status == 200)
        {
            body = new JsonObject { ["ok"] = true, ["result"] = answer.Result?.DeepClone() };
            if (answer.Description is not null)
            {
                body["description"] = answer.Description;
            }
        }
        else
        {
            body = new JsonObject { ["ok"] = false, ["error_code"] = answer.Status, ["description"] = answer.Error };
            if (answer.RetryAfter > 0)
            {
                body["parameters"] = new JsonObject { ["retry_after"] = answer.RetryAfter };
            }
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static async Task<(JsonObject, Dictionary<string, IFormFile>)> ReadParametersAsync(HttpRequest request)
    {
        var p = new JsonObject();
        var files = new Dictionary<string, IFormFile>(StringComparer.Ordinal);
        if (request.HasJsonContentType())
        {
            var node = await JsonNode.ParseAsync(request.Body);
            if (node is JsonObject body)
            {
                p = body;
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                p[key] = Coerce(value.ToString());
            }

            foreach (var file in form.Files)
            {
                files[file.Name] = file;
            }
        }

        foreach (var (key, value) in request.Query)
        {
            p[key] ??= Coerce(value.ToString());
        }

        return (p, files);
    }

    /// <summary>Form and query values are strings; objects and arrays among them are JSON text.</summary>
    private static JsonNode? Coerce(string value)
    {
        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                return JsonValue.Create(value);
            }
        }

        return JsonValue.Create(value);
    }

    private static string? Str(JsonObject p, string key) => p[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    private static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    private static bool Bool(JsonObject p, string key) => p[key] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private JsonObject GetMe()
    {
        var me = BotUserJson();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    // ---------------------------------------------------------------- getUpdates

    private async Task<Answer?> GetUpdatesAsync(JsonObject p, CancellationToken aborted)
    {
        var offset = Long(p["offset"]);
        var limit = (int)Math.Clamp(Long(p["limit"]) ?? 100, 1, 100);
        var timeout = Math.Max(0, Long(p["timeout"]) ?? 0);
        TaskCompletionSource<bool> mine;
        DateTimeOffset deadline;
        lock (_gate)
        {
            if (_webhook is not null)
            {
                return new Answer(409, null, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            if (offset is { } o)
            {
                Confirm(o);
            }

            // Telegram answers an older long poll with 409 when a newer one arrives (two instances).
            _currentPoll?.TrySetResult(true);
            mine = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _currentPoll = mine;
            deadline = _options.Clock.GetUtcNow() + TimeSpan.FromSeconds(timeout);
            SignalWaiters();
        }

        while (true)
        {
            Task signal;
            TimeSpan remaining;
            lock (_gate)
            {
                if (mine.Task.IsCompleted)
                {
                    return mine.Task.Result
                        ? new Answer(409, null, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
                        : null;
                }

                var batch = _pendingUpdates.Take(limit).ToList();
                remaining = deadline - _options.Clock.GetUtcNow();
                if (batch.Count > 0 || remaining <= TimeSpan.Zero)
                {
                    if (_currentPoll == mine)
                    {
                        _currentPoll = null;
                    }

                    return Ok(new JsonArray([.. batch.Select(u => u.DeepClone())]));
                }

                signal = _updateQueued.Task;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var delay = Task.Delay(remaining, _options.Clock, stop.Token);
            await Task.WhenAny(signal, mine.Task, delay);
            await stop.CancelAsync();
            if (aborted.IsCancellationRequested)
            {
                lock (_gate)
                {
                    if (_currentPoll == mine)
                    {
                        _currentPoll = null;
                    }
                }

                return null;
            }
        }
    }

    /// <summary>An offset confirms every update before it: they are gone for good.</summary>
    private void Confirm(long offset)
    {
        if (offset < 0)
        {
            var keep = (int)Math.Min(-offset, _pendingUpdates.Count);
            var drop = _pendingUpdates.Count - keep;
            foreach (var u in _pendingUpdates.Take(drop))
            {
                _confirmed.Add((long)u["update_id"]!);
            }

            _pendingUpdates.RemoveRange(0, drop);
        }
        else
        {
            foreach (var u in _pendingUpdates.Where(u => (long)u["update_id"]! < offset))
            {
                _confirmed.Add((long)u["update_id"]!);
            }

            _pendingUpdates.RemoveAll(u => (long)u["update_id"]! < offset);
        }

        SignalWaiters();
    }

    // ---------------------------------------------------------------- webhooks

    private Answer SetWebhook(JsonObject p)
    {
        var url = Str(p, "url") ?? "";
        if (url.Length == 0)
        {
            _webhook = null;
            return Ok(true, "Webhook was deleted");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return Bad("bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (uri.Port is not (443 or 80 or 88 or 8443))
        {
            return Bad("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }

        var secret = Str(p, "secret_token");
        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            return Bad("secret token contains unallowed characters");
        }

        if (Bool(p, "drop_pending_updates"))
        {
            Confirm(_nextUpdateId);
        }

        _webhook = new FakeWebhook(url, secret);
        _currentPoll?.TrySetResult(true);
        return Ok(true, "Webhook was set");
    }

    private Answer DeleteWebhook(JsonObject p)
    {
        var had = _webhook is not null;
        _webhook = null;
        if (Bool(p, "drop_pending_updates"))
        {
            Confirm(_nextUpdateId);
        }

        return Ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
    }

    // ---------------------------------------------------------------- sending and editing

    /// <summary>The chat a send goes to, or the error Telegram gives for it.</summary>
    private Answer? ResolveChat(JsonObject p, out ChatState chat)
    {
        chat = null!;
        var id = Long(p["chat_id"]);
        if (id is null)
        {
            return Str(p, "chat_id") is null ? Bad("chat_id is empty") : Bad("chat not found");
        }

        if (!_chats.TryGetValue(id.Value, out var found))
        {
            return id > 0
                ? new Answer(403, null, "Forbidden: bot can't initiate conversation with a user")
                : Bad("chat not found");
        }

        if (_blocked.Contains(id.Value))
        {
            return id > 0
                ? new Answer(403, null, "Forbidden: bot was blocked by the user")
                : new Answer(403, null, "Forbidden: bot was kicked from the group chat");
        }

        chat = found;
        return null;
    }

    private static Answer? ParseText(string? text, string? parseMode, int max, bool isCaption, out string? plain, out string? html)
    {
        plain = text;
        html = null;
        if (text is null)
        {
            return isCaption ? null : Bad("message text is empty");
        }

        if (string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            if (!FakeHtml.TryParse(text, out var parsed, out var error))
            {
                return Bad(error!);
            }

            html = text;
            plain = parsed;
        }
        else if (parseMode is not null && parseMode.Length > 0 && !string.Equals(parseMode, "MarkdownV2", StringComparison.Ordinal)
                 && !string.Equals(parseMode, "Markdown", StringComparison.Ordinal))
        {
            return Bad("unsupported parse_mode");
        }

        if (!isCaption && plain!.Trim().Length == 0)
        {
            return Bad("message text is empty");
        }

        if (plain!.Length > max)
        {
            return Bad(isCaption ? "message caption is too long" : "message is too long");
        }

        return null;
    }

    /// <summary>Only inline keyboards come back on the message; force_reply and others are accepted.</summary>
    private static Answer? ParseMarkup(JsonNode? markup, out JsonArray? inlineKeyboard, out bool forceReply)
    {
        inlineKeyboard = null;
        forceReply = false;
        if (markup is null)
        {
            return null;
        }

        if (markup is not JsonObject obj)
        {
            return Bad("can't parse reply keyboard markup JSON object");
        }

        if (obj["force_reply"] is not null)
        {
            forceReply = true;
            return null;
        }

        if (obj["inline_keyboard"] is not JsonArray rows)
        {
            return obj["keyboard"] is not null || obj["remove_keyboard"] is not null
                ? null
                : Bad("can't parse reply keyboard markup JSON object");
        }

        foreach (var row in rows)
        {
            if (row is not JsonArray buttons)
            {
                return Bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
            }

            foreach (var button in buttons)
            {
                var text = (string?)button?["text"];
                if (string.IsNullOrEmpty(text))
                {
                    return Bad("can't parse inline keyboard button: Text must be non-empty");
                }

                var data = (string?)button!["callback_data"];
                var url = (string?)button["url"];
                if (data is null && url is null)
                {
                    return Bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                }

                if (data is not null && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > 64))
                {
                    return Bad("BUTTON_DATA_INVALID");
                }
            }
        }

        inlineKeyboard = (JsonArray)rows.DeepClone();
        return null;
    }

    private static bool AllowWithoutReply(JsonObject p) =>
        (p["reply_parameters"] as JsonObject)?["allow_sending_without_reply"] is JsonValue v && v.TryGetValue<bool>(out var allow) && allow;

    private static int? ReplyTarget(JsonObject p) =>
        (int?)Long((p["reply_parameters"] as JsonObject)?["message_id"]) ?? (int?)Long(p["reply_to_message_id"]);

    private Answer SendMessage(JsonObject p)
    {
        if (ResolveChat(p, out var chat) is { } chatError)
        {
            return chatError;
        }

        if (ParseText(Str(p, "text"), Str(p, "parse_mode"), MaxMessageLength, isCaption: false, out var plain, out var html) is { } textError)
        {
            return textError;
        }

        if (ParseMarkup(p["reply_markup"], out var keyboard, out var forceReply) is { } markupError)
        {
            return markupError;
        }

        var replyTo = ReplyTarget(p);
        if (replyTo is { } r && !chat.Messages.ContainsKey(r))
        {
            if (!AllowWithoutReply(p))
            {
                return Bad("message to be replied not found");
            }

            replyTo = null;
        }

        if (TryConsume(chat.Id) is { } limited)
        {
            return limited;
        }

        var message = new StoredMessage(chat.Id, chat.NextMessageId++, FromBot: true, null, Now)
        {
            Text = plain,
            Html = html,
            ReplyTo = replyTo,
            InlineKeyboard = keyboard,
            ForceReply = forceReply,
        };
        chat.Messages[message.MessageId] = message;
        return Ok(MessageJson(message, includeReply: true));
    }

    private Answer EditMessage(JsonObject p, bool editText, bool editCaption = false)
    {
        if (p["inline_message_id"] is not null)
        {
            return Bad("MESSAGE_ID_INVALID");
        }

        if (ResolveChat(p, out var chat) is { } chatError)
        {
            return chatError;
        }

        var id = Long(p["message_id"]);
        if (id is null || !chat.Messages.TryGetValue((int)id.Value, out var message) || !message.FromBot)
        {
            return Bad("message to edit not found");
        }

        string? plain = message.Text;
        string? html = message.Html;
        if (editText)
        {
            if (message.Text is null)
            {
                return Bad("there is no text in the message to edit");
            }

            if (ParseText(Str(p, "text"), Str(p, "parse_mode"), MaxMessageLength, isCaption: false, out plain, out html) is { } textError)
            {
                return textError;
            }
        }

        var caption = message.Caption;
        if (editCaption)
        {
            if (message.DocumentFileId is null && message.PhotoFileId is null)
            {
                return Bad("there is no caption in the message to edit");
            }

            if (ParseText(Str(p, "caption"), Str(p, "parse_mode"), MaxCaptionLength, isCaption: true, out caption, out _) is { } captionError)
            {
                return captionError;
            }
        }

        if (ParseMarkup(p["reply_markup"], out var keyboard, out _) is { } markupError)
        {
            return markupError;
        }

        var sameText = plain == message.Text && html == message.Html && caption == message.Caption;
        var sameMarkup = JsonNode.DeepEquals(keyboard, message.InlineKeyboard);
        if (sameText && sameMarkup)
        {
            return Bad("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }

        message.Text = plain;
        message.Html = html;
        message.Caption = caption;
        message.InlineKeyboard = keyboard;
        message.EditCount++;
        message.EditDate = Now;
        return Ok(MessageJson(message, includeReply: true));
    }

    private Answer AnswerCallbackQuery(JsonObject p)
    {
        var id = Str(p, "callback_query_id");
        if (id is null || !_callbacks.TryGetValue(id, out var state) || state.Answer is not null)
        {
            return Bad("query is too old and response timeout expired or query ID is invalid");
        }

        var text = Str(p, "text");
        if (text is not null && text.Length > 200)
        {
            return Bad("MESSAGE_TOO_LONG");
        }

        state.Answer = new FakeCallbackAnswer(text, Bool(p, "show_alert"));
        return Ok(true);
    }

    private Answer SendFile(JsonObject p, Dictionary<string, IFormFile> files, string field)
    {
        if (ResolveChat(p, out var chat) is { } chatError)
        {
            return chatError;
        }

        if (ParseText(Str(p, "caption"), Str(p, "parse_mode"), MaxCaptionLength, isCaption: true, out var caption, out _) is { } captionError)
        {
            return captionError;
        }

        if (ParseMarkup(p["reply_markup"], out var keyboard, out var forceReply) is { } markupError)
        {
            return markupError;
        }

        FakeFile? file;
        var reference = Str(p, field);
        if (files.TryGetValue(field, out var direct) || (reference is not null && reference.StartsWith("attach://", StringComparison.Ordinal)
                                                         && files.TryGetValue(reference["attach://".Length..], out direct)))
        {
            using var stream = new MemoryStream();
            direct.CopyTo(stream);
            var name = direct.FileName.Length > 0 ? direct.FileName : field == "photo" ? "photo.jpg" : "file";
            file = StoreFile(name, field == "photo" ? "image/jpeg" : direct.ContentType ?? "application/octet-stream", stream.ToArray(),
                field == "photo" ? "photos" : "documents");
        }
        else if (reference is not null && _files.TryGetValue(reference, out var existing))
        {
            file = existing;
        }
        else if (reference is null)
        {
            return Bad($"there is no {field} in the request");
        }
        else
        {
            return Bad("wrong remote file identifier specified: Wrong string length");
        }

        if (file.Content.Length == 0)
        {
            return Bad("file must be non-empty");
        }

        if (TryConsume(chat.Id) is { } limited)
        {
            return limited;
        }

        var message = new StoredMessage(chat.Id, chat.NextMessageId++, FromBot: true, null, Now)
        {
            Caption = caption,
            ReplyTo = ReplyTarget(p),
            InlineKeyboard = keyboard,
            ForceReply = forceReply,
        };
        if (field == "photo")
        {
            message.PhotoFileId = file.FileId;
        }
        else
        {
            message.DocumentFileId = file.FileId;
            message.DocumentFileName = file.FileName;
        }

        chat.Messages[message.MessageId] = message;
        return Ok(MessageJson(message, includeReply: true));
    }

    private Answer GetFile(JsonObject p)
    {
        var id = Str(p, "file_id");
        if (id is null || !_files.TryGetValue(id, out var file))
        {
            return Bad("invalid file_id");
        }

        return Ok(new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_size"] = file.Content.Length,
            ["file_path"] = file.FilePath,
        });
    }

    private async Task DownloadAsync(HttpContext context, string token, string path)
    {
        FakeFile? file = null;
        if (string.Equals(token, _options.Token, StringComparison.Ordinal))
        {
            lock (_gate)
            {
                file = _files.Values.FirstOrDefault(f => f.FilePath == path);
            }
        }
        else
        {
            await WriteAsync(context, new Answer(401, null, "Unauthorized"));
            return;
        }

        if (file is null)
        {
            await WriteAsync(context, new Answer(404, null, "Not Found"));
            return;
        }

        context.Response.ContentType = file.MimeType;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    // ---------------------------------------------------------------- commands

    private Answer? ScopeKey(JsonObject p, out string key)
    {
        key = "default";
        if (p["scope"] is JsonObject scope)
        {
            var type = (string?)scope["type"] ?? "";
            if (!ScopeTypes.Contains(type))
            {
                return Bad("can't parse BotCommandScope: wrong type");
            }

            key = type;
            if (type is "chat" or "chat_administrators" or "chat_member")
            {
                var chatId = Long(scope["chat_id"]);
                if (chatId is null || !_chats.ContainsKey(chatId.Value))
                {
                    return Bad("chat not found");
                }

                key += ":" + chatId.Value.ToString(CultureInfo.InvariantCulture);
                if (type == "chat_member")
                {
                    var userId = Long(scope["user_id"]);
                    if (userId is null)
                    {
                        return Bad("user not found");
                    }

                    key += ":" + userId.Value.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        var language = Str(p, "language_code");
        if (!string.IsNullOrEmpty(language))
        {
            key += "|" + language;
        }

        return null;
    }

    private Answer SetMyCommands(JsonObject p)
    {
        if (p["commands"] is not JsonArray commands)
        {
            return Bad("can't parse commands JSON object");
        }

        if (commands.Count > 100)
        {
            return Bad("BOT_COMMANDS_TOO_MUCH");
        }

        var parsed = new List<FakeBotCommand>();
        foreach (var c in commands)
        {
            var name = (string?)c?["command"];
            var description = (string?)c?["description"];
            if (description is null)
            {
                return Bad("can't parse BotCommand: Can't find field \"description\"");
            }

            if (name is null || !CommandName().IsMatch(name))
            {
                return Bad("BOT_COMMAND_INVALID");
            }

            if (description.Trim().Length == 0)
            {
                return Bad("command description must be non-empty");
            }

            if (description.Length > 256)
            {
                return Bad("BOT_COMMAND_DESCRIPTION_INVALID");
            }

            parsed.Add(new FakeBotCommand(name, description));
        }

        if (ScopeKey(p, out var key) is { } scopeError)
        {
            return scopeError;
        }

        if (parsed.Count == 0)
        {
            _commands.Remove(key);
        }
        else
        {
            _commands[key] = parsed;
        }

        return Ok(true);
    }

    private Answer GetMyCommands(JsonObject p)
    {
        if (ScopeKey(p, out var key) is { } scopeError)
        {
            return scopeError;
        }

        var list = _commands.GetValueOrDefault(key) ?? [];
        return Ok(new JsonArray([.. list.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]));
    }

    private Answer DeleteMyCommands(JsonObject p)
    {
        if (ScopeKey(p, out var key) is { } scopeError)
        {
            return scopeError;
        }

        _commands.Remove(key);
        return Ok(true);
    }

    // ---------------------------------------------------------------- rate limits

    /// <summary>Null when the message may go; otherwise the 429 Telegram would answer. Nothing is
    /// consumed by a refused send.</summary>
    private Answer? TryConsume(long chatId)
    {
        if (_options.RateLimits is not { } limits)
        {
            return null;
        }

        var now = _options.Clock.GetUtcNow();
        while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
        {
            _globalWindow.Dequeue();
        }

        if (_globalWindow.Count >= limits.GlobalPerSecond)
        {
            return TooMany(_globalWindow.Peek() + TimeSpan.FromSeconds(1) - now);
        }

        Queue<DateTimeOffset>? group = null;
        if (chatId < 0)
        {
            group = _groupWindows.TryGetValue(chatId, out var g) ? g : _groupWindows[chatId] = new Queue<DateTimeOffset>();
            while (group.Count > 0 && now - group.Peek() >= TimeSpan.FromMinutes(1))
            {
                group.Dequeue();
            }

            if (group.Count >= limits.GroupPerMinute)
            {
                return TooMany(group.Peek() + TimeSpan.FromMinutes(1) - now);
            }
        }

        var (tokens, at) = _chatBuckets.TryGetValue(chatId, out var bucket) ? bucket : (limits.PerChatBurst, now);
        tokens = Math.Min(limits.PerChatBurst, tokens + ((now - at).TotalSeconds * limits.PerChatPerSecond));
        if (tokens < 1)
        {
            _chatBuckets[chatId] = (tokens, now);
            return TooMany(TimeSpan.FromSeconds((1 - tokens) / limits.PerChatPerSecond));
        }

        _chatBuckets[chatId] = (tokens - 1, now);
        _globalWindow.Enqueue(now);
        group?.Enqueue(now);
        return null;
    }

    private static Answer TooMany(TimeSpan wait)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        return new Answer(429, null, $"Too Many Requests: retry after {seconds}", seconds);
    }
}
