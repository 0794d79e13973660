using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>The chat's memory shared by the instances of a ward: updates handled lately (so that the
/// instance taking over does not handle one again) and each member's current task for short answers.</summary>
internal sealed partial class PostgreSqlBotStore : IHandledUpdateStore, ICurrentTaskStore
{
    public async Task<bool> WasHandledAsync(string platform, string updateId, CancellationToken cancellationToken = default) =>
        await FirstAsync<int?>("SELECT 1 FROM handled_updates WHERE platform = @platform AND update_id = @updateId",
            new { platform, updateId }, cancellationToken) is not null;

    public Task MarkHandledAsync(string platform, string updateId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO handled_updates (platform, update_id, handled_at) VALUES (@platform, @updateId, @at) ON CONFLICT DO NOTHING",
            new { platform, updateId, at = at.UtcDateTime }, cancellationToken);

    public Task<int> ForgetHandledBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM handled_updates WHERE handled_at < @before", new { before = before.UtcDateTime }, cancellationToken);

    public Task SetCurrentTasksAsync(CurrentTasks current, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO current_tasks (member_key, member_code, task_codes, said_at) VALUES (@key, @code, @tasks, @at)
            ON CONFLICT (member_key) DO UPDATE SET task_codes = excluded.task_codes, said_at = excluded.said_at
            """, new { key = Key(current.MemberCode), code = current.MemberCode, tasks = current.TaskCodes.ToArray(), at = current.At.UtcDateTime }, cancellationToken);

    public async Task<CurrentTasks?> GetCurrentTasksAsync(string memberCode, CancellationToken cancellationToken = default)
    {
        var row = await FirstAsync<CurrentRow>(
            "SELECT member_code, task_codes, said_at, changed_task, previous_percent, previous_status, said, changed_at FROM current_tasks WHERE member_key = @key",
            new { key = Key(memberCode) }, cancellationToken);
        return row is { TaskCodes.Length: > 0, SaidAt: { } at }
            ? new CurrentTasks(memberCode, row.TaskCodes, new DateTimeOffset(DocumentMapping.Utc(at), TimeSpan.Zero))
            : null;
    }

    public Task SetLastChangeAsync(string memberCode, ShortAnswerChange? change, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO current_tasks (member_key, member_code, changed_task, previous_percent, previous_status, said, changed_at)
            VALUES (@key, @code, @task, @percent, @status, @said, @at)
            ON CONFLICT (member_key) DO UPDATE SET changed_task = excluded.changed_task, previous_percent = excluded.previous_percent,
                previous_status = excluded.previous_status, said = excluded.said, changed_at = excluded.changed_at
            """, new
        {
            key = Key(memberCode),
            code = memberCode,
            task = change?.TaskCode,
            percent = change?.PreviousPercent ?? 0,
            status = change?.PreviousStatus.ToString() ?? "",
            said = change?.Said ?? "",
            at = change?.At.UtcDateTime,
        }, cancellationToken);

    public async Task<ShortAnswerChange?> GetLastChangeAsync(string memberCode, CancellationToken cancellationToken = default)
    {
        var row = await FirstAsync<CurrentRow>(
            "SELECT member_code, task_codes, said_at, changed_task, previous_percent, previous_status, said, changed_at FROM current_tasks WHERE member_key = @key",
            new { key = Key(memberCode) }, cancellationToken);
        return row is { ChangedTask: { } task, ChangedAt: { } at } && Enum.TryParse<WorkTaskStatus>(row.PreviousStatus, out var status)
            ? new ShortAnswerChange(memberCode, task, row.PreviousPercent, status, row.Said, new DateTimeOffset(DocumentMapping.Utc(at), TimeSpan.Zero))
            : null;
    }

    private sealed class CurrentRow
    {
        public string MemberCode { get; set; } = "";
        public string[] TaskCodes { get; set; } = [];
        public DateTime? SaidAt { get; set; }
        public string? ChangedTask { get; set; }
        public int PreviousPercent { get; set; }
        public string PreviousStatus { get; set; } = "";
        public string Said { get; set; } = "";
        public DateTime? ChangedAt { get; set; }
    }
}
