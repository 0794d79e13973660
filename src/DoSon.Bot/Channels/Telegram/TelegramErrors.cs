using System.Globalization;
using System.Net;
using Telegram.Bot.Exceptions;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Telegram.Bot's exceptions in the outbox's terms. The messages are built here from the
/// error code and Telegram's description, which never contain the token.</summary>
public static class TelegramErrors
{
    /// <summary>When Telegram says 429 without a retry_after, wait this long.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The delivery failure an exception from a Telegram call means, or null when the
    /// exception is not about delivery (a cancellation, a bug).</summary>
    public static DeliveryFailedException? Map(Exception exception) => exception switch
    {
        ApiRequestException { ErrorCode: 429 } api => new DeliveryFailedException(
            DeliveryFailureKind.RateLimited,
            Describe(api),
            api.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultRetryAfter,
            api),
        ApiRequestException { ErrorCode: 403 } api => new DeliveryFailedException(DeliveryFailureKind.Blocked, Describe(api), inner: api),
        ApiRequestException { ErrorCode: >= 500 } api => new DeliveryFailedException(DeliveryFailureKind.Transient, Describe(api), inner: api),
        ApiRequestException { ErrorCode: >= 400 } api => new DeliveryFailedException(DeliveryFailureKind.Permanent, Describe(api), inner: api),
        ApiRequestException api => new DeliveryFailedException(DeliveryFailureKind.Transient, Describe(api), inner: api),
        // A response Telegram.Bot could not read: a 4xx without a body is the request's fault, anything
        // else (5xx from a proxy, a cut connection, a time-out) may pass on a later try.
        RequestException { HttpStatusCode: { } status } request when (int)status is >= 400 and < 500 and not 429 =>
            new DeliveryFailedException(DeliveryFailureKind.Permanent, $"Telegram: HTTP {(int)status} ({request.Message})", inner: request),
        RequestException request => new DeliveryFailedException(DeliveryFailureKind.Transient, $"Telegram: {request.Message}", inner: request),
        HttpRequestException http => new DeliveryFailedException(DeliveryFailureKind.Transient, $"Telegram: {http.Message}", inner: http),
        TimeoutException timeout => new DeliveryFailedException(DeliveryFailureKind.Transient, "Telegram: hết thời gian chờ.", inner: timeout),
        _ => null,
    };

    private static string Describe(ApiRequestException api) =>
        string.Create(CultureInfo.InvariantCulture, $"Telegram {api.ErrorCode}: {api.Message}");

    public static bool IsNotModified(ApiRequestException api) =>
        api.ErrorCode == (int)HttpStatusCode.BadRequest && api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);
}
