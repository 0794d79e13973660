using Dapper;
using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>The ward as a snapshot (`storage copy`): the documents the LiteDB file keeps, read from
/// their jsonb or their columns, and written back in one transaction.</summary>
internal sealed partial class PostgreSqlBotStore : IWardTransfer
{
    /// <summary>Every table a snapshot fills, for the emptiness check and the undo of a copy that did not verify.</summary>
    private const string TransferTables =
        "units, members, milestones, sources, tasks, history, reminders, reminder_keys_done, telegram_groups, telegram_messages, group_digests, invites, calendar_feeds, handled_updates, current_tasks";

    /// <summary>For tests: runs inside the copy's transaction just before it commits (throw to fail a copy in the middle).</summary>
    internal Action? BeforeTransferCommit { get; set; }

    public async Task<WardSnapshot> ExportAsync(CancellationToken cancellationToken = default)
    {
        // One repeatable-read transaction: every table as of the same moment, though another instance may be writing.
        await using var c = await ConnectAsync(cancellationToken);
        await using var t = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        async Task<List<T>> Docs<T>(string table, string order = "key") =>
            [.. (await c.QueryAsync<string>(Command($"SELECT doc::text FROM {table} ORDER BY {order}", null, t, cancellationToken))).Select(FromJson<T>)];

        var snapshot = new WardSnapshot
        {
            Units = await Docs<UnitDoc>("units"),
            Members = await Docs<MemberDoc>("members"),
            Milestones = await Docs<MilestoneDoc>("milestones"),
            Sources = await Docs<SourceDoc>("sources"),
            Tasks = await Docs<TaskDoc>("tasks"),
            History = await Docs<HistoryDoc>("history", "id"),
            Reminders = [.. await c.QueryAsync<ReminderDoc>(Command($"SELECT {Columns} FROM reminders ORDER BY key", null, t, cancellationToken))],
            DoneReminderKeys = [.. await c.QueryAsync<DoneReminderKeyDoc>(Command("SELECT key, state, at FROM reminder_keys_done ORDER BY key", null, t, cancellationToken))],
            TelegramGroups = [.. await c.QueryAsync<TelegramGroupDoc>(Command("SELECT chat_id, title, registered_by, registered_at FROM telegram_groups ORDER BY chat_id", null, t, cancellationToken))],
            TelegramMessages = [.. (await c.QueryAsync<(long ChatId, int MessageId, string[] TaskCodes, string Purpose, DateTime At)>(Command(
                    "SELECT chat_id, message_id, task_codes, purpose, at FROM telegram_messages ORDER BY chat_id, message_id", null, t, cancellationToken)))
                .Select(m => new TelegramMessageDoc { Id = $"{m.ChatId}:{m.MessageId}", ChatId = m.ChatId, MessageId = m.MessageId, TaskCodes = [.. m.TaskCodes], Purpose = m.Purpose, At = m.At })],
            GroupDigests = [.. (await c.QueryAsync<(string Kind, string Date, long ChatId, DateTime SentAt)>(Command(
                    "SELECT kind, to_char(date, 'YYYY-MM-DD'), chat_id, sent_at FROM group_digests ORDER BY kind, date, chat_id", null, t, cancellationToken)))
                .Select(g => new GroupDigestDoc { Id = $"{g.Kind}:{g.Date}:{g.ChatId}", Kind = g.Kind, Date = g.Date, ChatId = g.ChatId, SentAt = g.SentAt })],
            Invites = [.. await c.QueryAsync<InviteDoc>(Command("SELECT code_hash, member_code, created_at, expires_at, used_at, used_on, used_by FROM invites ORDER BY code_hash", null, t, cancellationToken))],
            CalendarFeeds = [.. await c.QueryAsync<CalendarFeedDoc>(Command("SELECT member_code, token_hash, created_at FROM calendar_feeds ORDER BY member_code", null, t, cancellationToken))],
            HandledUpdates = [.. (await c.QueryAsync<(string Platform, string UpdateId, DateTime HandledAt)>(Command(
                    "SELECT platform, update_id, handled_at FROM handled_updates ORDER BY platform, update_id", null, t, cancellationToken)))
                .Select(h => new HandledUpdateDoc { Id = $"{h.Platform}:{h.UpdateId}", Platform = h.Platform, UpdateId = h.UpdateId, HandledAt = h.HandledAt })],
            CurrentTasks = [.. (await c.QueryAsync<CurrentRow>(Command(
                    "SELECT member_code, task_codes, said_at, changed_task, previous_percent, previous_status, said, changed_at FROM current_tasks ORDER BY member_key", null, t, cancellationToken)))
                .Select(r => new CurrentTasksDoc
                {
                    MemberCode = r.MemberCode, TaskCodes = [.. r.TaskCodes], At = r.SaidAt ?? default, ChangedTask = r.ChangedTask,
                    PreviousPercent = r.PreviousPercent, PreviousStatus = r.PreviousStatus, Said = r.Said, ChangedAt = r.ChangedAt ?? default,
                })],
        };
        await t.CommitAsync(cancellationToken);
        return snapshot;
    }

    public async Task<bool> IsEmptyForTransferAsync(CancellationToken cancellationToken = default) =>
        await FirstAsync<bool>("SELECT " + string.Join(" AND ", TransferTables.Split(", ").Select(table => $"NOT EXISTS (SELECT 1 FROM {table})")), null, cancellationToken);

