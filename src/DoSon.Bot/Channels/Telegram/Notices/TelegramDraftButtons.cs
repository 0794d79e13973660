using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DoSon.Bot.Channels.Telegram.Notices;

/// <summary>Taps on "import this draft". Only an admin may import; the draft is claimed in one
/// transaction before the import, so a second tap (or a tap after a restart, or on another device)
/// imports nothing; a draft whose import fails is released, to be tried again once the cause is
/// fixed. Every callback query is answered, and the draft's message shows what happened.</summary>
public sealed class TelegramDraftButtons(
    TelegramApi api,
    TelegramOutbox outbox,
    IBotStore store,
    INoticeDraftStore drafts,
    TelegramNoticeIntake intake,
    TimeProvider time,
    ILogger<TelegramDraftButtons> logger)
{
    public Task HandleAsync(CallbackQuery query, CancellationToken cancellationToken) =>
        CallbackAnswers.HandleAsync(api, outbox, logger, query, "nhập bản nháp", then => DecideAsync(query, then, cancellationToken), cancellationToken);

    private async Task<(string Answer, bool Alert)> DecideAsync(CallbackQuery query, TapFollowUps then, CancellationToken cancellationToken)
    {
        var member = await store.FindMemberByTelegramAsync(query.From.Id, cancellationToken);
        if (member is null)
        {
            return (TelegramTexts.NotLinkedTap, true);
        }
        else if (!DraftButton.TryDecode(query.Data, out var draftId))
        {
            return (TelegramTexts.ButtonUnknown, true);
        }
        else if (member.Role != MemberRole.Admin)
        {
            return (TelegramTexts.DraftsAdminOnly, true);
        }
        else
        {
            return await ImportAsync(member, draftId, query, then, cancellationToken);
        }
    }

    private async Task<(string Answer, bool Alert)> ImportAsync(Member member, string draftId, CallbackQuery query, TapFollowUps then, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = await drafts.ClaimDraftAsync(draftId, member.Code, now, cancellationToken);
        switch (claim.Result)
        {
            case DraftClaimResult.Unknown:
                return (TelegramTexts.DraftUnknown, true);
            case DraftClaimResult.Expired:
                then.Then(() => RemoveButtonAsync(query, cancellationToken));
                return (TelegramTexts.DraftExpired, true);
            case DraftClaimResult.AlreadyImported:
            {
                var draft = claim.Draft!;
                var by = draft.ImportedBy is { } code ? (await store.FindMemberAsync(code, cancellationToken))?.Name ?? code : "";
                then.Then(() => RemoveButtonAsync(query, cancellationToken));
                return (TelegramTexts.DraftAlreadyImported(draft.ImportedAt!.Value, by), false);
            }
        }

        ImportOutcome outcome;
        string report;
        try
        {
            (outcome, report) = await intake.ImportDraftAsync(claim.Draft!, member);
        }
        catch
        {
            await drafts.ReleaseDraftAsync(draftId, cancellationToken);
            throw;
        }

        if (!outcome.Succeeded)
        {
            await drafts.ReleaseDraftAsync(draftId, cancellationToken);
            then.Then(() => SayAsync(query, report, cancellationToken));
            return (TelegramTexts.DraftHasErrorsTap, false);
        }

        then.Then(() => ShowImportedAsync(query, member, now, cancellationToken));
        then.Then(() => SayAsync(query, report, cancellationToken));
        return (TelegramTexts.DraftImportedTap(claim.Draft!.TaskCount), false);
    }

    /// <summary>The import's report, under the draft's message.</summary>
    private async Task SayAsync(CallbackQuery query, string text, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        await outbox.AnswerAsync(chatId, Reply.Say(text), null, query.Message?.Id, cancellationToken);
    }

    /// <summary>The caption gets a line saying it was imported, and the button goes.</summary>
    private async Task ShowImportedAsync(CallbackQuery query, Member member, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // An old message (older than 48 h) comes as "inaccessible", with a zero date.
        if (query.Message is not { } message || message.Date == default)
        {
            return;
        }

        var caption = (message.Caption is { Length: > 0 } c ? c + "\n\n" : "") + TelegramTexts.DraftImportedLine(at, member);
        if (caption.Length <= TelegramFormat.MaxCaptionLength)
        {
            await outbox.EditCaptionAsync(message.Chat.Id, message.Id, caption, cancellationToken);
        }
        else
        {
            await outbox.EditKeyboardAsync(message.Chat.Id, message.Id, null, cancellationToken);
        }
    }

    private async Task RemoveButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        if (query.Message is not { } message || message.Date == default || message.ReplyMarkup is null)
        {
            return;
        }

        await outbox.EditKeyboardAsync(message.Chat.Id, message.Id, null, cancellationToken);
    }
}
