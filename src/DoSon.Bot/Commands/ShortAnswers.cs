using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Commands;

/// <summary>Answers without buttons, the same on every platform: after a reminder or a /chitiet, the
/// member's short answer ("xong", "75", "vướng: …", "nhắc lại mai", "2 xong") acts on the task the bot
/// last spoke of, through <see cref="TaskActions"/> (so who may, reopening and history are those of the
/// commands), and "hoàn tác" undoes the last such change within five minutes.</summary>
public sealed class ShortAnswers(
    TaskActions actions,
    TaskProgress progress,
    TaskQueries queries,
    ICurrentTaskStore memory,
    IBotStore store,
    IOptions<ShortAnswerOptions> options,
    TimeProvider time)
{
    /// <summary>Makes these tasks, in this order, what the member's next short answer is about.</summary>
    public Task RememberAsync(string memberCode, IReadOnlyList<string> taskCodes, CancellationToken cancellationToken = default) =>
        memory.SetCurrentTasksAsync(new CurrentTasks(memberCode, taskCodes, time.GetUtcNow()), cancellationToken);

    /// <summary>The answer to a text that is not a command, or null when it is none of the short answers
    /// and the member has no current task (the caller answers as it did before).</summary>
    public async ValueTask<Reply?> AnswerAsync(Member member, string text, string channel, CancellationToken cancellationToken)
    {
        var answer = ShortAnswerParser.Parse(text);
        if (answer.Intent == ShortAnswerIntent.Undo)
        {
            return Reply.Say(await UndoAsync(member, channel, cancellationToken));
        }

        var current = await CurrentAsync(member.Code, cancellationToken);
        if (current is null)
        {
            if (answer.Intent == ShortAnswerIntent.Unknown)
            {
                return null;
            }

            var open = (await queries.InvolvingAsync(member)).Where(t => !t.IsDone && !t.IsWithdrawn).Select(t => t.Code).Take(10).ToList();
            return Reply.Say(ShortAnswerTexts.NoCurrentTask(open));
        }

        var tasks = (await store.GetTasksAsync(current, cancellationToken))
            .ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var listed = current.Where(tasks.ContainsKey).Select(c => tasks[c]).ToList();
        if (listed.Count == 0)
        {
            return answer.Intent == ShortAnswerIntent.Unknown ? null : Reply.Say(ShortAnswerTexts.NoCurrentTask([]));
        }

        if (answer.Intent == ShortAnswerIntent.Unknown)
        {
            return Reply.Say(listed.Count == 1 ? ShortAnswerTexts.NotUnderstood(text, listed[0]) : ShortAnswerTexts.NotUnderstoodOfList(text, listed));
        }

        WorkTask task;
        if (answer.Number is { } number)
        {
            if (number < 1 || number > listed.Count)
            {
                return Reply.Say(ShortAnswerTexts.NoSuchNumber(number, listed.Count));
            }

            task = listed[number - 1];
        }
        else if (listed.Count == 1)
        {
            task = listed[0];
        }
        else
        {
            return Reply.Say(ShortAnswerTexts.WhichOne(listed));
        }

        return await ApplyAsync(member, task, answer, channel, cancellationToken);
    }

    private async Task<Reply> ApplyAsync(Member member, WorkTask before, ShortAnswer answer, string channel, CancellationToken cancellationToken)
    {
        if (answer.Intent == ShortAnswerIntent.Blocker && string.IsNullOrWhiteSpace(answer.Text))
        {
            return Reply.Say(ShortAnswerTexts.BlockerNeedsText);
        }

        var request = answer.Intent switch
        {
            ShortAnswerIntent.Done => TaskActionRequest.Done(),
            ShortAnswerIntent.Percent => TaskActionRequest.SetPercent(answer.Percent),
            ShortAnswerIntent.Blocker => TaskActionRequest.Blocker(answer.Text),
            ShortAnswerIntent.Note => TaskActionRequest.Note(answer.Text!),
            _ => TaskActionRequest.Snooze(answer.Until),
        };
        var outcome = await actions.ApplyAsync(member, before.Code, request, channel, TaskActionOrigin.Command, cancellationToken);
        if (outcome.Result != TaskActionResult.Changed || outcome.Task is not { } task)
        {
            return outcome.ToReply();
        }

        var (said, text) = answer.Intent switch
        {
            ShortAnswerIntent.Done => (ShortAnswerTexts.SaidDone, ShortAnswerTexts.Done(task)),
            ShortAnswerIntent.Percent => (ShortAnswerTexts.SaidPercent(answer.Percent),
                task.IsDone ? ShortAnswerTexts.Done(task) : ShortAnswerTexts.Percent(task)),
            ShortAnswerIntent.Blocker => (ShortAnswerTexts.SaidBlocker, ShortAnswerTexts.Blocker(task, answer.Text!)),
            ShortAnswerIntent.Note => (null, ShortAnswerTexts.Note(task)),
            _ => (null, ShortAnswerTexts.Snoozed(task, outcome.SnoozedUntil ?? actions.SnoozeUntil(answer.Until))),
        };
        if (said is not null)
        {
            await memory.SetLastChangeAsync(member.Code,
                new ShortAnswerChange(member.Code, task.Code, before.Percent, before.Status, said, time.GetUtcNow()), cancellationToken);
        }

        return Reply.Say(text);
    }

    private async Task<string> UndoAsync(Member member, string channel, CancellationToken cancellationToken)
    {
        var last = await memory.GetLastChangeAsync(member.Code, cancellationToken);
        if (last is null)
        {
            return ShortAnswerTexts.NothingToUndo;
        }

        if (time.GetUtcNow() - last.At > ShortAnswerOptions.UndoWindow)
        {
            return ShortAnswerTexts.UndoTooLate(last.Said, last.TaskCode);
        }

        var outcome = await progress.RestoreAsync(member, last.TaskCode, last.PreviousPercent, last.PreviousStatus,
            ShortAnswerTexts.UndoNote(last.Said), channel);
        if (outcome.Kind != ProgressOutcomeKind.Recorded)
        {
            return outcome.Kind == ProgressOutcomeKind.NotAllowed ? CommandTexts.NotAllowedOn(outcome) : CommandTexts.TaskNotFound(last.TaskCode);
        }

        await memory.SetLastChangeAsync(member.Code, null, cancellationToken);
        return ShortAnswerTexts.Undone(last.Said, outcome.Task!);
    }

    /// <summary>A photo the member sent (Zalo gives its address): a note "Ảnh: address" on the current
    /// task, through the same path as "ghi chú", when the bot last spoke of exactly one task; null
    /// otherwise (the caller says how to put it on a task).</summary>
    public async ValueTask<Reply?> AttachPhotoAsync(Member member, string address, string channel, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(member.Code, cancellationToken) is not { Count: 1 })
        {
            return null;
        }

        return await AnswerAsync(member, ShortAnswerTexts.PhotoNote(address), channel, cancellationToken);
    }

    /// <summary>The member's current tasks, while they last (Chat:CurrentTaskMinutes after the bot spoke of them).</summary>
    private async Task<IReadOnlyList<string>?> CurrentAsync(string memberCode, CancellationToken cancellationToken)
    {
        var current = await memory.GetCurrentTasksAsync(memberCode, cancellationToken);
        return current is not null && time.GetUtcNow() - current.At < TimeSpan.FromMinutes(options.Value.CurrentTaskMinutes)
            ? current.TaskCodes
            : null;
    }
}
