using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Commands;

/// <summary>Where a change to a task came from. It decides how long the answer is and whether a step
/// offered earlier still counts; the rules of who may do what are the same for all.</summary>
public enum TaskActionOrigin
{
    /// <summary>A typed command (/xong, /capnhat, /vuongmac): whole sentences that name what to type.</summary>
    Command,

    /// <summary>An answer to the bot's own message about a task (a reply to a reminder or to the question
    /// about a blocker; a quick answer on a platform without buttons): as a command, and while the task
    /// stays open the answer ends with the task's line and its buttons.</summary>
    Answer,

    /// <summary>A button: a short answer that fits a phone's pop-up; a step the task has already passed
    /// (an old button) changes nothing.</summary>
    Tap,
}

/// <summary>When "nhắc lại sau" reminds again.</summary>
public enum SnoozeTime
{
    /// <summary>One hour from now.</summary>
    OneHour,

    /// <summary>07:00 ward time on the day after the ward's today.</summary>
    NextMorning,

    /// <summary>14:00 ward time today, if that is still ahead ("nhắc lại chiều nay").</summary>
    ThisAfternoon,
}

/// <summary>What a member asks to do to a task, whatever the platform it was asked on.</summary>
/// <param name="Percent">The percent of <see cref="TaskAction.Percent"/> and <see cref="TaskAction.Reopen"/>.</param>
/// <param name="Text">The note of a change, the text of a blocker (none: ask for it) or of a note.</param>
/// <param name="Reopen">For <see cref="TaskAction.Percent"/>: the member confirmed that a finished task is to be reopened.</param>
public sealed record TaskActionRequest(TaskAction Action, int Percent = 0, string? Text = null, SnoozeTime Until = SnoozeTime.OneHour, bool Reopen = false)
{
    public static TaskActionRequest Done(string? note = null) => new(TaskAction.Done, Text: note);

    public static TaskActionRequest SetPercent(int percent, string? note = null, bool reopen = false) =>
        new(TaskAction.Percent, percent, note, Reopen: reopen);

    /// <param name="text">Null or blank: the member is to be asked for it.</param>
    public static TaskActionRequest Blocker(string? text = null) => new(TaskAction.Blocker, Text: text);

    public static TaskActionRequest Note(string text) => new(TaskAction.Note, Text: text);

    public static TaskActionRequest Snooze(SnoozeTime until) => new(TaskAction.Snooze, Until: until);

    /// <summary>The confirmation that a finished task is to be reopened at <paramref name="percent"/>.</summary>
    public static TaskActionRequest ReopenAt(int percent) => new(TaskAction.Reopen, percent);

    /// <summary>What a decoded button asks for (<see cref="TaskButtons.TryDecode"/> has checked its argument).</summary>
    public static TaskActionRequest FromButton(TaskButtonPress press) => press.Action switch
    {
        TaskAction.Percent => SetPercent(int.Parse(press.Argument!, CultureInfo.InvariantCulture)),
        TaskAction.Reopen => ReopenAt(int.Parse(press.Argument!, CultureInfo.InvariantCulture)),
        TaskAction.Blocker => Blocker(),
        TaskAction.Snooze => Snooze(press.Argument == TaskButtons.SnoozeHour ? SnoozeTime.OneHour : SnoozeTime.NextMorning),
        _ => Done(),
    };
}

public enum TaskActionResult
{
    /// <summary>The change was recorded (or the snooze planned).</summary>
    Changed,

    /// <summary>Nothing to do: the task is already done, or has passed the step.</summary>
    Unchanged,

    /// <summary>The member may not make this change.</summary>
    Refused,

    NotFound,

    /// <summary>The change would reopen a finished task and was not confirmed.</summary>
    NeedsConfirmation,

    /// <summary>A blocker without its text: the member is asked for it.</summary>
    NeedsText,

    /// <summary>Snoozing without the reminders running.</summary>
    Unavailable,
}

/// <summary>What the platform adapter is to do after answering.</summary>
[Flags]
public enum TaskFollowUps
{
    None = 0,

    /// <summary>The task's percent or status changed: a message showing the task (the tapped reminder)
    /// should show the new state and only the buttons that still apply.</summary>
    RefreshButtons = 1,

    /// <summary>The task is now done: its remaining reminders are cancelled (the store tells the
    /// scheduler as the change is recorded), so none of them goes out.</summary>
    RemindersCancelled = 2,

    /// <summary>Ask the member for the blocker's text, in a way that ties the answer to the task.</summary>
    AskBlockerText = 4,

