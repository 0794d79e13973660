using Dapper;
using DoSon.Bot.Domain;
using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>The task reads. SQL narrows by indexed columns holding codes in lower case; each result
/// is then filtered by the domain's own rule (TaskScope, ordinal and ignoring case) and ordered by
/// due date, then code (ordinal), so both stores answer exactly alike whatever the server's collation.</summary>
internal sealed partial class PostgreSqlBotStore
{
    private const string NotWithdrawn = "status <> 'Withdrawn'";

    public Task<IReadOnlyList<WorkTask>> GetTasksAsync(CancellationToken cancellationToken = default) =>
        FindTasksAsync(NotWithdrawn, null, _ => true, cancellationToken);

    public async Task<WorkTask?> FindTaskAsync(string code, CancellationToken cancellationToken = default) =>
        await FirstAsync<string>("SELECT doc::text FROM tasks WHERE key = @key", new { key = Key(code) }, cancellationToken) is { } json
            ? FromJson<TaskDoc>(json).ToDomain()
            : null;

    public Task<IReadOnlyList<WorkTask>> GetTasksForAsync(string memberCode, CancellationToken cancellationToken = default) =>
        FindTasksAsync($"assignee_keys @> ARRAY[@key] AND {NotWithdrawn}", new { key = Key(memberCode) }, t => t.IsAssignedTo(memberCode), cancellationToken);

    public async Task<IReadOnlyList<WorkTask>> GetTasksLedByAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default) =>
        unitCodes.Count == 0
            ? []
            : await FindTasksAsync($"lead_unit_key = ANY(@keys) AND {NotWithdrawn}", new { keys = Keys(unitCodes) }, t => unitCodes.Any(u => TaskScope.LedBy(t, u)), cancellationToken);

    public async Task<IReadOnlyList<WorkTask>> GetTasksSupportedByAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default) =>
        unitCodes.Count == 0
            ? []
            : await FindTasksAsync($"support_unit_keys && @keys AND {NotWithdrawn}", new { keys = Keys(unitCodes) }, t => unitCodes.Any(u => TaskScope.SupportedBy(t, u)), cancellationToken);

    public async Task<IReadOnlyList<WorkTask>> GetOpenTasksDueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        from > to
            ? []
            : await FindTasksAsync($"status <> 'Done' AND due BETWEEN @from::date AND @to::date AND {NotWithdrawn}",
                new { from = DocumentMapping.ToIso(from), to = DocumentMapping.ToIso(to) }, t => !t.IsDone && t.Due >= from && t.Due <= to, cancellationToken);

    public async Task<IReadOnlyList<WorkTask>> GetOverdueTasksAsync(DateOnly today, CancellationToken cancellationToken = default) =>
        today == DateOnly.MinValue
            ? []
            : await FindTasksAsync($"status <> 'Done' AND due < @today::date AND {NotWithdrawn}",
                new { today = DocumentMapping.ToIso(today) }, t => TaskScope.IsOverdue(t, today), cancellationToken);

    public Task<IReadOnlyList<WorkTask>> GetTasksOfMilestoneAsync(string milestoneCode, CancellationToken cancellationToken = default) =>
        FindTasksAsync($"milestone_key = @key AND {NotWithdrawn}", new { key = Key(milestoneCode) },
            t => string.Equals(t.Milestone, milestoneCode, StringComparison.OrdinalIgnoreCase), cancellationToken);

    public Task<IReadOnlyList<WorkTask>> GetTasksWithStatusAsync(WorkTaskStatus status, CancellationToken cancellationToken = default) =>
        FindTasksAsync("status = @status", new { status = status.ToString() }, t => t.Status == status, cancellationToken);

    public async Task<IReadOnlyList<WorkTask>> GetTasksAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>($"SELECT doc::text FROM tasks WHERE key = ANY(@keys) AND {NotWithdrawn}", new { keys = Keys(codes) }, cancellationToken))
            .Select(j => FromJson<TaskDoc>(j).ToDomain())];

    /// <summary>Read from the table's columns each time rather than kept in memory: another instance
    /// on the same schema may have changed any task since.</summary>
    public async Task<IReadOnlyList<TaskStanding>> GetTaskStandingsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<(string Code, string Lead, string Support, string Status, string Due, int Percent)>(
            $"SELECT code, doc->>'LeadUnit', (doc->'SupportUnits')::text, status, doc->>'Due', percent FROM tasks WHERE {NotWithdrawn}", null, cancellationToken);
        return [.. rows
            .Select(r => new TaskStanding(r.Code, r.Lead, FromJson<List<string>>(r.Support), Enum.Parse<WorkTaskStatus>(r.Status), DocumentMapping.FromIso(r.Due), r.Percent))
            .OrderBy(s => s.Due).ThenBy(s => s.Code, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<WorkTask>> FindTasksAsync(string where, object? args, Func<WorkTask, bool> exactly, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<string>($"SELECT doc::text FROM tasks WHERE {where}", args, cancellationToken))
            .Select(j => FromJson<TaskDoc>(j).ToDomain())
            .Where(exactly)
            .OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal)];

    private static async Task<TaskDoc?> FindTaskDocAsync(NpgsqlConnection c, NpgsqlTransaction t, string code, CancellationToken cancellationToken) =>
        await c.QueryFirstOrDefaultAsync<string>(Command("SELECT doc::text FROM tasks WHERE key = @key FOR UPDATE", new { key = Key(code) }, t, cancellationToken)) is { } json
            ? FromJson<TaskDoc>(json)
            : null;

    private const string UpsertTask =
        """
        INSERT INTO tasks (key, code, lead_unit_key, support_unit_keys, assignee_keys, due, milestone_key, status, percent, doc)
        VALUES (@key, @code, @lead, @support, @assignees, @due::date, @milestone, @status, @percent, @doc::jsonb)
        ON CONFLICT (key) DO UPDATE SET code = excluded.code, lead_unit_key = excluded.lead_unit_key,
            support_unit_keys = excluded.support_unit_keys, assignee_keys = excluded.assignee_keys, due = excluded.due,
            milestone_key = excluded.milestone_key, status = excluded.status, percent = excluded.percent, doc = excluded.doc
        """;

    private static Task<int> WriteTaskAsync(NpgsqlConnection c, NpgsqlTransaction t, TaskDoc doc, CancellationToken cancellationToken) =>
        c.ExecuteAsync(Command(UpsertTask, TaskArgs(doc), t, cancellationToken));

    private static object TaskArgs(TaskDoc doc) => new
    {
        key = Key(doc.Code),
        code = doc.Code,
        lead = Key(doc.LeadUnit),
        support = Keys(doc.SupportUnits),
        assignees = Keys(doc.Assignees),
        due = doc.Due,
        milestone = doc.Milestone is null ? null : Key(doc.Milestone),
        status = doc.Status,
        percent = doc.Percent,
        doc = ToJson(doc),
    };
}
