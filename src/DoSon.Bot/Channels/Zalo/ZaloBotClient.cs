using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>A Zalo Bot API call that failed.</summary>
/// <param name="ErrorCode">Zalo's error_code (or the HTTP status when the answer had none): 400, 401,
/// 403, 404, 408, 429, 5xx. Null when no usable answer came at all (network, time-out, a body that is
/// not the Bot API's).</param>
public sealed class ZaloApiException(int? errorCode, string description, Exception? inner = null)
    : Exception(errorCode is { } code ? string.Create(CultureInfo.InvariantCulture, $"Zalo {code}: {description}") : "Zalo: " + description, inner)
{
    public int? ErrorCode { get; } = errorCode;

    public string Description { get; } = description;
}

/// <summary>The Zalo Bot API (bot.zaloplatforms.com/docs), the methods DoSon.Bot uses: POST with a
/// JSON body to {base}/bot{token}/{method}, answers {ok, result} or {ok:false, error_code, description}.
/// There is no official .NET client; this is ours, kept small. Two HttpClients, as for Telegram: a
/// long poll must be allowed to wait PollTimeoutSeconds while a message that takes that long counts as
/// failed. Both are ours and log nothing: the request URL contains the token, and the default
/// HttpClient logging would write it to the log. No exception message carries the URL. Bodies are
/// buffered (<see cref="BufferedContentHandler"/>) so every request carries a Content-Length.</summary>
public sealed class ZaloBotClient : IDisposable
{
    private readonly HttpClient _sendHttp;
    private readonly HttpClient _pollHttp;
    private readonly string _token;
    private readonly string _baseUrl;

    public ZaloBotClient(IOptions<ZaloOptions> options)
    {
        var settings = options.Value;
        _token = settings.BotToken!.Trim();
        _baseUrl = settings.EffectiveBaseUrl;
        _sendHttp = new HttpClient(BufferedContentHandler.OverSockets())
        {
            Timeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
        };
        _pollHttp = new HttpClient(BufferedContentHandler.OverSockets())
        {
            Timeout = TimeSpan.FromSeconds(settings.PollTimeoutSeconds + 15),
        };
    }

    public Task<ZaloBotInfo> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync<ZaloBotInfo>(_sendHttp, "getMe", new { }, cancellationToken);

    /// <summary>Waits up to <paramref name="timeoutSeconds"/> for the next update. Null when the wait
    /// ended with nothing new (Zalo says 408). There is no offset: what was handed out is gone.</summary>
    public async Task<ZaloUpdate?> GetUpdatesAsync(int timeoutSeconds, CancellationToken cancellationToken)
    {
        try
        {
            // The documentation's parameter table gives the timeout as a string.
            var result = await CallAsync<JsonElement>(_pollHttp, "getUpdates",
                new { timeout = timeoutSeconds.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
            return result.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : ZaloUpdate.Parse(result);
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == 408)
        {
            return null;
        }
        catch (JsonException ex)
        {
            throw new ZaloApiException(null, "cập nhật không đọc được: " + ex.Message, ex);
        }
    }

    /// <summary>Plain text, 1-2000 characters (the caller splits longer text).</summary>
    public Task<ZaloSentMessage> SendMessageAsync(string chatId, string text, CancellationToken cancellationToken) =>
        CallAsync<ZaloSentMessage>(_sendHttp, "sendMessage", new { chat_id = chatId, text }, cancellationToken);

    /// <summary>A picture by its address (Zalo fetches it; there is no upload), with a caption.</summary>
    public Task<ZaloSentMessage> SendPhotoAsync(string chatId, string photoUrl, string? caption, CancellationToken cancellationToken) =>
        CallAsync<ZaloSentMessage>(_sendHttp, "sendPhoto", new { chat_id = chatId, photo = photoUrl, caption }, cancellationToken);

    /// <summary>Webhook mode: Zalo posts every update to <paramref name="url"/> (https) with
    /// <paramref name="secretToken"/> in the header X-Bot-Api-Secret-Token; getUpdates stops working.</summary>
    public Task<JsonElement> SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken) =>
        CallAsync<JsonElement>(_sendHttp, "setWebhook", new { url, secret_token = secretToken }, cancellationToken);

    public Task<ZaloWebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken) =>
        CallAsync<ZaloWebhookInfo>(_sendHttp, "getWebhookInfo", new { }, cancellationToken);

    public Task<JsonElement> DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync<JsonElement>(_sendHttp, "deleteWebhook", new { }, cancellationToken);

    /// <summary>Removes the token (and its secret part on its own) from a text before it is logged.</summary>
    public string Redact(string text)
    {
        var secret = _token[(_token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return text.Replace(_token, "<token>", StringComparison.Ordinal).Replace(secret, "<token>", StringComparison.Ordinal);
    }

    private async Task<T> CallAsync<T>(HttpClient http, string method, object parameters, CancellationToken cancellationToken)
    {
        int status;
        string body;
        try
        {
            using var response = await http.PostAsJsonAsync($"{_baseUrl}/bot{_token}/{method}", parameters, cancellationToken);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ZaloApiException(null, "hết thời gian chờ.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ZaloApiException(null, "lỗi mạng: " + Redact(ex.Message), ex);
        }

        JsonDocument? document = null;
        try
        {
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // A proxy's HTML page, an empty body: judged by the HTTP status alone.
            }

            var root = document?.RootElement;
            if (root is { ValueKind: JsonValueKind.Object } envelope && envelope.TryGetProperty("ok", out var ok))
            {
                if (ok.ValueKind == JsonValueKind.True)
                {
                    var result = envelope.TryGetProperty("result", out var r) ? r : default;
                    // Some answers are {ok:true} alone (sendChatAction, and maybe deleteWebhook).
                    return typeof(T) == typeof(JsonElement)
                        ? (T)(object)(result.ValueKind == JsonValueKind.Undefined ? default : result.Clone())
                        : result.ValueKind == JsonValueKind.Object
                            ? result.Deserialize<T>(ZaloJson.Options)!
                            : throw new ZaloApiException(null, $"{method}: câu trả lời thiếu kết quả.");
                }

                var code = envelope.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
                var description = envelope.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
                code ??= status is >= 400 ? status : null;
                throw new ZaloApiException(code, Redact(description.Length > 0 ? description : $"{method} thất bại (HTTP {status})."));
            }

            throw new ZaloApiException(status >= 400 ? status : null, $"{method}: câu trả lời không phải của Zalo Bot API (HTTP {status}).");
        }
        catch (JsonException ex)
        {
            throw new ZaloApiException(null, $"{method}: câu trả lời không đọc được: {ex.Message}", ex);
        }
        finally
        {
            document?.Dispose();
        }
    }

    public void Dispose()
    {
        _sendHttp.Dispose();
        _pollHttp.Dispose();
    }
}