    /// <summary>One more reminder is planned at <see cref="TaskActionOutcome.SnoozedUntil"/>.</summary>
    Snoozed = 8,
}

/// <summary>The platform-neutral answer to a <see cref="TaskActionRequest"/>.</summary>
/// <param name="Text">The Vietnamese answer to show the member.</param>
/// <param name="Alert">A refusal or a failure: a platform that can (a Telegram pop-up) makes the member acknowledge it.</param>
public sealed record TaskActionOutcome(TaskActionResult Result, WorkTask? Task, string Text, bool Alert = false)
{
    public IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons { get; init; } = [];

    public TaskFollowUps FollowUps { get; init; }

    public DateTimeOffset? SnoozedUntil { get; init; }

    public Reply ToReply() => new(Text, Buttons);
}

/// <summary>The rules of a change to a task, in one place for buttons, quick answers, replies and typed
/// commands: who may (through <see cref="TaskProgress"/> and <see cref="AccessPolicy"/>), that a tapped
/// step the task has passed changes nothing, that a finished task is reopened only on confirmation,
/// when a snooze reminds again, and what to answer. Adapters translate: a platform's input in, the
/// outcome's text, buttons and follow-ups out.</summary>
public sealed class TaskActions(TaskProgress progress, TimeProvider time, IServiceProvider services)
{
    /// <summary>"Sáng mai" means this hour, ward time, on the next day.</summary>
    public static readonly TimeOnly MorningTime = new(7, 0);

    public static readonly TimeSpan SnoozeDelay = TimeSpan.FromHours(1);

    /// <summary>"Chiều nay" means this hour, ward time, today.</summary>
    public static readonly TimeOnly AfternoonTime = new(14, 0);

    /// <summary>The adapters' own name for Telegram, the one platform with buttons under an answer
    /// (the command core does not depend on the adapters).</summary>
    private const string TelegramChannelName = "telegram";

    public Task<TaskActionOutcome> ApplyAsync(
        Member member, string taskCode, TaskActionRequest request, string channel, TaskActionOrigin origin, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ApplyCoreAsync(member, taskCode, request, channel, origin);
    }

    /// <summary>The instant a snooze asked now reminds again.</summary>
    public DateTimeOffset SnoozeUntil(SnoozeTime until) => until switch
    {
        SnoozeTime.OneHour => time.GetUtcNow().Add(SnoozeDelay),
        SnoozeTime.ThisAfternoon => WardClock.ToInstant(WardClock.Today(time), AfternoonTime),
        _ => WardClock.ToInstant(WardClock.Today(time).AddDays(1), MorningTime),
    };

