using System.Globalization;
using System.Net.Sockets;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DoSon.Bot.Cluster;

/// <summary>Decides which instance of a ward works. The active one holds a session-level advisory lock
/// of the ward's schema on a connection of its own, kept open and checked with a cheap query every
/// <see cref="ClusterOptions.CheckEvery"/>; standbys try the lock as often. When the active process
/// dies its session ends and the lock is free at once; when its machine or network dies, the server
/// ends the session through the TCP keepalives this connection sets, within the takeover time. An
/// active instance that cannot check its lock steps down at once: it stops the active-only services
/// and ends the process, which the service manager starts again as a standby (a fresh process is
/// simpler to get right than restarting Quartz and the pollers inside one). Waits run on the app's
/// TimeProvider, so tests drive them with a fake clock; the lock itself is real PostgreSQL.</summary>
internal sealed class LeaderElection(
    IOptions<ClusterOptions> options,
    IOptions<StorageOptions> storage,
    ClusterRole role,
    ActiveOnlyGate gate,
    ReminderClaims claims,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LeaderElection> logger) : BackgroundService
{
    /// <summary>The lock's session is named so in pg_stat_activity (followed by the instance name).</summary>
    public const string ApplicationNamePrefix = "doson-bot-lock:";

    private readonly ClusterOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("{Line}", ClusterTexts.Standby(_options.Name));
        string? lastError = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await TryTakeAsync(stoppingToken);
                lastError = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or SocketException or InvalidOperationException)
            {
                // Said once per kind of failure, not every few seconds while the server is down.
                if (ex.Message != lastError)
                {
                    logger.LogWarning("{Line}", ClusterTexts.CannotTry(_options.Name, ex.Message));
                    lastError = ex.Message;
                }
            }

            if (connection is not null)
            {
                await HoldAsync(connection, stoppingToken);
                return;
            }

            try
            {
                await Task.Delay(_options.CheckEvery, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<NpgsqlConnection?> TryTakeAsync(CancellationToken cancellationToken)
    {
        var seconds = (int)_options.CheckEvery.TotalSeconds;
        var builder = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString)
        {
            // Its own physical connection: closing it must end the session, and with it the lock.
            Pooling = false,
            ApplicationName = ApplicationNamePrefix + _options.Name,
            Timeout = Math.Max(2, seconds),
            CommandTimeout = Math.Max(2, seconds),
            KeepAlive = Math.Max(1, seconds),
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The server's side: a peer that vanished (machine off, network cut) is noticed in a few
            // seconds instead of the system's two hours, and its lock freed for a standby.
            await using (var keepalive = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture,
                $"SET tcp_keepalives_idle = {seconds}; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3; SET tcp_user_timeout = {seconds * 2000}"), connection))
            {
                await keepalive.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('doson-bot:active:' || @schema, 0))", connection);
            take.Parameters.AddWithValue("schema", storage.Value.Schema);
            if (await take.ExecuteScalarAsync(cancellationToken) is true)
            {
                return connection;
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

    private async Task HoldAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        try
        {
            // What a dead instance had claimed and not sent goes out again (at most once more).
            var released = await claims.ReleaseExpiredAsync(stoppingToken);
            role.BecameActive();
            logger.LogWarning("{Line}", ClusterTexts.TookOver(_options.Name, released));
            await gate.StartAllAsync(stoppingToken);
            while (true)
            {
                await Task.Delay(_options.CheckEvery, time, stoppingToken);
                await using var check = new NpgsqlCommand("SELECT 1", connection);
                await check.ExecuteScalarAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: stop working first, then give the lock back by closing.
            role.StepDown(lost: false);
            await gate.StopAllAsync(CancellationToken.None);
            await ReleaseClaimsAsync();
            logger.LogInformation("{Line}", ClusterTexts.StoppedActive(_options.Name));
        }
        catch (Exception ex)
        {
            role.StepDown(lost: true);
            logger.LogWarning("{Line}", ClusterTexts.SteppedDown(_options.Name, ClusterTexts.LostLock + " (" + ex.GetType().Name + ")"));
            await gate.StopAllAsync(CancellationToken.None);
            await ReleaseClaimsAsync();
            lifetime.StopApplication();
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private async Task ReleaseClaimsAsync()
    {
        try
        {
            await claims.ReleaseAllAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or SocketException or InvalidOperationException)
        {
            // The database is gone too: the claims run out by themselves after the takeover time.
        }
    }
}
