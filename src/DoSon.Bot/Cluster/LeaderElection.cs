using System.Data.Common;
using System.Net.Sockets;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    IWardLock wardLock,
    ClusterRole role,
    ActiveOnlyGate gate,
    ReminderClaims claims,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LeaderElection> logger) : BackgroundService
{
    private readonly ClusterOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("{Line}", ClusterTexts.Standby(_options.Name));
        string? lastError = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            IHeldWardLock? held = null;
            try
            {
                held = await wardLock.TryTakeAsync(_options.Name, _options.CheckEvery, stoppingToken);
                lastError = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or TimeoutException or SocketException or InvalidOperationException)
            {
                // Said once per kind of failure, not every few seconds while the server is down.
                if (ex.Message != lastError)
                {
                    logger.LogWarning("{Line}", ClusterTexts.CannotTry(_options.Name, ex.Message));
                    lastError = ex.Message;
                }
            }

            if (held is not null)
            {
                await HoldAsync(held, stoppingToken);
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

    private async Task HoldAsync(IHeldWardLock held, CancellationToken stoppingToken)
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
                await held.CheckAsync(stoppingToken);
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
            await held.DisposeAsync();
        }
    }

    private async Task ReleaseClaimsAsync()
    {
        try
        {
            await claims.ReleaseAllAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or SocketException or InvalidOperationException)
        {
            // The database is gone too: the claims run out by themselves after the takeover time.
        }
    }
}
