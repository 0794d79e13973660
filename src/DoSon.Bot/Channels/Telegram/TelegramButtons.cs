using System.Globalization;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Taps on the buttons of <see cref="TaskButtons"/>. The callback data names only an action
/// and a task, so who tapped is checked here against the same rules as the typed commands (through
/// <see cref="TaskProgress"/>); a tap that may not or can no longer change anything is answered and
/// changes nothing. Every callback query is answered, or the user's app keeps spinning.</summary>
public sealed class TelegramButtons(
    TelegramApi api,
    TelegramOutbox outbox,
    IBotStore store,
    ITelegramStore telegramStore,
    TaskProgress progress,
    IServiceProvider services,
    TimeProvider time,
    ILogger<TelegramButtons> logger)
{
    /// <summary>"Sáng mai" means this hour, ward time, on the next day.</summary>
    public static readonly TimeOnly MorningTime = new(7, 0);

    public Task HandleAsync(CallbackQuery query, CancellationToken cancellationToken) =>
        CallbackAnswers.HandleAsync(api, outbox, logger, query, "cập nhật nhiệm vụ", then => DecideAsync(query, then, cancellationToken), cancellationToken);

    private async Task<(string Answer, bool Alert)> DecideAsync(CallbackQuery query, TapFollowUps then, CancellationToken cancellationToken)
    {
        var member = await store.FindMemberByTelegramAsync(query.From.Id, cancellationToken);
        if (member is null)
        {
            return (TelegramTexts.NotLinkedTap, true);
        }
        else if (!TaskButtons.TryDecode(query.Data, out var press))
        {
            return (TelegramTexts.ButtonUnknown, true);
        }
        else
        {
            return await ApplyAsync(member, press, query, then, cancellationToken);
        }
    }

    private async Task<(string Answer, bool Alert)> ApplyAsync(Member member, TaskButtonPress press, CallbackQuery query, TapFollowUps then, CancellationToken cancellationToken)
    {
        // The same rule as the typed commands, from the one place it lives: percent and close are
        // decided by the lead unit; a blocker or a snooze is a contribution a supporting unit may make.
        var decides = press.Action is TaskAction.Done or TaskAction.Percent or TaskAction.Reopen;
        var check = await progress.CheckAsync(member, press.TaskCode, decides, allowOnDone: press.Action == TaskAction.Reopen);
        switch (check.Kind)
        {
            case ProgressOutcomeKind.NotFound:
                return (TelegramTexts.TaskNotFound(press.TaskCode), true);
            case ProgressOutcomeKind.NotAllowed:
                return (TelegramTexts.NotAllowed(check), true);
            case ProgressOutcomeKind.AlreadyDone:
                return (TelegramTexts.AlreadyDone(check.Task!.Code), false);
        }

        var task = check.Task!;
        switch (press.Action)
        {
            case TaskAction.Done:
            {
                var outcome = await progress.MarkDoneAsync(member, task.Code, null, TelegramChannel.ChannelName);
                return Recorded(outcome, member, query, TelegramTexts.DoneTapped, then, cancellationToken);
            }

            case TaskAction.Percent:
            {
                var percent = int.Parse(press.Argument!, CultureInfo.InvariantCulture);
                if (task.Percent >= percent)
                {
                    return (TelegramTexts.MovedOn(task), false);
                }

                var outcome = await progress.SetPercentAsync(member, task.Code, percent, null, TelegramChannel.ChannelName);
                return Recorded(outcome, member, query, TelegramTexts.PercentTapped, then, cancellationToken);
            }

            case TaskAction.Reopen:
            {
                if (!task.IsDone)
                {
                    return (TelegramTexts.MovedOn(task), false);
                }

                var percent = int.Parse(press.Argument!, CultureInfo.InvariantCulture);
                var outcome = await progress.SetPercentAsync(member, task.Code, percent, null, TelegramChannel.ChannelName, reopen: true);
                return Recorded(outcome, member, query, ViewTexts.ReopenTapped, then, cancellationToken);
            }

            case TaskAction.Blocker:
            {
                var chatId = query.Message?.Chat.Id ?? query.From.Id;
                then.Then(async () =>
                {
                    var prompt = await outbox.SendPromptAsync(
                        chatId,
                        TelegramTexts.BlockerPrompt(task),
                        new ForceReplyMarkup { InputFieldPlaceholder = TelegramTexts.BlockerPromptPlaceholder, Selective = true },
                        query.Message?.Id,
                        cancellationToken);
                    if (prompt is not null)
                    {
                        await telegramStore.RecordMessageAsync(new TelegramMessageRecord(chatId, prompt.Id, [task.Code], TelegramMessagePurpose.BlockerPrompt), time.GetUtcNow());
                    }
                });
                return (TelegramTexts.BlockerTapped, false);
            }

            default:
            {
                // The snoozer comes with the reminders; without it there is nothing to snooze.
                if (services.GetService<IReminderSnoozer>() is not { } snoozer)
                {
                    return (TelegramTexts.SnoozeUnavailable, true);
                }

                var at = press.Argument == TaskButtons.SnoozeHour
                    ? time.GetUtcNow().AddHours(1)
                    : WardClock.ToInstant(WardClock.Today(time).AddDays(1), MorningTime);
                await snoozer.SnoozeAsync(task.Code, member.Code, at);
                return (TelegramTexts.Snoozed(at), false);
            }
        }
    }

    private (string, bool) Recorded(ProgressOutcome outcome, Member member, CallbackQuery query, Func<WorkTask, string> said, TapFollowUps then, CancellationToken cancellationToken)
    {
        switch (outcome.Kind)
        {
            case ProgressOutcomeKind.Recorded:
                then.Then(() => ShowStateAsync(query, outcome.Task!, member, cancellationToken));
                return (said(outcome.Task!), false);
            case ProgressOutcomeKind.NotAllowed:
                return (TelegramTexts.NotAllowed(outcome), true);
            case ProgressOutcomeKind.AlreadyDone:
                return (TelegramTexts.AlreadyDone(outcome.Task!.Code), false);
            default:
                return (TelegramTexts.ButtonUnknown, true);
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
