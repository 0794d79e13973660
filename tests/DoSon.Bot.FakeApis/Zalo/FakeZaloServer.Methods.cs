using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DoSon.Bot.FakeApis.Zalo;

public sealed partial class FakeZaloServer
{
    private sealed record Answer(int? ErrorCode, JsonNode? Result, string? Description);

    private static Answer Ok(JsonNode? result) => new(null, result, null);

    private static Answer Error(int code, string description) => new(code, null, description);

    private static Answer Bad(string error) => Error(400, "Bad Request: " + error);

    /// <summary>{base}/bot{token}/{method}; anything else is 404.</summary>
    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (Telegram.FakeTelegramServer.IsChunked(context.Request))
        {
            // Stricter than Zalo is known to be, on purpose: the bot sends every body with a
            // Content-Length (as a self-hosted telegram-bot-api requires), and a regression shows here too.
            Record(path[(path.LastIndexOf('/') + 1)..], [], Error(400, ChunkedRefusal));
            context.Response.StatusCode = 400;
            return;
        }

        var rest = path.StartsWith("/bot", StringComparison.Ordinal) ? path["/bot".Length..] : null;
        var slash = rest?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (rest is null || slash <= 0 || slash == rest.Length - 1 || rest[(slash + 1)..].Contains('/', StringComparison.Ordinal))
        {
            await WriteAsync(context, Error(404, "Not Found"));
            return;
        }

        var token = rest[..slash];
        var method = rest[(slash + 1)..];
        if (!string.Equals(token, _options.Token, StringComparison.Ordinal))
        {
            var refused = Error(401, "Unauthorized");
            Record(method, [], refused);
            await WriteAsync(context, refused);
            return;
        }

        JsonObject p;
        try
        {
            p = await ReadParametersAsync(context.Request);
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
            injection = _injections.FirstOrDefault(i => i.Left > 0 && (i.Method is null || string.Equals(i.Method, method, StringComparison.Ordinal)));
            if (injection is not null)
            {
                injection.Left--;
            }
        }

