using System.Globalization;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Telegram as a chat platform: HTML with every piece of text escaped, the reply's buttons as
/// an inline keyboard under the last part, long answers split at line breaks, and Telegram's errors
/// turned into <see cref="DeliveryFailedException"/>. It remembers which message is about which tasks,
/// so that a reply to a reminder lands on the right task.</summary>
public sealed class TelegramChannel(TelegramApi api, ITelegramStore store, TimeProvider time) : IChatChannel
{
    public const string ChannelName = "telegram";

    public string Name => ChannelName;

    public string? ChatIdOf(Member member) =>
        member.TelegramUserId?.ToString(CultureInfo.InvariantCulture);

    public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            throw new DeliveryFailedException(DeliveryFailureKind.Permanent, $"«{message.ChatId}» không phải mã cuộc trò chuyện Telegram.");
        }

        var sent = await SendReplyAsync(chatId, message.Content, message.TaskCodes, replyTo: null, cancellationToken);
        return new SentMessage(message.ChatId, sent[^1].ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Sends a reply (in several messages when it is longer than Telegram allows) and returns
    /// the ids of the messages, in order. The buttons go under the last one.</summary>
    public async Task<IReadOnlyList<int>> SendReplyAsync(long chatId, Reply reply, IReadOnlyList<string>? taskCodes, int? replyTo, CancellationToken cancellationToken)
    {
        var parts = TelegramFormat.Split(reply.Text);
        var ids = new List<int>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var markup = i == parts.Count - 1 ? TelegramFormat.Keyboard(reply.Buttons) : null;
            var sent = await SendHtmlAsync(chatId, TelegramFormat.Escape(parts[i]), markup, i == 0 ? replyTo : null, cancellationToken);
            ids.Add(sent.Id);
            if (taskCodes is { Count: > 0 })
            {
                store.RecordMessage(new TelegramMessageRecord(chatId, sent.Id, taskCodes, TelegramMessagePurpose.Tasks), time.GetUtcNow());
            }
        }

        return ids;
    }

    /// <summary>A document (sent as multipart) with a plain-text caption, escaped here, and the buttons
    /// under it.</summary>
    public async Task<Message> SendDocumentAsync(long chatId, string fileName, byte[] content, string caption, IReadOnlyList<IReadOnlyList<ReplyButton>> buttons, int? replyTo, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return await api.Client.SendDocument(
                chatId,
                InputFile.FromStream(stream, fileName),
                caption: TelegramFormat.Escape(caption),
                parseMode: ParseMode.Html,
                replyParameters: replyTo is { } r ? new ReplyParameters { MessageId = r, AllowSendingWithoutReply = true } : null,
                replyMarkup: TelegramFormat.Keyboard(buttons),
                cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw TelegramErrors.Map(ex) ?? new DeliveryFailedException(DeliveryFailureKind.Transient, "Telegram: " + ex.Message, inner: ex);
        }
    }

    /// <summary>One message whose text is already HTML (escaped by the caller).</summary>
    public async Task<Message> SendHtmlAsync(long chatId, string html, ReplyMarkup? markup, int? replyTo, CancellationToken cancellationToken)
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
