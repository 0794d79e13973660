using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
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

    /// <summary>One Zalo message of at most 2000 characters: a part (see <see cref="Split"/>) or a short
    /// message whole. Called by the outbox only.</summary>
    public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        string text;
        if (message.Part is { } part)
        {
            text = part.Text;
        }
        else
        {
            var parts = ZaloFormat.Render(message.Content);
            if (parts.Count > 1)
            {
                throw new InvalidOperationException("A long message must be split by the outbox (IChatChannel.Split) before it is sent.");
            }

            text = parts[0];
        }

        try
        {
            var sent = await client.SendMessageAsync(message.ChatId, text, cancellationToken);
            return new SentMessage(message.ChatId, sent.MessageId);
        }
        catch (ZaloApiException ex)
        {
            throw Map(ex);
        }
    }

    /// <summary>A picture by its address (Zalo fetches it), with a caption. Called through the outbox
    /// (OutboxSender.RunAsync), so it shares Zalo's pace and its 429 pause.</summary>
    public async Task<SentMessage> SendPhotoAsync(string chatId, string photoUrl, string caption, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await client.SendPhotoAsync(chatId, photoUrl, caption, cancellationToken);
            return new SentMessage(chatId, sent.MessageId);
        }
        catch (ZaloApiException ex)
        {
            throw Map(ex);
        }
    }

    /// <summary>The reply as Zalo shows it (buttons as commands to type), in parts of at most 2000 characters.</summary>
    public IReadOnlyList<OutgoingMessage> Split(OutgoingMessage message)
    {
        var texts = ZaloFormat.Render(message.Content);
        return [.. texts.Select((text, i) => message with { Part = new MessagePart(i + 1, texts.Count, text) })];
    }

    /// <summary>Zalo publishes no limits: its own conservative pace (Zalo:PerSecond, Zalo:PerChatPerSecond),
    /// the shared retry settings.</summary>
    public OutboxOptions Pace(OutboxOptions defaults) => new()
    {
        PerSecond = options.Value.PerSecond,
        PerChatPerSecond = options.Value.PerChatPerSecond,
        PerGroupPerMinute = defaults.PerGroupPerMinute,
        MaxParts = defaults.MaxParts,
        MaxTries = defaults.MaxTries,
        BaseDelaySeconds = defaults.BaseDelaySeconds,
        MaxDelaySeconds = defaults.MaxDelaySeconds,
        SafetyMarginMilliseconds = defaults.SafetyMarginMilliseconds,
    };

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
