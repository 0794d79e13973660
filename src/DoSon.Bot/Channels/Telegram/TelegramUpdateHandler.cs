using DoSon.Bot.Channels.Telegram.Notices;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>What the bot does with one update from Telegram, whether it came by long polling or by
/// webhook: linking with /start, commands through the command core, replies to task messages as
/// notes, group registration, button taps (in <see cref="TelegramButtons"/>), and files an admin sends
/// in a private chat (in <see cref="TelegramNoticeIntake"/> and <see cref="TelegramDraftButtons"/>). A
/// person who is not linked gets the polite refusal and nothing else. Before a message from anyone is
/// handled (linking apart), <see cref="FloodGate"/> decides whether it is handled at all.</summary>
public sealed class TelegramUpdateHandler(
    TelegramApi api,
    TelegramOutbox outbox,
    ITelegramStore telegramStore,
    Conversation conversation,
    TaskActions actions,
    ChatLinking linking,
    TelegramCommandMenu menu,
    TelegramButtons buttons,
    TelegramNoticeIntake notices,
    TelegramDraftButtons draftButtons,
    FloodGate floodGate,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message)
        {
            await HandleMessageAsync(message, cancellationToken);
        }
        else if (update.CallbackQuery is { } query)
        {
            if (!await AdmitTapAsync(query, cancellationToken))
            {
                return;
            }

            if (DraftButton.IsDraftData(query.Data))
            {
                await draftButtons.HandleAsync(query, cancellationToken);
            }
            else
            {
                await buttons.HandleAsync(query, cancellationToken);
            }
        }
        else if (update.MyChatMember is { } change)
        {
            await HandleMembershipAsync(change);
        }
    }

    private async Task HandleMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.MigrateToChatId is { } newChatId)
        {
            await MoveGroupAsync(message.Chat.Id, newChatId, message.Chat.Title);
            return;
        }

        if (message.From is not { IsBot: false } from || message.Chat.Type == ChatType.Channel)
        {
            return;
        }

        var isGroup = message.Chat.Type is ChatType.Group or ChatType.Supergroup;
        var command = CommandParser.Parse(message.Text);
        var repliesToBot = message.ReplyToMessage?.From?.Id == api.BotId;
        if (isGroup)
        {
            // Privacy: in a group the bot answers only what is meant for it, so that a ward group's
            // conversation is not read or interrupted.
            var username = await api.GetUsernameAsync(cancellationToken);
            var addressed = repliesToBot || string.Equals(command.Target, username, StringComparison.OrdinalIgnoreCase);
            if (!addressed)
            {
                return;
            }
        }

        if (command is { IsCommand: true, Name: "start" } && command.Arguments.Length > 0)
        {
            if (isGroup)
            {
                await AnswerAsync(message, Reply.Say(TelegramTexts.LinkInPrivateChat), null, cancellationToken);
                return;
            }

            await LinkAsync(message, from.Id, command.Arguments, cancellationToken);
            return;
        }

        if (command is { Name: "web" } && isGroup)
        {
            // A sign-in link is a secret: never into a group, where everyone would read it.
            await AnswerAsync(message, Reply.Say(Web.WebTexts.OnlyInPrivateChat), null, cancellationToken);
            return;
        }

        var member = await linking.RecogniseAsync(ChatAccount.Telegram(from.Id));
        var verdict = floodGate.Check(ChatAccount.Telegram(from.Id), linked: member is not null);
        if (verdict != FloodVerdict.Handle)
        {
            if (verdict == FloodVerdict.SlowDown)
            {
                await AnswerAsync(message, Reply.Say(FloodTexts.SlowDown), null, cancellationToken);
            }

            return;
        }

        if (member is null)
        {
            await AnswerAsync(message, Reply.Say(TelegramTexts.Stranger(from.Id)), null, cancellationToken);
            return;
        }

        if (command is { IsCommand: true, Name: "dangkynhom" or "huydangkynhom" })
        {
            await GroupCommandAsync(message, member, register: command.Name == "dangkynhom", isGroup, cancellationToken);
            return;
        }

        if (!command.IsCommand && repliesToBot && await telegramStore.FindMessageAsync(message.Chat.Id, message.ReplyToMessage!.Id, cancellationToken) is { } record)
        {
            await ReplyToTaskMessageAsync(message, member, record, cancellationToken);
            return;
        }

        if (message.Document is { } document && !isGroup)
        {
            await ReceiveFileAsync(message, member, document, cancellationToken);
            return;
        }

        if (message.Text is null)
        {
            await AnswerAsync(message, Reply.Say(TelegramTexts.OnlyText), null, cancellationToken);
            return;
        }

        var reply = await conversation.AnswerAsync(member, command, TelegramChannel.ChannelName, cancellationToken);
        await AnswerAsync(message, reply, null, cancellationToken);
    }

    /// <summary>Flood control for a member's taps: they count with their messages. A tap that is not
    /// handled is still answered (with the slow-down note, or nothing), or the phone keeps a spinner on
    /// the button. A stranger's taps pass: each is answered with a short note and no message, which
    /// costs the same as answering it with nothing.</summary>
    private async Task<bool> AdmitTapAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var account = ChatAccount.Telegram(query.From.Id);
        if (await linking.RecogniseAsync(account) is null)
        {
            return true;
        }

        var verdict = floodGate.Check(account, linked: true);
        if (verdict == FloodVerdict.Handle)
        {
            return true;
        }

        await outbox.AnswerCallbackAsync(query.Id, verdict == FloodVerdict.SlowDown ? FloodTexts.SlowDown : null, alert: false, cancellationToken);

        return false;
    }

    /// <summary>A file on its own in a private chat (a file replying to a task message is a note, above).</summary>
    private async Task ReceiveFileAsync(Message message, Member member, Document document, CancellationToken cancellationToken)
    {
        IntakeAnswer answer;
        try
        {
            answer = await notices.ReceiveAsync(member, document, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reading or importing a file touches the disk and the database: the admin is told, not left waiting.
            logger.LogError("Lỗi khi xử lý tệp {File} của {Member}: {Error}", document.FileName, member.Code, api.Redact(ex.ToString()));
            answer = IntakeAnswer.Say(TelegramTexts.InternalError);
        }

        foreach (var text in answer.Texts)
        {
            await AnswerAsync(message, Reply.Say(text), null, cancellationToken);
        }

        if (answer.Document is { } file)
        {
            await outbox.SendDocumentAsync(message.Chat.Id, file.FileName, file.Content, file.Caption, file.Buttons, null, cancellationToken);
        }
    }

    private async Task LinkAsync(Message message, long userId, string code, CancellationToken cancellationToken)
    {
        var answer = await linking.LinkAsync(ChatAccount.Telegram(userId), code);
        await AnswerAsync(message, Reply.Say(answer.Text), null, cancellationToken);
        if (answer.Linked is { } member)
        {
            await menu.RegisterForAsync(member, cancellationToken);
        }
    }

    private async Task ReplyToTaskMessageAsync(Message message, Member member, TelegramMessageRecord record, CancellationToken cancellationToken)
    {
        var note = message.Text is { } typed
            ? CommandRouter.Clean(typed)
            : message.Document is { } document
                ? TelegramTexts.AttachmentNote(document.FileName ?? "tệp", message.Caption)
                : message.Photo is { Length: > 0 }
                    ? TelegramTexts.AttachmentNote("ảnh", message.Caption)
                    : "";
        if (note.Length == 0 || record.TaskCodes.Count == 0)
        {
            await AnswerAsync(message, Reply.Say(TelegramTexts.OnlyText), null, cancellationToken);
            return;
        }

        string code;
        if (record.TaskCodes.Count == 1)
        {
            code = record.TaskCodes[0];
        }
        else if (record.TaskCodes.FirstOrDefault(c => StartsWithCode(note, c)) is { } named)
        {
            code = named;
            note = note[named.Length..].TrimStart(' ', ':', '-', '–', ',', '.');
        }
        else
        {
            await AnswerAsync(message, Reply.Say(TelegramTexts.WhichTask(record.TaskCodes)), null, cancellationToken);
            return;
        }

        if (note.Length == 0)
        {
            await AnswerAsync(message, Reply.Say(TelegramTexts.WhichTask(record.TaskCodes)), null, cancellationToken);
            return;
        }

        var request = record.Purpose == TelegramMessagePurpose.BlockerPrompt ? TaskActionRequest.Blocker(note) : TaskActionRequest.Note(note);
        var outcome = await actions.ApplyAsync(member, code, request, TelegramChannel.ChannelName, TaskActionOrigin.Answer, cancellationToken);
        var reply = outcome.ToReply();
        IReadOnlyList<string>? codes = outcome.Buttons.Count > 0 ? [outcome.Task!.Code] : null;

        await AnswerAsync(message, reply, codes, cancellationToken);
    }

    private static bool StartsWithCode(string text, string code) =>
        text.StartsWith(code, StringComparison.OrdinalIgnoreCase)
        && (text.Length == code.Length || !char.IsLetterOrDigit(text[code.Length]) && text[code.Length] != '-');

    private async Task GroupCommandAsync(Message message, Member member, bool register, bool isGroup, CancellationToken cancellationToken)
    {
        string answer;
        var title = message.Chat.Title ?? message.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!isGroup)
        {
            answer = TelegramTexts.GroupOnly;
        }
        else if (member.Role != MemberRole.Admin)
        {
            answer = TelegramTexts.GroupAdminOnly;
        }
        else if (register)
        {
            await telegramStore.RegisterGroupAsync(new TelegramGroup(message.Chat.Id, title, member.Code, time.GetUtcNow()), cancellationToken);
            logger.LogInformation("Nhóm {Group} được {Member} đăng ký nhận báo cáo tổng hợp.", message.Chat.Id, member.Code);
            answer = TelegramTexts.GroupRegistered(title);
        }
        else
        {
            answer = await telegramStore.UnregisterGroupAsync(message.Chat.Id, cancellationToken)
                ? TelegramTexts.GroupUnregistered(title)
                : TelegramTexts.GroupNotRegistered(title);
        }

        await AnswerAsync(message, Reply.Say(answer), null, cancellationToken);
    }

    private async Task HandleMembershipAsync(ChatMemberUpdated change)
    {
        if (change.Chat.Type is ChatType.Group or ChatType.Supergroup
            && change.NewChatMember.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked
            && await telegramStore.UnregisterGroupAsync(change.Chat.Id))
        {
            logger.LogInformation("Bot đã rời nhóm {Group}: thôi gửi báo cáo tổng hợp cho nhóm này.", change.Chat.Id);
        }
    }

    private async Task MoveGroupAsync(long oldChatId, long newChatId, string? title)
    {
        var group = (await telegramStore.GetGroupsAsync()).FirstOrDefault(g => g.ChatId == oldChatId);
        if (group is null)
        {
            return;
        }

        await telegramStore.RegisterGroupAsync(group with { ChatId = newChatId, Title = title ?? group.Title });
        await telegramStore.UnregisterGroupAsync(oldChatId);
        logger.LogInformation("Nhóm {Old} đã chuyển thành siêu nhóm {New}; đăng ký được chuyển theo.", oldChatId, newChatId);
    }

    /// <summary>Answers in the chat the message came from (as a reply in a group, so it is clear whom
    /// it answers), through the outbox's interactive lane, ahead of any reminder waiting there.
    /// Awaited, so that this chat's next message is answered after this one (in order) and a flood
    /// cannot pile up answers without end; a 429 and its resumption are the outbox's business.</summary>
    private async Task AnswerAsync(Message message, Reply reply, IReadOnlyList<string>? taskCodes, CancellationToken cancellationToken)
    {
        var isGroup = message.Chat.Type is ChatType.Group or ChatType.Supergroup;
        await outbox.AnswerAsync(message.Chat.Id, reply, taskCodes, isGroup ? message.Id : null, cancellationToken);
    }
}
