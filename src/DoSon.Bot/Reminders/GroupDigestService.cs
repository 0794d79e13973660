using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

/// <summary>What one run of a group digest did (logs and tests).</summary>
public sealed record GroupDigestRun(DigestKind Kind, DateOnly Date, int Delivered, int AlreadySent);

/// <summary>Sends the ward digest to the registered Telegram groups on the schedule of
/// Reminders:GroupDigest, through <see cref="IGroupDigestSender"/> (the Telegram sender keeps Telegram's 20 messages a
/// minute per group). Each group that received a digest is recorded per kind and date before the next
/// group is served, so a restart, a crash or a changed time of day never sends a group the same
/// digest twice; a group registered after a digest's time gets the next one. Without Telegram there
/// is no sender and nothing is scheduled.</summary>
public sealed class GroupDigestService(
    IEnumerable<IGroupDigestSender> senders,
    IGroupDigestLog log,
    ReminderScheduler scheduler,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<GroupDigestService> logger) : IHostedService, IDisposable
{
    private readonly GroupDigestSchedule _schedule = new(options.Value);
    private readonly IGroupDigestSender? _sender = senders.FirstOrDefault();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<GroupDigestRun> _runs = [];
    private readonly List<(DigestKind Kind, DateOnly Date, TaskCompletionSource<GroupDigestRun> Done)> _waiters = [];

    public GroupDigestSchedule Schedule => _schedule;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_sender is null || _schedule.Kinds.Count == 0)
        {
            logger.LogDebug("Không lên lịch báo cáo tổng hợp cho nhóm: {Reason}.",
                _sender is null ? "chưa cấu hình Telegram" : "Reminders:GroupDigest đang tắt");
            return;
        }

        var now = time.GetUtcNow();
        foreach (var kind in _schedule.Kinds)
        {
            if (_schedule.QuietTime(kind) is { } quiet)
            {
                logger.LogInformation("Giờ gửi báo cáo nhóm ({Kind}) {Time} nằm trong giờ yên lặng; báo cáo sẽ được gửi khi hết giờ yên lặng.",
                    kind, quiet.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            }

            var first = _schedule.First(kind, now);
            await scheduler.ScheduleGroupDigestAsync(kind.ToString(), first.Date, first.At, cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync();

    /// <summary>The job's work: schedule the next digest of this kind, then send this one to every
    /// group registered by its time that does not have it yet.</summary>
    public async Task<GroupDigestRun?> RunAsync(string kindName, DateOnly date, CancellationToken cancellationToken)
    {
        if (_sender is null || !Enum.TryParse<DigestKind>(kindName, out var kind))
        {
            return null;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = linked.Token;
        // The next one first: a failure below must not end the schedule.
        var next = _schedule.Next(kind, date, time.GetUtcNow());
        await scheduler.ScheduleGroupDigestAsync(kind.ToString(), next.Date, next.At, token);

        var planned = _schedule.At(kind, date);
        var done = await log.GroupsSentAsync(kind.ToString(), date, cancellationToken);
        var delivered = 0;
        try
        {
            delivered = await _sender.SendAsync(
                kind,
                g => g.RegisteredAt <= planned && !done.Contains(g.ChatId),
                g => log.RecordGroupSentAsync(kind.ToString(), date, g.ChatId, time.GetUtcNow()),
                token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            logger.LogInformation("Dừng giữa chừng khi gửi báo cáo nhóm ({Kind}) ngày {Date}; nhóm chưa nhận sẽ được gửi bù khi khởi động lại trong ngày.",
                kind, WardClock.Format(date));
        }

        var run = new GroupDigestRun(kind, date, delivered, done.Count);
        if (delivered > 0)
        {
            logger.LogInformation("Đã gửi báo cáo tổng hợp ({Kind}) ngày {Date} tới {Count} nhóm.", kind, WardClock.Format(date), delivered);
        }

        Completed(run);
        return run;
    }

    /// <summary>Completes when a run of this kind and date has finished (tests).</summary>
    public Task<GroupDigestRun> WhenRunAsync(DigestKind kind, DateOnly date)
    {
        lock (_gate)
        {
            if (_runs.LastOrDefault(r => r.Kind == kind && r.Date == date) is { } run)
            {
                return Task.FromResult(run);
            }

            var tcs = new TaskCompletionSource<GroupDigestRun>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((kind, date, tcs));
            return tcs.Task;
        }
    }

    public IReadOnlyList<GroupDigestRun> Runs
    {
        get
        {
            lock (_gate)
            {
                return [.. _runs];
            }
        }
    }

    private void Completed(GroupDigestRun run)
    {
        List<TaskCompletionSource<GroupDigestRun>> ready;
        lock (_gate)
        {
            _runs.Add(run);
            if (_runs.Count > 50)
            {
                _runs.RemoveAt(0);
            }

            ready = [.. _waiters.Where(w => w.Kind == run.Kind && w.Date == run.Date).Select(w => w.Done)];
            _waiters.RemoveAll(w => w.Kind == run.Kind && w.Date == run.Date);
        }

        foreach (var tcs in ready)
        {
            tcs.TrySetResult(run);
        }
    }

    public void Dispose() => _stopping.Dispose();
}
