using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Backups;

/// <summary>What one automatic backup did (logs and tests): the copy, or why there is none.</summary>
public sealed record BackupRun(BackupReason Reason, DateTimeOffset At, string? Path, string? Failure);

/// <summary>The automatic copies of the running bot: every day at Backup:DailyTime (ward time) and
/// before every import into a database that holds a ward. Copies are taken online, under the store's
/// lock. A failure is logged as one error line (no stack trace) and, while the bot runs, told to the
/// admins in chat through the reminders' notices, the same path as delivery problems.</summary>
internal sealed class BackupService(
    DatabaseBackups backups,
    IServiceProvider services,
    ReminderScheduler scheduler,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupService> logger) : IHostedService, IBeforeImport
{
    private readonly Lock _gate = new();
    private readonly List<BackupRun> _runs = [];
    private TaskCompletionSource<BackupRun> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _running;

    public IReadOnlyList<BackupRun> Runs
    {
        get
        {
            lock (_gate)
            {
                return [.. _runs];
            }
        }
    }

    /// <summary>Completes with the next automatic backup's outcome (tests).</summary>
    public Task<BackupRun> WhenNextRunAsync()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        if (!TryDailyTime(out var daily))
        {
            logger.LogInformation("Sao lưu hằng ngày đang tắt (Backup:DailyTime để trống).");
            return;
        }

        await scheduler.ScheduleDailyBackupAsync(WardClock.NextAt(daily, time.GetUtcNow()), cancellationToken);
        logger.LogInformation("Sao lưu hằng ngày lúc {Time} vào {Folder}.", daily.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), backups.Folder);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        return Task.CompletedTask;
    }

    /// <summary>The job's work: schedule tomorrow's first (a failure must not end the schedule), then copy.</summary>
    public async Task<BackupRun> RunDailyAsync(CancellationToken cancellationToken)
    {
        if (TryDailyTime(out var daily))
        {
            await scheduler.ScheduleDailyBackupAsync(WardClock.NextAt(daily, time.GetUtcNow()), cancellationToken);
        }

        return await RunAsync(BackupReason.Regular);
    }

    public async Task BeforeImportAsync()
    {
        var run = await RunAsync(BackupReason.BeforeImport);
        if (run.Failure is not null)
        {
            throw new ExpectedFailureException(BackupTexts.ImportNotBackedUp(run.Failure), ExitCodes.Failed);
        }
    }

    private async Task<BackupRun> RunAsync(BackupReason reason)
    {
        var at = time.GetUtcNow();
        BackupRun run;
        try
        {
            var store = services.GetRequiredService<LiteDbBotStore>();
            var result = backups.Write(store.CopyDataFileTo, reason);
            logger.LogInformation("Đã sao lưu cơ sở dữ liệu vào {Path}.", result.Path);
            if (result.Deleted.Count > 0)
            {
                logger.LogInformation("Xoay vòng bản sao lưu: đã xóa {Count} bản cũ.", result.Deleted.Count);
            }

            run = new(reason, at, result.Path, null);
        }
        catch (Exception ex) when (ex is ExpectedFailureException or IOException or UnauthorizedAccessException || StoreFailure.Is(ex))
        {
            // One line, no stack trace: the reason is all the operator can act on.
            logger.LogError("Sao lưu tự động không thành công: {Reason}", ex.Message);
            run = new(reason, at, null, ex.Message);
            await TellAdminsAsync(run);
        }

        Completed(run);
        return run;
    }

    private async Task TellAdminsAsync(BackupRun run)
    {
        if (!_running)
        {
            return;
        }

        try
        {
            await services.GetRequiredService<ReminderDispatcher>()
                .TellAdminsAsync($"backup-failed-{run.At.UtcTicks}", BackupTexts.AutomaticFailed(run.Failure!));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException || StoreFailure.Is(ex))
        {
            logger.LogError("Không báo được cho quản trị viên về lỗi sao lưu: {Reason}", ex.Message);
        }
    }

    private void Completed(BackupRun run)
    {
        TaskCompletionSource<BackupRun> done;
        lock (_gate)
        {
            _runs.Add(run);
            if (_runs.Count > 50)
            {
                _runs.RemoveAt(0);
            }

            done = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult(run);
    }

    private bool TryDailyTime(out TimeOnly daily)
    {
        daily = default;
        return !string.IsNullOrWhiteSpace(options.Value.DailyTime) && ReminderPolicy.TryParseTime(options.Value.DailyTime, out daily);
    }
}
