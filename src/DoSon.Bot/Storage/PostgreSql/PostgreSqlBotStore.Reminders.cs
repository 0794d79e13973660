using Dapper;
using DoSon.Bot.Reminders;
using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>The reminders' plan and states. A reminder leaves Pending only through one UPDATE whose
/// WHERE says state = 'Pending' (CompleteAsync, CatchUpAsync, CancelPendingAsync): of two instances
/// completing the same key, exactly one changes it. A re-plan runs under a transaction-scoped advisory
/// lock of the schema, so two re-plans never interleave (the LiteDB store's one lock, across processes).</summary>
internal sealed partial class PostgreSqlBotStore : IReminderStore
{
    private const string Columns =
        "key, kind, member_code, task_code, milestone_code, step, due_at, send_at, state, late, attempts, note, text, sent_at, channel, updated_at";

    private const string PlanLock = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':reminder-plan'))";

    public Task<ReminderPlanChanges> ApplyPlanAsync(IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyAsync($"SELECT {Columns} FROM reminders FOR UPDATE", null, plan, openTaskCodes, now, cancellationToken);

    public Task<ReminderPlanChanges> ApplyPlanAsync(IReadOnlyList<PlannedReminder> plan, ReminderScope scope, IReadOnlySet<string> openTaskCodes, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyAsync(
            $"""
            SELECT {Columns} FROM reminders
            WHERE task_code = ANY(@tasks) OR milestone_code = ANY(@milestones)
               OR EXISTS (SELECT 1 FROM unnest(@prefixes) p WHERE starts_with(key, p))
            FOR UPDATE
            """,
            new
            {
                tasks = scope.TaskCodes.ToArray(),
                milestones = scope.MilestoneCodes.ToArray(),
                prefixes = scope.DigestMembers.Select(ReminderKeys.DigestPrefix).ToArray(),
            },
            plan, openTaskCodes, now, cancellationToken);

    private Task<ReminderPlanChanges> ApplyAsync(string read, object? args, IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(async (c, t) =>
        {
            var nowUtc = now.UtcDateTime;
            await c.ExecuteAsync(Command(PlanLock, null, t, cancellationToken));
            var stored = (await c.QueryAsync<ReminderDoc>(Command(read, args, t, cancellationToken))).ToDictionary(d => d.Key, StringComparer.Ordinal);
            var candidates = plan.Select(p => p.Key).Where(k => !stored.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToArray();
            var done = candidates.Length == 0
                ? []
                : (await c.QueryAsync<string>(Command("SELECT key FROM reminder_keys_done WHERE key = ANY(@keys)", new { keys = candidates }, t, cancellationToken))).ToHashSet(StringComparer.Ordinal);
            var merge = ReminderPlanMerge.Merge(stored, plan, openTaskCodes, nowUtc, done.Contains);
            await InsertRemindersAsync(c, t, merge.Inserts, cancellationToken);
            await UpdateRemindersAsync(c, t, merge.Updates, cancellationToken);
            return merge.Changes;
        }, cancellationToken);

    private static async Task InsertRemindersAsync(NpgsqlConnection c, NpgsqlTransaction t, List<ReminderDoc> docs, CancellationToken cancellationToken)
    {
        if (docs.Count == 0)
        {
            return;
        }

        // One statement for the whole batch (unnest of arrays), not a round trip per reminder.
        await c.ExecuteAsync(Command(
            $"""
            INSERT INTO reminders ({Columns})
            SELECT * FROM unnest(@key, @kind, @member, @task, @milestone, @step, @due, @send, @state, @late, @attempts, @note, @text, @sent, @channel, @updated)
            ON CONFLICT (key) DO NOTHING
            """,
            new
            {
                key = docs.Select(d => d.Key).ToArray(),
                kind = docs.Select(d => d.Kind).ToArray(),
                member = docs.Select(d => d.MemberCode).ToArray(),
                task = docs.Select(d => d.TaskCode).ToArray(),
                milestone = docs.Select(d => d.MilestoneCode).ToArray(),
                step = docs.Select(d => d.Step).ToArray(),
                due = docs.Select(d => d.DueAt).ToArray(),
                send = docs.Select(d => d.SendAt).ToArray(),
                state = docs.Select(d => d.State).ToArray(),
                late = docs.Select(d => d.Late).ToArray(),
                attempts = docs.Select(d => d.Attempts).ToArray(),
                note = docs.Select(d => d.Note).ToArray(),
                text = docs.Select(d => d.Text).ToArray(),
                sent = docs.Select(d => d.SentAt).ToArray(),
                channel = docs.Select(d => d.Channel).ToArray(),
                updated = docs.Select(d => d.UpdatedAt).ToArray(),
            }, t, cancellationToken));
    }

    private static async Task UpdateRemindersAsync(NpgsqlConnection c, NpgsqlTransaction t, List<ReminderDoc> docs, CancellationToken cancellationToken)
    {
        foreach (var d in docs)
        {
            await c.ExecuteAsync(Command(
                """
                UPDATE reminders SET due_at = @DueAt, send_at = @SendAt, state = @State, late = @Late, attempts = @Attempts,
                    note = @Note, sent_at = @SentAt, channel = @Channel, updated_at = @UpdatedAt
                WHERE key = @Key
                """, d, t, cancellationToken));
        }
    }

    public Task<int> CancelPendingAsync(IReadOnlyCollection<string> taskCodes, DateTimeOffset at, string note, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE reminders SET state = 'Cancelled', note = @note, updated_at = @at WHERE task_code = ANY(@codes) AND state = 'Pending'",
            new { codes = taskCodes.ToArray(), note, at = at.UtcDateTime }, cancellationToken);

    public async Task<IReadOnlyList<Reminder>> GetPendingUpToAsync(DateTimeOffset upTo, CancellationToken cancellationToken = default) =>
        BySendTime(await QueryAsync<ReminderDoc>($"SELECT {Columns} FROM reminders WHERE state = 'Pending' AND send_at <= @upTo", new { upTo = upTo.UtcDateTime }, cancellationToken));

    public async Task<bool> AddOneOffAsync(PlannedReminder reminder, CancellationToken cancellationToken = default)
    {
        return await InTransactionAsync(async (c, t) =>
        {
            var doc = LiteDbBotStore.ToDoc(reminder, reminder.DueAt.UtcDateTime);
            var added = await c.ExecuteAsync(Command(
                $"INSERT INTO reminders ({Columns}) VALUES (@Key, @Kind, @MemberCode, @TaskCode, @MilestoneCode, @Step, @DueAt, @SendAt, @State, @Late, @Attempts, @Note, @Text, @SentAt, @Channel, @UpdatedAt) ON CONFLICT (key) DO NOTHING",
                doc, t, cancellationToken));
            return added == 1;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Reminder>> GetRemindersAsync(ReminderState? state = null, CancellationToken cancellationToken = default) =>
        BySendTime(state is { } s
            ? await QueryAsync<ReminderDoc>($"SELECT {Columns} FROM reminders WHERE state = @state", new { state = s.ToString() }, cancellationToken)
            : await QueryAsync<ReminderDoc>($"SELECT {Columns} FROM reminders", null, cancellationToken));

    public async Task<ReminderLogPage> GetReminderLogAsync(ReminderLogQuery query, CancellationToken cancellationToken = default)
    {
        var args = new
        {
            state = query.State?.ToString(),
            member = query.MemberCode is { Length: > 0 } m ? m : null,
            task = query.TaskCode is { Length: > 0 } t ? t : null,
            from = query.From?.UtcDateTime,
            to = query.To?.UtcDateTime,
            skip = Math.Max(0, query.Skip),
            take = Math.Max(1, query.Take),
        };
        const string where = """
            (@state::text IS NULL OR state = @state) AND (@member::text IS NULL OR member_code = @member)
            AND (@task::text IS NULL OR task_code = @task)
            AND (@from::timestamptz IS NULL OR send_at >= @from) AND (@to::timestamptz IS NULL OR send_at < @to)
            """;
        await using var connection = await ConnectAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM reminders WHERE {where}", args, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ReminderDoc>(new CommandDefinition(
            $"SELECT {Columns} FROM reminders WHERE {where} ORDER BY send_at DESC, key COLLATE \"C\" OFFSET @skip LIMIT @take", args, cancellationToken: cancellationToken));
        return new ReminderLogPage([.. items.Select(LiteDbBotStore.ToReminder)], total);
    }

    public async Task<Reminder?> FindReminderAsync(string key, CancellationToken cancellationToken = default) =>
        await FirstAsync<ReminderDoc>($"SELECT {Columns} FROM reminders WHERE key = @key", new { key }, cancellationToken) is { } doc
            ? LiteDbBotStore.ToReminder(doc)
            : null;

    public async Task<IReadOnlyList<Reminder>> GetRemindersOfTaskAsync(string taskCode, CancellationToken cancellationToken = default) =>
        BySendTime(await QueryAsync<ReminderDoc>($"SELECT {Columns} FROM reminders WHERE task_code = @taskCode", new { taskCode }, cancellationToken));

    /// <summary>Due at the scheduler's precision: a slot is a millisecond (as LiteDB keeps times), while
    /// PostgreSQL keeps microseconds, so a reminder sent at 03.047044 is due at the slot 03.047.</summary>
    public async Task<IReadOnlyList<Reminder>> GetDueAsync(string memberCode, DateTimeOffset upTo, CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<ReminderDoc>($"SELECT {Columns} FROM reminders WHERE member_code = @memberCode AND state = 'Pending' AND send_at < @before",
                new { memberCode, before = new DateTime(upTo.UtcTicks - upTo.UtcTicks % TimeSpan.TicksPerMillisecond + TimeSpan.TicksPerMillisecond, DateTimeKind.Utc) }, cancellationToken))
            .Select(LiteDbBotStore.ToReminder)
            .OrderBy(r => r.DueAt).ThenBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>One conditional UPDATE: a reminder another instance already completed is not
    /// counted, so the caller can tell which of the keys it really moved.</summary>
    public Task<int> CompleteAsync(IReadOnlyCollection<string> keys, ReminderState state, DateTimeOffset at, string? note, int attempts = 0, string? channel = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE reminders SET state = @state, note = @note, attempts = attempts + @attempts, channel = coalesce(@channel, channel),
                updated_at = @at, sent_at = CASE WHEN @sent THEN @at ELSE sent_at END, claimed_by = NULL, claimed_until = NULL
            WHERE key = ANY(@keys) AND state = 'Pending'
            """,
            new { keys = keys.ToArray(), state = state.ToString(), note, attempts, channel, at = at.UtcDateTime, sent = state == ReminderState.Sent },
            cancellationToken);

    public Task<CatchUpResult> CatchUpAsync(DateTimeOffset now, TimeSpan window, DateTimeOffset sendAt, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            var args = new { now = now.UtcDateTime, oldest = (now - window).UtcDateTime, sendAt = sendAt.UtcDateTime };
            var late = await c.QueryAsync<ReminderDoc>(Command(
                $"UPDATE reminders SET send_at = @sendAt, late = true, updated_at = @now WHERE state = 'Pending' AND send_at < @now AND send_at >= @oldest RETURNING {Columns}",
                args, t, cancellationToken));
            var skipped = await c.QueryAsync<ReminderDoc>(Command(
                $"UPDATE reminders SET state = 'Skipped', note = 'Quá thời hạn nhắc bù sau khi hệ thống tạm dừng.', updated_at = @now WHERE state = 'Pending' AND send_at < @oldest RETURNING {Columns}",
                args, t, cancellationToken));
            return new CatchUpResult(ByDueTime(late), ByDueTime(skipped));
        }, cancellationToken);

    private static List<Reminder> BySendTime(IEnumerable<ReminderDoc> docs) =>
        [.. docs.Select(LiteDbBotStore.ToReminder).OrderBy(r => r.SendAt).ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static List<Reminder> ByDueTime(IEnumerable<ReminderDoc> docs) =>
        [.. docs.Select(LiteDbBotStore.ToReminder).OrderBy(r => r.DueAt).ThenBy(r => r.Key, StringComparer.Ordinal)];
}
