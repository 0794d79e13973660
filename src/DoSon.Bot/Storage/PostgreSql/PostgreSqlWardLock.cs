using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>A session-level advisory lock on a key hashed from the ward's schema, held on a
/// connection of its own (no pool: closing it must end the session, and with it the lock), named
/// <c>doson-bot-lock:&lt;instance&gt;</c> in pg_stat_activity. The connection sets the server's TCP
/// keepalives, so that a holder that vanished (machine off, network cut) is noticed in seconds instead
/// of the system's two hours, and its lock freed for a standby.</summary>
internal sealed class PostgreSqlWardLock(IOptions<StorageOptions> storage) : IWardLock
{
    public const string ApplicationNamePrefix = "doson-bot-lock:";

    public async Task<IHeldWardLock?> TryTakeAsync(string instanceName, TimeSpan checkEvery, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)checkEvery.TotalSeconds);
        var builder = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationNamePrefix + instanceName,
            Timeout = Math.Max(2, seconds),
            CommandTimeout = Math.Max(2, seconds),
            KeepAlive = seconds,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var keepalive = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture,
                $"SET tcp_keepalives_idle = {seconds}; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3; SET tcp_user_timeout = {seconds * 2000}"), connection))
            {
                await keepalive.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('doson-bot:active:' || @schema, 0))", connection);
            take.Parameters.AddWithValue("schema", storage.Value.Schema);
            if (await take.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(NpgsqlConnection connection) : IHeldWardLock
    {
        public async Task CheckAsync(CancellationToken cancellationToken)
        {
            await using var check = new NpgsqlCommand("SELECT 1", connection);
            await check.ExecuteScalarAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
