using DoSon.Bot.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>Zalo as a chat platform: plain text, the reply's buttons as commands to type, long answers
/// split at line breaks, and Zalo's errors turned into <see cref="DeliveryFailedException"/>. Zalo has
/// no replies to a message, so nothing is remembered about what was sent.</summary>
public sealed class ZaloChannel(ZaloBotClient client, IOptions<ZaloOptions> options, ILogger<ZaloChannel> logger) : IChatChannel
{
    public const string ChannelName = "zalo";

    public string Name => ChannelName;

    public string? ChatIdOf(Member member) => member.ZaloUserId;

    public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ZaloSentMessage? last = null;
        foreach (var part in ZaloFormat.Render(message.Content))
        {
            last = await SendPartAsync(message.ChatId, part, cancellationToken);
        }

        return new SentMessage(message.ChatId, last!.MessageId);
    }

    /// <summary>One message of at most 2000 characters.</summary>
    public async Task<ZaloSentMessage> SendPartAsync(string chatId, string text, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendMessageAsync(chatId, text, cancellationToken);
        }
        catch (ZaloApiException ex)
        {
            throw Map(ex);
        }
    }

    /// <summary>Zalo's errors in the outbox's terms. Zalo publishes no rate limits and no retry time,
    /// so a 429 waits Zalo:RateLimitedWaitSeconds.</summary>
    public DeliveryFailedException Map(ZaloApiException ex)
    {
        var message = client.Redact(ex.Message);
        switch (ex.ErrorCode)
        {
            case 429:
                return new DeliveryFailedException(DeliveryFailureKind.RateLimited, message,
                    TimeSpan.FromSeconds(options.Value.RateLimitedWaitSeconds), ex);
            case 401:
                logger.LogCritical("Zalo từ chối token (401 Unauthorized): hãy kiểm tra Zalo:BotToken. Không tin nhắn nào gửi được cho tới khi sửa.");
                return new DeliveryFailedException(DeliveryFailureKind.Permanent, message, inner: ex);
            case 403:
                return new DeliveryFailedException(DeliveryFailureKind.Blocked, message, inner: ex);
            case null or 408 or >= 500:
                return new DeliveryFailedException(DeliveryFailureKind.Transient, message, inner: ex);
            case >= 400:
                return new DeliveryFailedException(DeliveryFailureKind.Permanent, message, inner: ex);
            default:
                return new DeliveryFailedException(DeliveryFailureKind.Transient, message, inner: ex);
        }
    }
}
