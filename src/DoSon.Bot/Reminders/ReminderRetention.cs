using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

/// <summary>What one retention run did: what it removed, and the rebuild of the file if there was one.</summary>
public sealed record RetentionRun(DateTimeOffset At, RetentionRemoval Removal, StoreRebuild? Rebuild);

/// <summary>Keeps the store small: finished reminders older than Reminders:KeepDays are removed
/// (their keys kept, so nothing is sent twice), and the file is rebuilt when much was removed.</summary>
public interface IReminderRetention
{
    /// <summary>One retention run as of <paramref name="now"/> (the daily job calls it with the app
    /// clock; a simulation may call it with any instant).</summary>
    Task<RetentionRun> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>The daily retention, at Reminders:RetentionTime in the ward (02:45 by default: after the
/// 02:30 backup, so a rebuild always has a fresh copy behind it, and long before the first reminder).</summary>
public sealed class ReminderRetention(
    IReminderRetentionStore store,
    ReminderScheduler scheduler,
    IOptions<ReminderRetentionOptions> options,
    TimeProvider time,
    ILogger<ReminderRetention> logger) : IReminderRetention, IHostedService
{
    /// <summary>A run that removes more than this share of the file's documents rebuilds the file.
    /// Day to day LiteDB reuses the pages freed by the retention, so the file stops growing; only a
    /// large removal (the first run on an old database, a long KeepDays shortened) leaves much empty space.</summary>
    public const double RebuildShare = 0.2;

    private readonly Lock _gate = new();
    private readonly List<RetentionRun> _runs = [];

    /// <summary>The runs since start (tests and logs), most recent last.</summary>
    public IReadOnlyList<RetentionRun> Runs
    {
        get
        {
            lock (_gate)
            {
                return [.. _runs];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!TryDailyTime(out var daily))
        {
            logger.LogInformation("{Text}", RetentionTexts.Off);
            return;
        }

        await ScheduleNextAsync(daily, cancellationToken);
        logger.LogInformation("{Text}", RetentionTexts.Scheduled(daily, options.Value.KeepDays));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<RetentionRun> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var before = now.AddDays(-options.Value.KeepDays);
        var removal = await store.RemoveFinishedRemindersAsync(before, cancellationToken: cancellationToken);
        if (removal.Removed > 0)
        {
            logger.LogInformation("{Text}", RetentionTexts.Removed(removal.Removed, removal.KeysKept, before));
        }

        StoreRebuild? rebuild = null;
        if (removal.Removed > 0 && removal.Removed > removal.DocumentsBefore * RebuildShare)
        {
            rebuild = await store.RebuildAsync(cancellationToken);
            if (rebuild is null)
            {
                logger.LogInformation("{Text}", RetentionTexts.RebuildSkipped);
            }
            else if (rebuild.CountsMatch)
            {
                logger.LogInformation("{Text}", RetentionTexts.Rebuilt(rebuild.SizeBefore, rebuild.SizeAfter));
            }
            else
            {
                logger.LogError("{Text}", RetentionTexts.RebuildCountsDiffer(rebuild.LeftCopy));
            }
        }

        var run = new RetentionRun(now, removal, rebuild);
        lock (_gate)
        {
            _runs.Add(run);
            if (_runs.Count > 50)
            {
                _runs.RemoveAt(0);
            }
        }

        return run;
    }

    /// <summary>The job's work: schedule tomorrow's first (a failure must not end the schedule), then run.</summary>
    internal async Task RunDailyAsync(CancellationToken cancellationToken)
    {
        if (TryDailyTime(out var daily))
        {
            await ScheduleNextAsync(daily, cancellationToken);
        }

        try
        {
            await RunAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ExpectedFailureException || StoreFailure.Is(ex))
        {
            // One line: tomorrow's run tries again, and nothing was lost (each batch is one transaction).
            logger.LogError("{Text}", RetentionTexts.Failed(ex.Message));
        }
    }

    /// <summary>When the daily retention fires next, or null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> NextRunAsync(CancellationToken cancellationToken)
    {
        return await scheduler.NextRetentionAsync(cancellationToken);
    }

    private async Task ScheduleNextAsync(TimeOnly daily, CancellationToken cancellationToken)
    {
        await scheduler.ScheduleRetentionAsync(WardClock.NextAt(daily, time.GetUtcNow()), cancellationToken);
    }

    private bool TryDailyTime(out TimeOnly daily)
    {
        daily = default;
        return !string.IsNullOrWhiteSpace(options.Value.RetentionTime) && ReminderPolicy.TryParseTime(options.Value.RetentionTime, out daily);
    }
}