    /// <summary>Empties every table a copy fills: the undo of a copy into a schema that was there before.</summary>
    internal Task ClearTransferredAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync($"TRUNCATE {TransferTables} RESTART IDENTITY", null, cancellationToken);

    public Task ImportAsync(WardSnapshot s, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            Task Many(string sql, IEnumerable<object> rows) => c.ExecuteAsync(Command(sql, rows.ToList(), t, cancellationToken));

            await Many("INSERT INTO units (key, code, doc) VALUES (@key, @code, @doc::jsonb)",
                s.Units.Select(d => new { key = Key(d.Code), code = d.Code, doc = ToJson(d) }));
            foreach (var d in s.Members)
            {
                await WriteMemberAsync(c, t, d, cancellationToken);
            }

            await Many("INSERT INTO milestones (key, code, date, doc) VALUES (@key, @code, @date::date, @doc::jsonb)",
                s.Milestones.Select(d => new { key = Key(d.Code), code = d.Code, date = d.Date, doc = ToJson(d) }));
            await Many("INSERT INTO sources (key, doc) VALUES (@key, @doc::jsonb)", s.Sources.Select(d => new { key = Key(d.Number), doc = ToJson(d) }));
            foreach (var d in s.Tasks)
            {
                await WriteTaskAsync(c, t, d, cancellationToken);
            }

            // In the order written, so that each task's history reads back oldest first.
            foreach (var d in s.History)
            {
                d.At = DocumentMapping.Utc(d.At);
                await InsertHistoryAsync(c, t, d, cancellationToken);
            }

            await InsertRemindersAsync(c, t, [.. s.Reminders.Select(UtcTimes)], cancellationToken);
            await Many("INSERT INTO reminder_keys_done (key, state, at) VALUES (@Key, @State, @At)",
                s.DoneReminderKeys.Select(d => new { d.Key, d.State, At = DocumentMapping.Utc(d.At) }));
            await Many("INSERT INTO telegram_groups (chat_id, title, registered_by, registered_at) VALUES (@ChatId, @Title, @RegisteredBy, @At)",
                s.TelegramGroups.Select(d => new { d.ChatId, d.Title, d.RegisteredBy, At = DocumentMapping.Utc(d.RegisteredAt) }));
            await Many("INSERT INTO telegram_messages (chat_id, message_id, task_codes, purpose, at) VALUES (@ChatId, @MessageId, @TaskCodes, @Purpose, @At)",
                s.TelegramMessages.Select(d => new { d.ChatId, d.MessageId, TaskCodes = d.TaskCodes.ToArray(), d.Purpose, At = DocumentMapping.Utc(d.At) }));
            await Many("INSERT INTO group_digests (kind, date, chat_id, sent_at) VALUES (@Kind, @Date::date, @ChatId, @SentAt)",
                s.GroupDigests.Select(d => new { d.Kind, d.Date, d.ChatId, SentAt = DocumentMapping.Utc(d.SentAt) }));
            await Many("INSERT INTO invites (code_hash, member_code, created_at, expires_at, used_at, used_on, used_by) VALUES (@CodeHash, @MemberCode, @CreatedAt, @ExpiresAt, @UsedAt, @UsedOn, @UsedBy)",
                s.Invites.Select(d => new
                {
                    d.CodeHash, d.MemberCode, CreatedAt = DocumentMapping.Utc(d.CreatedAt), ExpiresAt = DocumentMapping.Utc(d.ExpiresAt),
                    UsedAt = d.UsedAt is { } u ? DocumentMapping.Utc(u) : (DateTime?)null, d.UsedOn, d.UsedBy,
                }));
            await Many("INSERT INTO calendar_feeds (member_code, token_hash, created_at) VALUES (@MemberCode, @TokenHash, @CreatedAt)",
                s.CalendarFeeds.Select(d => new { d.MemberCode, d.TokenHash, CreatedAt = DocumentMapping.Utc(d.CreatedAt) }));
            await Many("INSERT INTO handled_updates (platform, update_id, handled_at) VALUES (@Platform, @UpdateId, @HandledAt)",
                s.HandledUpdates.Select(d => new { d.Platform, d.UpdateId, HandledAt = DocumentMapping.Utc(d.HandledAt) }));
            await Many("""
                INSERT INTO current_tasks (member_key, member_code, task_codes, said_at, changed_task, previous_percent, previous_status, said, changed_at)
                VALUES (@key, @code, @tasks, @saidAt, @ChangedTask, @PreviousPercent, @PreviousStatus, @Said, @changedAt)
                """,
                s.CurrentTasks.Select(d => new
                {
                    key = Key(d.MemberCode), code = d.MemberCode, tasks = d.TaskCodes.ToArray(),
                    saidAt = d.At == default ? (DateTime?)null : DocumentMapping.Utc(d.At), d.ChangedTask, d.PreviousPercent, PreviousStatus = d.PreviousStatus ?? "", Said = d.Said ?? "",
                    changedAt = d.ChangedAt == default ? (DateTime?)null : DocumentMapping.Utc(d.ChangedAt),
                }));
            BeforeTransferCommit?.Invoke();
            return 0;
        }, cancellationToken);

    private static ReminderDoc UtcTimes(ReminderDoc d)
    {
        d.DueAt = DocumentMapping.Utc(d.DueAt);
        d.SendAt = DocumentMapping.Utc(d.SendAt);
        d.UpdatedAt = DocumentMapping.Utc(d.UpdatedAt);
        d.SentAt = d.SentAt is { } s ? DocumentMapping.Utc(s) : null;
        return d;
    }
}
