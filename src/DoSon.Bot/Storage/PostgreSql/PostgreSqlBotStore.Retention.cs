using Dapper;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>The retention as in the LiteDB store, in SQL. There is no file to rebuild: PostgreSQL's
/// autovacuum reuses the space of deleted rows, so <see cref="RebuildAsync"/> does nothing.</summary>
internal sealed partial class PostgreSqlBotStore : IReminderRetentionStore
{
    private static readonly string[] Tables =
    [
        "units", "members", "milestones", "sources", "tasks", "history", "reminders", "reminder_keys_done", "invites", "invite_attempts",
        "notice_drafts", "telegram_messages", "telegram_groups", "poll_state", "group_digests", "web_logins", "calendar_feeds", "web_keys",
    ];

    public async Task<RetentionRemoval> RemoveFinishedRemindersAsync(DateTimeOffset finishedBefore, int batchSize = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var documentsBefore = await FirstAsync<int>(
            "SELECT (" + string.Join(" + ", Tables.Select(t => $"(SELECT count(*) FROM {t})")) + ")::int", null, cancellationToken);
        int removed = 0, kept = 0;
        while (true)
        {
            // Each batch its own transaction, so chat answers are not held up.
            var (batch, keys) = await InTransactionAsync(async (c, t) =>
            {
                var row = await c.QuerySingleAsync<(int Removed, int Kept)>(Command(
                    """
                    WITH old AS (
                        SELECT key, state, updated_at FROM reminders
                        WHERE updated_at < @cutoff AND state <> 'Pending'
                        LIMIT @batchSize FOR UPDATE SKIP LOCKED),
                    done AS (
                        INSERT INTO reminder_keys_done (key, state, at)
                        SELECT key, state, updated_at FROM old WHERE state IN ('Sent', 'Skipped', 'Failed')
                        ON CONFLICT (key) DO UPDATE SET state = excluded.state, at = excluded.at
                        RETURNING 1),
                    gone AS (
                        DELETE FROM reminders r USING old WHERE r.key = old.key RETURNING 1)
                    SELECT (SELECT count(*) FROM gone)::int, (SELECT count(*) FROM done)::int
                    """,
                    new { cutoff = finishedBefore.UtcDateTime, batchSize }, t, cancellationToken));
                return row;
            }, cancellationToken);
            removed += batch;
            kept += keys;
            if (batch < batchSize)
            {
                return new RetentionRemoval(removed, kept, documentsBefore);
            }
        }
    }

    public async Task<int> DoneKeyCountAsync(CancellationToken cancellationToken = default) =>
        await FirstAsync<int>("SELECT count(*)::int FROM reminder_keys_done", null, cancellationToken);

    /// <summary>The size on disk of the ward's schema (tables, indexes and TOAST).</summary>
    public async Task<long> FileSizeAsync(CancellationToken cancellationToken = default) =>
        await FirstAsync<long>(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'",
            null, cancellationToken);

    public Task<StoreRebuild?> RebuildAsync(CancellationToken cancellationToken = default) => Task.FromResult<StoreRebuild?>(null);
}
