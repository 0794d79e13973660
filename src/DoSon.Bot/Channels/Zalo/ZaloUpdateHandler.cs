using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>What the bot does with one update from Zalo: "/lienket &lt;mã&gt;" (or "/start &lt;mã&gt;", the
/// form of Telegram's deep link) links the account; a linked member's text goes through the command
/// core (a chart in the answer follows it as a photo from a signed address when the bot has a public
/// one); a stranger gets the polite refusal with their Zalo id and nothing else; a photo is answered
/// with its address and how to put it on a task; stickers and the rest get a short note that only text
/// is understood. Group chats are ignored: the bot talks to
/// members one to one. Before anything but linking is handled, <see cref="FloodGate"/> decides whether
/// it is handled at all.</summary>
public sealed class ZaloUpdateHandler(
    ChatOutbox outbox,
    ChatLinking linking,
    Conversation conversation,
    FloodGate floodGate,
    ZaloChannel channel,
    ILogger<ZaloUpdateHandler> logger,
    IPublicPictures? pictures = null)
{
    public async Task HandleAsync(ZaloUpdate update, CancellationToken cancellationToken)
    {
        // Checked by pattern: JSON may say null where the model says an object.
        if (update.Message is not { From.Id.Length: > 0, Chat.Id.Length: > 0 } message)
        {
            logger.LogDebug("Bỏ qua sự kiện Zalo {Event} không có người gửi.", update.EventName);
            return;
        }

        if (message.From.IsBot)
        {
            return;
        }

        if (!message.IsPrivate)
        {
            logger.LogInformation("Bỏ qua tin nhắn trong nhóm Zalo {Chat}: bot chỉ trò chuyện riêng với từng thành viên.", message.Chat.Id);
            return;
        }

        var account = ChatAccount.Zalo(message.From.Id);
        var isText = update.EventName == ZaloEvents.Text && message.Text is not null;
        var command = CommandParser.Parse(message.Text);
        if (isText && LinkCode(command) is { } code)
        {
            var answer = code.Length == 0 ? ZaloTexts.LinkUsage : (await linking.LinkAsync(account, code)).Text;
            await AnswerAsync(message.Chat.Id, Reply.Say(answer), cancellationToken);
            return;
        }

        var member = await linking.RecogniseAsync(account);
        var verdict = floodGate.Check(account, linked: member is not null);
        if (verdict != FloodVerdict.Handle)
        {
            if (verdict == FloodVerdict.SlowDown)
            {
                await AnswerAsync(message.Chat.Id, Reply.Say(FloodTexts.SlowDown), cancellationToken);
            }

            return;
        }

        if (member is null)
        {
            await AnswerAsync(message.Chat.Id, Reply.Say(ChatTexts.Stranger(account)), cancellationToken);
            return;
        }

        if (update.EventName == ZaloEvents.Image && message.Photo is { Length: > 0 } photo)
        {
            // Zalo gives the picture's address: a note on the current task (after a reminder or a
            // /chitiet about one task), otherwise the member is told how to put it on a task.
            var noted = await conversation.AttachPhotoAsync(member, photo, ZaloChannel.ChannelName, cancellationToken);
            await AnswerAsync(message.Chat.Id, noted ?? Reply.Say(ZaloTexts.PhotoReceived(photo)), cancellationToken);
            return;
        }

        if (!isText)
        {
            await AnswerAsync(message.Chat.Id, Reply.Say(ZaloTexts.OnlyText), cancellationToken);
            return;
        }

        var reply = await conversation.AnswerAsync(member, command, ZaloChannel.ChannelName, cancellationToken);
        await AnswerAsync(message.Chat.Id, reply, cancellationToken);
    }

    /// <summary>The code of "/lienket CODE" or "/start CODE"; "" for "/lienket" alone; null for any
    /// other text ("/start" alone is the help, as on Telegram).</summary>
    private static string? LinkCode(ParsedCommand command) => command switch
    {
        { IsCommand: false } => null,
        { Name: "lienket" } => command.Arguments,
        { Name: "start", Arguments.Length: > 0 } => command.Arguments,
        _ => null,
    };

    /// <summary>Answers in the chat the message came from, through the outbox's interactive lane:
    /// part by part, each once, resumed at the first part not yet sent after a 429 or a failure, with a
    /// note to the person if the answer had to be cut. Awaited, so a chat's answers keep their order.</summary>
    private async Task AnswerAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        var sender = outbox.For(ZaloChannel.ChannelName);
        var outcome = await sender.SendAsync(new OutgoingMessage(chatId, reply), OutboxLane.Interactive, cancellationToken);
        if (outcome.Status is DeliveryStatus.Failed or DeliveryStatus.Blocked)
        {
            logger.LogWarning("Không gửi được câu trả lời tới cuộc trò chuyện Zalo {Chat} ({Sent}/{Parts} phần đã gửi): {Status} {Error}",
                chatId, outcome.PartsSent, outcome.Parts, outcome.Status, outcome.Error);
            return;
        }

        // The picture follows the text, which says everything it shows: without a public address
        // (Web:PublicUrl) the text alone is sent.
        if (reply.Picture is { } picture && pictures?.Publish(picture) is { } address)
        {
            var (photoOutcome, _) = await sender.RunAsync(chatId, OutboxLane.Interactive, "sendPhoto",
                ct => channel.SendPhotoAsync(chatId, address, picture.Caption, ct), cancellationToken);
            if (photoOutcome.Status is DeliveryStatus.Failed or DeliveryStatus.Blocked)
            {
                logger.LogWarning("Không gửi được ảnh tới cuộc trò chuyện Zalo {Chat}: {Status} {Error}", chatId, photoOutcome.Status, photoOutcome.Error);
            }
        }
    }
}
