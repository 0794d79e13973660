using Dapper;
using DoSon.Bot.Reminders;
using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>Reminder claims across instances (claimed_by, claimed_until). A claim is one conditional
/// UPDATE ... RETURNING: when two instances claim the same row, the second waits for the first's row
/// lock, reads the row again, finds it held and leaves it, so exactly one of them sends it.</summary>
internal sealed partial class PostgreSqlBotStore : IReminderClaimStore, IStoreProbe
{
    public async Task<ReminderClaimResult> ClaimAsync(IReadOnlyCollection<string> keys, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return new ReminderClaimResult(new HashSet<string>(StringComparer.Ordinal), null);
        }

        await using var connection = await ConnectAsync(cancellationToken);
        var args = new { keys = keys.ToArray(), owner, now = now.UtcDateTime, until = until.UtcDateTime };
        var claimed = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            UPDATE reminders SET claimed_by = @owner, claimed_until = @until
            WHERE key = ANY(@keys) AND state = 'Pending' AND (claimed_by IS NULL OR claimed_by = @owner OR claimed_until <= @now)
            RETURNING key
            """, args, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        if (claimed.Count == keys.Count)
        {
            return new ReminderClaimResult(claimed, null);
        }

        var heldUntil = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT min(claimed_until) FROM reminders WHERE key = ANY(@keys) AND state = 'Pending' AND claimed_by <> @owner AND claimed_until > @now",
            args, cancellationToken: cancellationToken));
        return new ReminderClaimResult(claimed, heldUntil is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }

    public Task<int> ReleaseAsync(IReadOnlyCollection<string>? keys, string owner, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE reminders SET claimed_by = NULL, claimed_until = NULL
            WHERE claimed_by = @owner AND state = 'Pending' AND (@all OR key = ANY(@keys))
            """,
            new { owner, all = keys is null, keys = keys?.ToArray() ?? [] }, cancellationToken);

    public Task<int> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE reminders SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL AND state = 'Pending' AND claimed_until <= @now",
            new { now = now.UtcDateTime }, cancellationToken);

    public async Task<bool> CanReachAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ConnectAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)) == 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }
}