    private async Task<TaskActionOutcome> ApplyCoreAsync(Member member, string code, TaskActionRequest request, string channel, TaskActionOrigin origin)
    {
        var tap = origin == TaskActionOrigin.Tap;
        var action = request.Action;

        // Percent and close are decided by the lead unit; a note, a blocker or a snooze is a
        // contribution a supporting unit may make. On a finished task a note may still be added and a
        // reopening is the point; a typed percent asks whether to reopen; a tapped step comes too late.
        var decides = action is TaskAction.Done or TaskAction.Percent or TaskAction.Reopen;
        var allowOnDone = action is TaskAction.Note or TaskAction.Reopen || (action == TaskAction.Percent && !tap);
        var check = await progress.CheckAsync(member, code, decides, allowOnDone);
        if (check.Kind != ProgressOutcomeKind.Recorded)
        {
            return Refusal(check, code, origin);
        }

        var task = check.Task!;
        var today = WardClock.Today(time);
        switch (action)
        {
            case TaskAction.Done:
                return Recorded(await progress.MarkDoneAsync(member, code, request.Text, channel), code, origin, decides,
                    tap ? TaskActionTexts.DoneTapped : CommandTexts.Done);

            case TaskAction.Percent:
            {
                // A button is a step offered earlier: once the task is at or past it, it says so and changes nothing.
                if (tap && task.Percent >= request.Percent)
                {
                    return new(TaskActionResult.Unchanged, task, TaskActionTexts.MovedOn(task));
                }

                var outcome = await progress.SetPercentAsync(member, code, request.Percent, request.Text, channel, request.Reopen);
                if (outcome.Kind == ProgressOutcomeKind.NeedsReopen)
                {
                    var withButton = channel == TelegramChannelName;
                    return new(TaskActionResult.NeedsConfirmation, outcome.Task, ViewTexts.ConfirmReopen(outcome.Task!, request.Percent, withButton))
                    {
                        Buttons = withButton ? TaskButtons.Reopen(outcome.Task!, request.Percent) : [],
                    };
                }

                return Recorded(outcome, code, origin, decides, t =>
                    tap ? TaskActionTexts.PercentTapped(t)
                    : t.IsDone ? CommandTexts.Done(t)
                    : outcome.Reopened ? ViewTexts.Reopened(t, today)
                    : CommandTexts.Updated(t, today));
            }

            case TaskAction.Reopen:
            {
                if (!task.IsDone)
                {
                    return new(TaskActionResult.Unchanged, task, TaskActionTexts.MovedOn(task));
                }

                var outcome = await progress.SetPercentAsync(member, code, request.Percent, null, channel, reopen: true);
                return Recorded(outcome, code, origin, decides, t => tap ? ViewTexts.ReopenTapped(t) : ViewTexts.Reopened(t, today));
            }

            case TaskAction.Blocker:
                if (string.IsNullOrWhiteSpace(request.Text))
                {
                    return new(TaskActionResult.NeedsText, task, TaskActionTexts.BlockerTapped) { FollowUps = TaskFollowUps.AskBlockerText };
                }

                return Recorded(await progress.ReportBlockerAsync(member, code, request.Text, channel), code, origin, decides, CommandTexts.BlockerRecorded);

            case TaskAction.Note:
                return Recorded(await progress.AddNoteAsync(member, code, request.Text ?? "", channel), code, origin, decides, CommandTexts.NoteRecorded);

            default:
            {
                // The snoozer comes with the reminders; without it there is nothing to snooze.
                if (services.GetService<IReminderSnoozer>() is not { } snoozer)
                {
                    return new(TaskActionResult.Unavailable, task, TaskActionTexts.SnoozeUnavailable, Alert: true);
                }

                var at = SnoozeUntil(request.Until);
                if (at <= time.GetUtcNow())
                {
                    // "Chiều nay" said after 14:00: the afternoon has passed; nothing is planned.
                    return new(TaskActionResult.Unchanged, task, TaskActionTexts.AfternoonPassed(task));
                }

                await snoozer.SnoozeAsync(task.Code, member.Code, at);
                return new(TaskActionResult.Changed, task, TaskActionTexts.Snoozed(at)) { FollowUps = TaskFollowUps.Snoozed, SnoozedUntil = at };
            }
        }
    }

    private TaskActionOutcome Recorded(ProgressOutcome outcome, string code, TaskActionOrigin origin, bool decided, Func<WorkTask, string> said)
    {
        if (outcome.Kind != ProgressOutcomeKind.Recorded)
        {
            return Refusal(outcome, code, origin);
        }

        var task = outcome.Task!;
        var followUps = (decided ? TaskFollowUps.RefreshButtons : TaskFollowUps.None)
                        | (task.IsDone ? TaskFollowUps.RemindersCancelled : TaskFollowUps.None);
        var result = new TaskActionOutcome(TaskActionResult.Changed, task, said(task)) { FollowUps = followUps };
        if (origin == TaskActionOrigin.Answer && !task.IsDone)
        {
            // An answer to a reminder is a conversation about the task: show where it stands and what is next.
            result = result with
            {
                Text = result.Text + "\n" + CommandTexts.TaskLine(task, WardClock.Today(time)),
                Buttons = TaskButtons.For(task),
            };
        }

        return result;
    }

    private static TaskActionOutcome Refusal(ProgressOutcome check, string code, TaskActionOrigin origin)
    {
        var tap = origin == TaskActionOrigin.Tap;
        return check.Kind switch
        {
            ProgressOutcomeKind.NotAllowed => new(TaskActionResult.Refused, check.Task,
                tap ? TaskActionTexts.NotAllowed(check) : CommandTexts.NotAllowedOn(check), Alert: true),
            ProgressOutcomeKind.Withdrawn => new(TaskActionResult.Refused, check.Task,
                CommandTexts.Withdrawn(check.Task!.Code, check.WithdrawnOn), Alert: true),
            ProgressOutcomeKind.AlreadyDone => new(TaskActionResult.Unchanged, check.Task,
                tap ? TaskActionTexts.AlreadyDone(check.Task!.Code) : CommandTexts.AlreadyDone(check.Task!)),
            _ => new(TaskActionResult.NotFound, null,
                tap ? TaskActionTexts.TaskNotFound(code) : CommandTexts.TaskNotFound(code), Alert: true),
        };
    }
}
