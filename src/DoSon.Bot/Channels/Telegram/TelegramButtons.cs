using System.Globalization;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Taps on the buttons of <see cref="TaskButtons"/>: a thin adapter. The callback data names
/// only an action and a task; who tapped is found here, and what the tap does, whether they may and
/// what to answer is decided by <see cref="TaskActions"/>, under the same rules as the typed commands.
/// This class answers the callback query (every one, or the user's app keeps spinning) and does the
/// follow-ups: the tapped message shows the new state, or a question asks for a blocker's text.</summary>
public sealed class TelegramButtons(
    TelegramApi api,
    TelegramOutbox outbox,
    IBotStore store,
    ITelegramStore telegramStore,
    TaskActions actions,
    TimeProvider time,
    ILogger<TelegramButtons> logger)
{
    public Task HandleAsync(CallbackQuery query, CancellationToken cancellationToken) =>
        CallbackAnswers.HandleAsync(api, outbox, logger, query, "cập nhật nhiệm vụ", then => DecideAsync(query, then, cancellationToken), cancellationToken);

    private async Task<(string Answer, bool Alert)> DecideAsync(CallbackQuery query, TapFollowUps then, CancellationToken cancellationToken)
    {
        var member = await store.FindMemberByTelegramAsync(query.From.Id, cancellationToken);
        if (member is null)
        {
            return (TelegramTexts.NotLinkedTap, true);
        }

        if (!TaskButtons.TryDecode(query.Data, out var press))
        {
            return (TelegramTexts.ButtonUnknown, true);
        }

        var outcome = await actions.ApplyAsync(
            member, press.TaskCode, TaskActionRequest.FromButton(press), TelegramChannel.ChannelName, TaskActionOrigin.Tap, cancellationToken);
        if (outcome.FollowUps.HasFlag(TaskFollowUps.RefreshButtons))
        {
            then.Then(() => ShowStateAsync(query, outcome.Task!, member, cancellationToken));
        }

        if (outcome.FollowUps.HasFlag(TaskFollowUps.AskBlockerText))
        {
            then.Then(() => AskForBlockerAsync(query, outcome.Task!, cancellationToken));
        }

        return (outcome.Text, outcome.Alert);
    }

    /// <summary>A question to reply to: the reply is recorded as the task's blocker (the
    /// <see cref="TelegramMessagePurpose.BlockerPrompt"/> record ties it to the task).</summary>
    private async Task AskForBlockerAsync(CallbackQuery query, WorkTask task, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        var prompt = await outbox.SendPromptAsync(
            chatId,
            TelegramTexts.BlockerPrompt(task),
            new ForceReplyMarkup { InputFieldPlaceholder = TelegramTexts.BlockerPromptPlaceholder, Selective = true },
            query.Message?.Id,
            cancellationToken);
        if (prompt is not null)
        {
            await telegramStore.RecordMessageAsync(new TelegramMessageRecord(chatId, prompt.Id, [task.Code], TelegramMessagePurpose.BlockerPrompt), time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Edits the tapped message: a line with the new state (replacing an earlier one) and the
    /// buttons that still make sense (none once the task is done).</summary>
    private async Task ShowStateAsync(CallbackQuery query, WorkTask task, Member member, CancellationToken cancellationToken)
    {
        // An old message (older than 48 h) comes as "inaccessible", with a zero date.
        if (query.Message is not { } message || message.Date == default)
        {
            return;
        }

        var keyboard = Rebuild(message.ReplyMarkup, task);
        if (message.Text is { } text)
        {
            var marker = text.IndexOf(TelegramTexts.StateMarker, StringComparison.Ordinal);
            var updated = (marker >= 0 ? text[..marker] : text) + TelegramTexts.StateMarker + TelegramTexts.StateLine(task, member, time.GetUtcNow());
            if (updated.Length <= TelegramFormat.MaxMessageLength)
            {
                await outbox.EditTextAsync(message.Chat.Id, message.Id, updated, keyboard, cancellationToken);
                return;
            }
        }

        await outbox.EditKeyboardAsync(message.Chat.Id, message.Id, keyboard, cancellationToken);
    }

    /// <summary>The keyboard after a change of <paramref name="task"/>: its own buttons, fresh, when the
    /// message is about it alone; otherwise the same keyboard without what no longer applies to it.</summary>
    public static InlineKeyboardMarkup? Rebuild(InlineKeyboardMarkup? current, WorkTask task)
    {
        var rows = current?.InlineKeyboard.Select(r => r.ToArray()).ToArray() ?? [];
        bool IsThisTask(InlineKeyboardButton b, out TaskButtonPress press) =>
            TaskButtons.TryDecode(b.CallbackData, out press) && string.Equals(press.TaskCode, task.Code, StringComparison.OrdinalIgnoreCase);

        if (rows.SelectMany(r => r).All(b => IsThisTask(b, out _)))
        {
            return task.IsDone ? null : TelegramFormat.Keyboard(TaskButtons.For(task));
        }

        var kept = rows
            .Select(r => r.Where(b => !(IsThisTask(b, out var p)
                                        && (task.IsDone || (p.Action == TaskAction.Percent && int.Parse(p.Argument!, CultureInfo.InvariantCulture) <= task.Percent))))
                .ToArray())
            .Where(r => r.Length > 0)
            .ToArray();
        return kept.Length == 0 ? null : new InlineKeyboardMarkup { InlineKeyboard = kept };
    }
}
