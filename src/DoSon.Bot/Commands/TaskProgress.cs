using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands;

public enum ProgressOutcomeKind
{
    Recorded,
    NotFound,
    NotAllowed,
    AlreadyDone,
    /// <summary>The change would reopen a finished task and was not confirmed: nothing changed.</summary>
    NeedsReopen,
    /// <summary>The task was withdrawn (on <see cref="ProgressOutcome.WithdrawnOn"/>): nothing changes any more.</summary>
    Withdrawn,
}

/// <param name="Relation">How the caller stands to the task; says, on a refusal, who may do it instead.</param>
/// <param name="Decides">Whether the refused change was one only those who decide may make (percent, close).</param>
/// <param name="Reopened">The change reopened a finished task (confirmed).</param>
/// <param name="WithdrawnOn">For <see cref="ProgressOutcomeKind.Withdrawn"/>: the ward's date it was withdrawn.</param>
public sealed record ProgressOutcome(ProgressOutcomeKind Kind, WorkTask? Task, TaskRelation Relation = TaskRelation.Stranger, bool Decides = false, bool Reopened = false, DateOnly? WithdrawnOn = null);

/// <summary>The one way a task's progress changes, whether from a typed command, a button or a reply:
/// it checks who may change the task, keeps the history and lets the store tell the scheduler.</summary>
public sealed class TaskProgress(IBotStore store, TimeProvider time)
{
    /// <summary>Sets the percent (100 closes the task). Below 100 on a finished task it reopens the task
    /// only when <paramref name="reopen"/> says so (the caller confirmed); otherwise nothing changes and
    /// the outcome is <see cref="ProgressOutcomeKind.NeedsReopen"/>.</summary>
    public async Task<ProgressOutcome> SetPercentAsync(Member caller, string code, int percent, string? note, string channel, bool reopen = false)
    {
        var status = percent switch
        {
            >= 100 => WorkTaskStatus.Done,
            0 => WorkTaskStatus.NotStarted,
            _ => WorkTaskStatus.InProgress,
        };
        var check = await CheckAsync(caller, code, decides: true, allowOnDone: true);
        var reopens = check is { Kind: ProgressOutcomeKind.Recorded, Task.IsDone: true } && status != WorkTaskStatus.Done;
        if (reopens && !reopen)
        {
            return check with { Kind = ProgressOutcomeKind.NeedsReopen };
        }

        var kind = reopens ? ProgressKind.Reopened : status == WorkTaskStatus.Done ? ProgressKind.Done : ProgressKind.Progress;
        var outcome = await RecordAsync(caller, code, kind, percent, status, note, channel, allowOnDone: true, decides: true);
        return outcome with { Reopened = reopens && outcome.Kind == ProgressOutcomeKind.Recorded };
    }

    /// <summary>Puts a task back to the percent and status it had before a change ("hoàn tác"), as one
    /// more entry of its history: the rules are those of a percent (the lead unit decides), and a
    /// finished task is reopened without asking (the member is undoing their own "xong").</summary>
    public async Task<ProgressOutcome> RestoreAsync(Member caller, string code, int percent, WorkTaskStatus status, string note, string channel)
    {
        var check = await CheckAsync(caller, code, decides: true, allowOnDone: true);
        var kind = check is { Kind: ProgressOutcomeKind.Recorded, Task.IsDone: true } && status != WorkTaskStatus.Done
            ? ProgressKind.Reopened
            : ProgressKind.Progress;
        return await RecordAsync(caller, code, kind, percent, status, note, channel, allowOnDone: true, decides: true);
    }

    public Task<ProgressOutcome> MarkDoneAsync(Member caller, string code, string? note, string channel) =>
        RecordAsync(caller, code, ProgressKind.Done, 100, WorkTaskStatus.Done, note, channel, allowOnDone: false, decides: true);

    public Task<ProgressOutcome> ReportBlockerAsync(Member caller, string code, string text, string channel) =>
        RecordAsync(caller, code, ProgressKind.Blocker, null, WorkTaskStatus.Blocked, text, channel, allowOnDone: false, decides: false);