        if (injection is { Hang: true })
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it would with Zalo.
            }

            Record(method, p, Error(0, "no answer (held until the client gave up)"));
            return;
        }

        Answer answer;
        if (injection is not null)
        {
            answer = Error(injection.ErrorCode, Describe(injection.ErrorCode));
        }
        else if (method == "getUpdates")
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
                answer = Dispatch(method, p);
            }
        }

        Record(method, p, answer);
        await WriteAsync(context, answer);
    }

    /// <summary>What <see cref="FakeZaloCall.Description"/> says of a call refused for its chunked body.</summary>
    public const string ChunkedRefusal = "chunked body refused with an empty answer (no Content-Length)";

    // Method names are case-sensitive on Zalo.
    private Answer Dispatch(string method, JsonObject p) => method switch
    {
        "getMe" => Ok(new JsonObject
        {
            ["id"] = BotId,
            ["account_name"] = _options.BotName,
            ["account_type"] = "BASIC",
            ["can_join_groups"] = false,
        }),
        "sendMessage" => SendMessage(p),
        "sendPhoto" => SendPhoto(p),
        "sendChatAction" => SendChatAction(p),
        "setWebhook" => SetWebhook(p),
        "deleteWebhook" => DeleteWebhook(),
        "getWebhookInfo" => Ok(new JsonObject { ["url"] = _webhook?.Url ?? "", ["updated_at"] = _webhookUpdatedAt }),
        _ => Error(404, "Not Found"),
    };

    private void Record(string method, JsonObject p, Answer answer)
    {
        lock (_gate)
        {
            _calls.Add(new FakeZaloCall(method, (JsonObject)p.DeepClone(), HttpStatus(answer), answer.ErrorCode, answer.Description));
            SignalWaiters();
        }
    }

    private int HttpStatus(Answer answer) => answer.ErrorCode is { } code && !_options.ErrorsAsHttp200 ? code : 200;

    private async Task WriteAsync(HttpContext context, Answer answer)
    {
        var body = answer.ErrorCode is { } code
            ? new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = answer.Description }
            : answer.Result is null
                ? new JsonObject { ["ok"] = true }
                : new JsonObject { ["ok"] = true, ["result"] = answer.Result.DeepClone() };
        context.Response.StatusCode = HttpStatus(answer);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        var p = new JsonObject();
        if (request.HasJsonContentType())
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject body)
            {
                p = body;
            }
        }
        else if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                p[key] = value.ToString();
            }
        }

        foreach (var (key, value) in request.Query)
        {
            p[key] ??= value.ToString();
        }

        return p;
    }

    private static string Describe(int code) => code switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request timeout",
        429 => "Quota exceeded",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error " + code.ToString(CultureInfo.InvariantCulture),
    };

    // ---------------------------------------------------------------- getUpdates

    private async Task<Answer?> GetUpdatesAsync(JsonObject p, CancellationToken aborted)
    {
        var timeout = p["timeout"] switch
        {
            null => 30,
            JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            JsonValue v when v.TryGetValue<int>(out var n) => n,
            _ => -1,
        };
        if (timeout < 0)
        {
            return Bad("timeout must be a number of seconds");
        }

        DateTimeOffset deadline;
        lock (_gate)
        {
            if (_webhook is not null)
            {
                return Bad("getUpdates is not available while a webhook is set; use deleteWebhook first");
            }

            deadline = _options.Clock.GetUtcNow() + TimeSpan.FromSeconds(timeout);
            _pollsWaiting++;
            SignalWaiters();
        }

        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
            while (true)
            {
                Task signal;
                TimeSpan remaining;
                lock (_gate)
                {
                    if (stop.IsCancellationRequested)
                    {
                        // The client is gone: nothing is handed to a dead connection.
                        return null;
                    }

                    if (_pending.Count > 0)
                    {
                        // One update per call, and no offset: handed out is delivered.
                        var update = _pending[0];
                        _pending.RemoveAt(0);
                        _delivered.Add(update);
                        return Ok(update.DeepClone());
                    }

                    remaining = deadline - _options.Clock.GetUtcNow();
                    if (remaining <= TimeSpan.Zero)
                    {
                        return Error(408, "Request timeout");
                    }

                    signal = _updateQueued.Task;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var delay = Task.Delay(remaining, _options.Clock, wait.Token);
                await Task.WhenAny(signal, delay);
                await wait.CancelAsync();
                if (stop.IsCancellationRequested)
                {
                    return null;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _pollsWaiting--;
                SignalWaiters();
            }
        }
    }

    // ---------------------------------------------------------------- sending

    /// <summary>The chat a send goes to, or the error for it. chat_id is a string on Zalo.</summary>
    private Answer? ResolveChat(JsonObject p, out string chatId)
    {
        chatId = "";
        if (p["chat_id"] is not JsonValue value || !value.TryGetValue<string>(out var id) || id.Length == 0)
        {
            return Bad("chat_id is required and must be a string");
        }

        if (_blocked.Contains(id))
        {
            return Error(403, "Forbidden: the user has blocked the bot");
        }

        if (!_knownChats.Contains(id))
        {
            return Bad("chat not found");
        }

        chatId = id;
        return null;
    }

    private Answer SendMessage(JsonObject p)
    {
        if (ResolveChat(p, out var chatId) is { } chatError)
        {
            return chatError;
        }

        var text = p["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxMessageLength)
        {
            return Bad("text must be 1-2000 characters");
        }

        if (TryConsume(chatId) is { } limited)
        {
            return limited;
        }

        var message = new FakeZaloMessage(chatId, NextMessageId(), text, NowMs);
        if (!_sent.TryGetValue(chatId, out var list))
        {
            _sent[chatId] = list = [];
        }

        list.Add(message);
        return Ok(new JsonObject { ["message_id"] = message.MessageId, ["date"] = message.Date });
    }

    /// <summary>A photo by its address (Zalo fetches it; a test fetches it from the bot itself).</summary>
    private Answer SendPhoto(JsonObject p)
    {
        if (ResolveChat(p, out var chatId) is { } chatError)
        {
            return chatError;
        }

        var photo = p["photo"] is JsonValue ph && ph.TryGetValue<string>(out var url) ? url : null;
        if (photo is null || !Uri.TryCreate(photo, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Bad("photo must be the address of a picture");
        }

        var caption = p["caption"] is JsonValue c && c.TryGetValue<string>(out var cs) ? cs : "";
        if (caption.Length > MaxMessageLength)
        {
            return Bad("caption must be at most 2000 characters");
        }

        if (TryConsume(chatId) is { } limited)
        {
            return limited;
        }

        var message = new FakeZaloMessage(chatId, NextMessageId(), caption, NowMs, photo);
        if (!_sent.TryGetValue(chatId, out var list))
        {
            _sent[chatId] = list = [];
        }

        list.Add(message);
        return Ok(new JsonObject { ["message_id"] = message.MessageId, ["date"] = message.Date });
    }

    private Answer SendChatAction(JsonObject p)
    {
        if (ResolveChat(p, out _) is { } chatError)
        {
            return chatError;
        }

        return p["action"] is JsonValue a && a.TryGetValue<string>(out var action) && action == "typing"
            ? Ok(null)
            : Bad("action must be typing");
    }

    /// <summary>Sliding windows on the server's clock: per chat and overall.</summary>
    private Answer? TryConsume(string chatId)
    {
        if (_options.RateLimits is not { } limits)
        {
            return null;
        }

        var now = _options.Clock.GetUtcNow();
        while (_recentSends.Count > 0 && now - _recentSends.Peek().At >= limits.WindowLength)
        {
            _recentSends.Dequeue();
        }

        if (_recentSends.Count >= limits.Overall || _recentSends.Count(s => s.ChatId == chatId) >= limits.PerChat)
        {
            return Error(429, "Quota exceeded");
        }

        _recentSends.Enqueue((now, chatId));
        return null;
    }

    // ---------------------------------------------------------------- webhooks

    private Answer SetWebhook(JsonObject p)
    {
        var url = (string?)p["url"];
        var secret = (string?)p["secret_token"];
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return Bad("url must be an https address");
        }

        if (secret is null || secret.Length is < 8 or > 256)
        {
            return Bad("secret_token must be 8-256 characters");
        }

        _webhook = new FakeZaloWebhook(url, secret);
        _webhookUpdatedAt = NowMs;
        return Ok(new JsonObject { ["url"] = url, ["updated_at"] = _webhookUpdatedAt });
    }

    private Answer DeleteWebhook()
    {
        _webhook = null;
        _webhookUpdatedAt = NowMs;
        return Ok(new JsonObject { ["url"] = "", ["updated_at"] = _webhookUpdatedAt });
    }
}
