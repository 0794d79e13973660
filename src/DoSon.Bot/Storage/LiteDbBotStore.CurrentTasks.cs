using DoSon.Bot.Domain;
using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class CurrentTasksDoc
{
    /// <summary>The member's code.</summary>
    [BsonId] public string MemberCode { get; set; } = "";
    public List<string> TaskCodes { get; set; } = [];
    /// <summary>UTC instant.</summary>
    public DateTime At { get; set; }

    public string? ChangedTask { get; set; }
    public int PreviousPercent { get; set; }
    public string PreviousStatus { get; set; } = "";
    public string Said { get; set; } = "";
    /// <summary>UTC instant of the last short-answer change.</summary>
    public DateTime ChangedAt { get; set; }
}

internal sealed partial class LiteDbBotStore : ICurrentTaskStore
{
    private ILiteCollection<CurrentTasksDoc> CurrentTaskDocs => _db.GetCollection<CurrentTasksDoc>("current_tasks");

    public Task SetCurrentTasksAsync(CurrentTasks current, CancellationToken cancellationToken = default)
    {
        UpdateCurrent(current.MemberCode, doc =>
        {
            doc.TaskCodes = [.. current.TaskCodes];
            doc.At = current.At.UtcDateTime;
        });
        return Task.CompletedTask;
    }

    public Task<CurrentTasks?> GetCurrentTasksAsync(string memberCode, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var doc = CurrentTaskDocs.FindById(memberCode);
            return Task.FromResult(doc is not { TaskCodes.Count: > 0 }
                ? null
                : new CurrentTasks(doc.MemberCode, doc.TaskCodes, new DateTimeOffset(DateTime.SpecifyKind(doc.At, DateTimeKind.Utc))));
        }
    }

    public Task SetLastChangeAsync(string memberCode, ShortAnswerChange? change, CancellationToken cancellationToken = default)
    {
        UpdateCurrent(memberCode, doc =>
        {
            doc.ChangedTask = change?.TaskCode;
            doc.PreviousPercent = change?.PreviousPercent ?? 0;
            doc.PreviousStatus = change?.PreviousStatus.ToString() ?? "";
            doc.Said = change?.Said ?? "";
            doc.ChangedAt = change?.At.UtcDateTime ?? default;
        });
        return Task.CompletedTask;
    }

    public Task<ShortAnswerChange?> GetLastChangeAsync(string memberCode, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var doc = CurrentTaskDocs.FindById(memberCode);
            return Task.FromResult(doc is { ChangedTask: { } task } && Enum.TryParse<WorkTaskStatus>(doc.PreviousStatus, out var status)
                ? new ShortAnswerChange(memberCode, task, doc.PreviousPercent, status, doc.Said,
                    new DateTimeOffset(DateTime.SpecifyKind(doc.ChangedAt, DateTimeKind.Utc)))
                : null);
        }
    }

    private void UpdateCurrent(string memberCode, Action<CurrentTasksDoc> change)
    {
        lock (_gate)
        {
            InTransaction(() =>
            {
                var doc = CurrentTaskDocs.FindById(memberCode) ?? new CurrentTasksDoc { MemberCode = memberCode };
                change(doc);
                return CurrentTaskDocs.Upsert(doc);
            });
        }
    }
}