    public Task<ProgressOutcome> AddNoteAsync(Member caller, string code, string text, string channel) =>
        RecordAsync(caller, code, ProgressKind.Note, null, null, text, channel, allowOnDone: true, decides: false);

    /// <summary>Withdraws the task (admins only): it keeps its history, gains one entry with the
    /// reason, and its reminders stop. A task already withdrawn stays as it was.</summary>
    public async Task<ProgressOutcome> WithdrawAsync(Member caller, string code, string reason, string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var task = await store.FindTaskAsync(code);
        if (task is null)
        {
            return new(ProgressOutcomeKind.NotFound, null);
        }

        var relation = AccessPolicy.RelationOf(caller, task);
        if (caller.Role != MemberRole.Admin)
        {
            return new(ProgressOutcomeKind.NotAllowed, task, relation, Decides: true);
        }

        if (task.IsWithdrawn)
        {
            return await WithdrawnAsync(task, relation);
        }

        var report = new ProgressReport(task.Code, caller.Code, time.GetUtcNow(), ProgressKind.Withdrawn, null, WorkTaskStatus.Withdrawn, reason.Trim(), channel);
        return new(ProgressOutcomeKind.Recorded, await store.RecordProgressAsync(report), relation, Decides: true);
    }

    /// <summary>The history entry that withdrew the task, the latest if several.</summary>
    public async Task<ProgressReport?> WithdrawalOfAsync(WorkTask task) =>
        task.IsWithdrawn ? (await store.GetHistoryAsync(task.Code)).LastOrDefault(h => h.Kind == ProgressKind.Withdrawn) : null;

    private async Task<ProgressOutcome> WithdrawnAsync(WorkTask task, TaskRelation relation) =>
        new(ProgressOutcomeKind.Withdrawn, task, relation,
            WithdrawnOn: await WithdrawalOfAsync(task) is { } entry ? DateOnly.FromDateTime(WardClock.ToLocal(entry.At).DateTime) : null);

    private async Task<ProgressOutcome> RecordAsync(
        Member caller, string code, ProgressKind kind, int? percent, WorkTaskStatus? status, string? note,
        string channel, bool allowOnDone, bool decides)
    {
        var check = await CheckAsync(caller, code, decides, allowOnDone);
        if (check.Kind != ProgressOutcomeKind.Recorded)
        {
            return check;
        }

        var task = check.Task!;

        var report = new ProgressReport(
            task.Code, caller.Code, time.GetUtcNow(), kind, percent, status ?? task.Status,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), channel);
        return new(ProgressOutcomeKind.Recorded, await store.RecordProgressAsync(report), check.Relation, decides);
    }

    /// <summary>Whether <paramref name="caller"/> may make a change, without making it: the one rule the
    /// commands, the replies and the buttons share. "Recorded" here means "allowed".</summary>
    /// <param name="decides">True for percent and close (the lead unit decides); false for a note, a
    /// blocker or a snooze (supporting units contribute).</param>
    public async Task<ProgressOutcome> CheckAsync(Member caller, string code, bool decides, bool allowOnDone)
    {
        var task = await store.FindTaskAsync(code);
        if (task is null)
        {
            return new(ProgressOutcomeKind.NotFound, null);
        }

        var relation = AccessPolicy.RelationOf(caller, task);
        var allowed = decides ? AccessPolicy.CanDecide(caller, task) : AccessPolicy.CanContribute(caller, task);
        if (!allowed)
        {
            return new(ProgressOutcomeKind.NotAllowed, task, relation, decides);
        }

        if (task.IsWithdrawn)
        {
            return await WithdrawnAsync(task, relation);
        }

        if (task.IsDone && !allowOnDone)
        {
            return new(ProgressOutcomeKind.AlreadyDone, task, relation, decides);
        }

        return new(ProgressOutcomeKind.Recorded, task, relation, decides);
    }
}
