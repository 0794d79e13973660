using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Telegram as a chat platform: HTML with every piece of text escaped, the reply's buttons as
/// an inline keyboard under the last part, long answers split at line breaks (the outbox sends the
/// parts one by one), and Telegram's errors turned into <see cref="DeliveryFailedException"/>. It remembers which message is about which tasks,
/// so that a reply to a reminder lands on the right task.</summary>
public sealed class TelegramChannel(TelegramApi api, ITelegramStore store, TimeProvider time) : IChatChannel
{
    public const string ChannelName = "telegram";

    /// <summary>The platform's name as people read it (logs, /readyz).</summary>
    public const string DisplayName = "Telegram";

    public string Name => ChannelName;

    public string? ChatIdOf(Member member) =>
        member.TelegramUserId?.ToString(CultureInfo.InvariantCulture);

    /// <summary>One Telegram message: a part of a long reply (see <see cref="Split"/>), or a short
    /// message whole. Called by the outbox only.</summary>
    public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            throw new DeliveryFailedException(DeliveryFailureKind.Permanent, $"«{message.ChatId}» không phải mã cuộc trò chuyện Telegram.");
        }

        if (message.Part is null && TelegramFormat.Split(message.Content.Text).Count > 1)
        {
            throw new InvalidOperationException("A long message must be split by the outbox (IChatChannel.Split) before it is sent.");
        }

        var part = message.Part ?? new MessagePart(1, 1, message.Content.Text);
        int? replyTo = part.IsFirst && int.TryParse(message.ReplyTo, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        var markup = part.IsLast ? TelegramFormat.Keyboard(message.Content.Buttons) : null;
        var sent = await SendHtmlAsync(chatId, TelegramFormat.Escape(part.Text), markup, replyTo, cancellationToken);
        if (message.TaskCodes is { Count: > 0 } codes)
        {
            await store.RecordMessageAsync(new TelegramMessageRecord(chatId, sent.Id, codes, TelegramMessagePurpose.Tasks), time.GetUtcNow(), cancellationToken);
        }

        return new SentMessage(message.ChatId, sent.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A reply longer than Telegram allows, in parts cut at line breaks; the buttons go under
    /// the last one, the reply-to on the first.</summary>
    public IReadOnlyList<OutgoingMessage> Split(OutgoingMessage message)
    {
        var texts = TelegramFormat.Split(message.Content.Text);
        return [.. texts.Select((text, i) => message with { Part = new MessagePart(i + 1, texts.Count, text) })];
    }

    /// <summary>One message whose text is already HTML (escaped by the caller), with any kind of markup.</summary>
    internal async Task<Message> SendHtmlAsync(long chatId, string html, ReplyMarkup? markup, int? replyTo, CancellationToken cancellationToken)
    {
        try
        {
            return await api.Client.SendMessage(
                chatId,
                html,
                ParseMode.Html,
                replyParameters: replyTo is { } r ? new ReplyParameters { MessageId = r, AllowSendingWithoutReply = true } : null,
                replyMarkup: markup,
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw TelegramErrors.Map(ex) ?? new DeliveryFailedException(DeliveryFailureKind.Transient, "Telegram: " + ex.Message, inner: ex);
        }
    }
}
