using System.Globalization;
using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Telegram's side of the outbox: every call that puts something in front of a person
/// (messages, documents, edits, a tap's answer) is made here, through the one Telegram sender, so
/// all of it shares Telegram's limits and its 429 pause. Answers and what follows a tap go in the
/// interactive lane; digests and other background traffic say so. Nothing here throws for a
/// delivery problem: it is logged, and the caller learns whether it went out.</summary>
public sealed class TelegramOutbox(TelegramApi api, TelegramChannel channel, ChatOutbox outbox, ILogger<TelegramOutbox> logger)
{
    private OutboxSender? _sender;

    private OutboxSender Sender => _sender ??= outbox.For(TelegramChannel.ChannelName);

    /// <summary>Answers a person in the interactive lane; in a group, as a reply to their message.</summary>
    public Task<DeliveryOutcome> AnswerAsync(long chatId, Reply reply, IReadOnlyList<string>? taskCodes, int? replyTo, CancellationToken cancellationToken) =>
        SendAsync(chatId, reply, taskCodes, replyTo, OutboxLane.Interactive, cancellationToken);

    public async Task<DeliveryOutcome> SendAsync(long chatId, Reply reply, IReadOnlyList<string>? taskCodes, int? replyTo, OutboxLane lane, CancellationToken cancellationToken)
    {
        var message = new OutgoingMessage(Id(chatId), reply, taskCodes)
        {
            ReplyTo = replyTo?.ToString(CultureInfo.InvariantCulture),
        };
        var outcome = await Sender.SendAsync(message, lane, cancellationToken);
        if (reply.Picture is { } picture && outcome.Status == DeliveryStatus.Sent)
        {
            await SendPhotoAsync(chatId, picture, replyTo, cancellationToken);
        }
        if (outcome.Status is DeliveryStatus.Failed or DeliveryStatus.Blocked)
        {
            logger.LogWarning("Không gửi được tin tới cuộc trò chuyện {Chat} ({Sent}/{Parts} phần đã gửi): {Status} {Error}",
                chatId, outcome.PartsSent, outcome.Parts, outcome.Status, api.Redact(outcome.Error ?? ""));
        }

        return outcome;
    }

    /// <summary>A picture under an answer (sent as multipart), with its plain-text caption escaped here.</summary>
    public async Task<Message?> SendPhotoAsync(long chatId, ReplyPicture picture, int? replyTo, CancellationToken cancellationToken) =>
        await CallAsync(Id(chatId), "sendPhoto", async ct =>
        {
            using var stream = new MemoryStream(picture.Png, writable: false);
            return await api.Client.SendPhoto(
                chatId,
                InputFile.FromStream(stream, picture.FileName),
                caption: TelegramFormat.Escape(picture.Caption),
                parseMode: ParseMode.Html,
                replyParameters: replyTo is { } r ? new ReplyParameters { MessageId = r, AllowSendingWithoutReply = true } : null,
                cancellationToken: ct);
        }, cancellationToken) as Message;

    /// <summary>A document (sent as multipart) with a plain-text caption, escaped here, and the buttons under it.</summary>
    public async Task<Message?> SendDocumentAsync(long chatId, string fileName, byte[] content, string caption, IReadOnlyList<IReadOnlyList<ReplyButton>> buttons, int? replyTo, CancellationToken cancellationToken) =>
        await CallAsync(Id(chatId), "sendDocument", async ct =>
        {
            using var stream = new MemoryStream(content, writable: false);
            return await api.Client.SendDocument(
                chatId,
                InputFile.FromStream(stream, fileName),
                caption: TelegramFormat.Escape(caption),
                parseMode: ParseMode.Html,
                replyParameters: replyTo is { } r ? new ReplyParameters { MessageId = r, AllowSendingWithoutReply = true } : null,
                replyMarkup: TelegramFormat.Keyboard(buttons),
                cancellationToken: ct);
        }, cancellationToken) as Message;

    /// <summary>One message with markup other than buttons (a prompt that asks for a reply).</summary>
    public async Task<Message?> SendPromptAsync(long chatId, string text, ReplyMarkup markup, int? replyTo, CancellationToken cancellationToken) =>
        await CallAsync(Id(chatId), "sendMessage", async ct => await channel.SendHtmlAsync(chatId, TelegramFormat.Escape(text), markup, replyTo, ct), cancellationToken) as Message;

    /// <summary>Answers a tap, so the button stops spinning. It counts only against the overall rate,
    /// not the chat's: the edit that follows is not held back by it.</summary>
    public async Task AnswerCallbackAsync(string queryId, string? text, bool alert, CancellationToken cancellationToken) =>
        await CallAsync("callback:" + queryId, "answerCallbackQuery", async ct =>
        {
            await api.Client.AnswerCallbackQuery(queryId, text, alert, cancellationToken: ct);
            return null;
        }, cancellationToken);

    /// <summary>Replaces a message's text (already plain; escaped here) and keyboard. "Not modified" (two
    /// quick taps) counts as done.</summary>
    public async Task EditTextAsync(long chatId, int messageId, string text, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        await CallAsync(Id(chatId), "editMessageText", async ct =>
        {
            await api.Client.EditMessageText(chatId, messageId, TelegramFormat.Escape(text), ParseMode.Html, replyMarkup: keyboard, cancellationToken: ct);
            return null;
        }, cancellationToken);

    /// <summary>Replaces (or with null removes) a message's keyboard.</summary>
    public async Task EditKeyboardAsync(long chatId, int messageId, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        await CallAsync(Id(chatId), "editMessageReplyMarkup", async ct =>
        {
            await api.Client.EditMessageReplyMarkup(chatId, messageId, keyboard, cancellationToken: ct);
            return null;
        }, cancellationToken);

    /// <summary>Replaces a document's caption (plain; escaped here) and drops its keyboard.</summary>
    public async Task EditCaptionAsync(long chatId, int messageId, string caption, CancellationToken cancellationToken) =>
        await CallAsync(Id(chatId), "editMessageCaption", async ct =>
        {
            await api.Client.EditMessageCaption(chatId, messageId, TelegramFormat.Escape(caption), ParseMode.Html, replyMarkup: null, cancellationToken: ct);
            return null;
        }, cancellationToken);

    private static string Id(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    private async Task<object?> CallAsync(string chatKey, string method, Func<CancellationToken, Task<object?>> call, CancellationToken cancellationToken)
    {
        var (outcome, result) = await Sender.RunAsync<object?>(chatKey, OutboxLane.Interactive, method, async ct =>
        {
            try
            {
                return await call(ct);
            }
            catch (ApiRequestException ex) when (TelegramErrors.IsNotModified(ex))
            {
                // Two quick taps: the message already shows this.
                return NotModified;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                throw TelegramErrors.Map(ex) ?? new DeliveryFailedException(DeliveryFailureKind.Transient, "Telegram: " + ex.Message, inner: ex);
            }
        }, cancellationToken);
        if (outcome.Status is DeliveryStatus.Failed or DeliveryStatus.Blocked)
        {
            logger.LogWarning("Telegram: {Method} tới {Chat} không thành: {Status} {Error}", method, chatKey, outcome.Status, api.Redact(outcome.Error ?? ""));
        }

        return result;
    }

    private static readonly object NotModified = new();
}
