using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands;

public enum ProgressOutcomeKind
{
    Recorded,
    NotFound,
    NotAllowed,
    AlreadyDone,
}

public sealed record ProgressOutcome(ProgressOutcomeKind Kind, WorkTask? Task);

/// <summary>The one way a task's progress changes, whether from a typed command, a button or a reply:
/// it checks who may change the task, keeps the history and lets the store tell the scheduler.</summary>
public sealed class TaskProgress(IBotStore store, TimeProvider time)
{
    public ProgressOutcome SetPercent(Member caller, string code, int percent, string? note, string channel)
    {
        var status = percent switch
        {
            >= 100 => WorkTaskStatus.Done,
            0 => WorkTaskStatus.NotStarted,
            _ => WorkTaskStatus.InProgress,
        };
        return Record(caller, code, status == WorkTaskStatus.Done ? ProgressKind.Done : ProgressKind.Progress,
            percent, status, note, channel, allowOnDone: true);
    }

    public ProgressOutcome MarkDone(Member caller, string code, string? note, string channel) =>
        Record(caller, code, ProgressKind.Done, 100, WorkTaskStatus.Done, note, channel, allowOnDone: false);

    public ProgressOutcome ReportBlocker(Member caller, string code, string text, string channel) =>
        Record(caller, code, ProgressKind.Blocker, null, WorkTaskStatus.Blocked, text, channel, allowOnDone: false);

    public ProgressOutcome AddNote(Member caller, string code, string text, string channel) =>
        Record(caller, code, ProgressKind.Note, null, null, text, channel, allowOnDone: true);

    private ProgressOutcome Record(
        Member caller, string code, ProgressKind kind, int? percent, WorkTaskStatus? status, string? note,
        string channel, bool allowOnDone)
    {
        var task = store.FindTask(code);
        if (task is null)
        {
            return new(ProgressOutcomeKind.NotFound, null);
        }

        if (!AccessPolicy.CanChange(caller, task))
        {
            return new(ProgressOutcomeKind.NotAllowed, task);
        }

        if (task.IsDone && !allowOnDone)
        {
            return new(ProgressOutcomeKind.AlreadyDone, task);
        }

        var report = new ProgressReport(
            task.Code, caller.Code, time.GetUtcNow(), kind, percent, status ?? task.Status,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), channel);
        return new(ProgressOutcomeKind.Recorded, store.RecordProgress(report));
    }
}
