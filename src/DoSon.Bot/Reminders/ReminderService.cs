using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

/// <summary>Keeps the stored plan and Quartz in step with the tasks: at start it sends what was
/// missed during downtime (within the catch-up window), re-plans and rebuilds Quartz; after every
/// task change it re-plans at once (a finished task's reminders are cancelled before the call that
/// finished it returns) and brings Quartz in line in the background.</summary>
public sealed class ReminderService(
    IBotStore store,
    IReminderStore reminders,
    ReminderScheduler scheduler,
    ReminderDispatcher dispatcher,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger) : IHostedService, IReminderSnoozer, IDisposable
{
    private readonly ReminderPolicy _policy = ReminderPolicy.From(options.Value);
    private readonly Lock _planGate = new();
    private readonly SemaphoreSlim _syncRequested = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private Task _syncLoop = Task.CompletedTask;

    public ReminderPolicy Policy => _policy;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var caught = reminders.CatchUp(now, _policy.CatchUpWindow, _policy.OutOfQuietHours(now));
        // One line however long the downtime: an old database once printed a warning per reminder
        // (245 of them) before the prompt. Each skipped reminder keeps its own note in the store.
        if (caught.Skipped.Count > 0)
        {
            logger.LogWarning("{Summary}", ReminderTexts.SkippedAfterDowntime(
                caught.Skipped.Count, caught.Skipped.Min(r => r.DueAt), caught.Skipped.Max(r => r.DueAt)));
        }

        if (caught.Late.Count > 0)
        {
            logger.LogInformation("Sẽ gửi bù {Count} nhắc việc bị lỡ khi hệ thống tạm dừng.", caught.Late.Count);
        }

        Replan();
        await SyncAsync(cancellationToken);
        await scheduler.ScheduleReplanAsync(NextReplanAt(now), cancellationToken);
        store.TasksChanged += OnTasksChanged;
        _syncLoop = Task.Run(SyncLoopAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        store.TasksChanged -= OnTasksChanged;
        await _stopping.CancelAsync();
        try
        {
            await _syncLoop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Nothing to keep: Quartz is rebuilt from the store at the next start.
        }

        await dispatcher.StopAsync(cancellationToken);
    }

    /// <summary>Re-plans now (store only, synchronous) and returns what changed.</summary>
    public ReminderPlanChanges Replan()
    {
        lock (_planGate)
        {
            var now = time.GetUtcNow();
            var tasks = store.GetTasks();
            var plan = ReminderPlanner.Plan(tasks, store.GetMilestones(), store.GetMembers(), _policy, now);
            var open = tasks.Where(t => !t.IsDone).Select(t => t.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var changes = reminders.ApplyPlan(plan, open, now);
            if (changes.Any)
            {
                logger.LogInformation("Lập lại kế hoạch nhắc việc: thêm {Added}, dời {Moved}, hủy {Cancelled}, khôi phục {Revived}.",
                    changes.Added, changes.Moved, changes.Cancelled, changes.Revived);
            }

            return changes;
        }
    }

    /// <summary>Re-plans and waits until Quartz holds exactly the pending slots.</summary>
    public async Task ReplanAsync(bool daily, CancellationToken cancellationToken)
    {
        Replan();
        await SyncAsync(cancellationToken);
        if (daily)
        {
            await scheduler.ScheduleReplanAsync(NextReplanAt(time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>Makes Quartz hold one trigger per (member, instant) that has a pending reminder.</summary>
    public Task SyncAsync(CancellationToken cancellationToken)
    {
        var slots = reminders.GetReminders(ReminderState.Pending)
            .Select(r => new ReminderSlot(r.MemberCode, r.SendAt))
            .Distinct()
            .ToList();
        return scheduler.SyncAsync(slots, cancellationToken);
    }

    public void Snooze(string taskCode, string memberCode, DateTimeOffset at)
    {
        var task = store.FindTask(taskCode);
        var member = store.FindMember(memberCode);
        if (task is null || task.IsDone || member is null)
        {
            return;
        }

        var when = _policy.OutOfQuietHours(at);
        reminders.AddOneOff(new PlannedReminder(ReminderKeys.Snooze(task.Code, member.Code, when), ReminderKind.Snooze,
            member.Code, task.Code, null, "snooze", when));
        RequestSync();
    }

    private void OnTasksChanged(IReadOnlyCollection<string> codes)
    {
        try
        {
            Replan();
            RequestSync();
        }
        catch (Exception ex)
        {
            // The change itself is committed; the daily re-plan and the next start will catch up.
            logger.LogError(ex, "Không lập lại được kế hoạch nhắc việc sau thay đổi nhiệm vụ {Codes}.", string.Join(", ", codes));
        }
    }

    private void RequestSync() => _syncRequested.Release();

    private async Task SyncLoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _syncRequested.WaitAsync(token);
                // Many changes in a row (an import) need one sync, not one each.
                while (_syncRequested.Wait(0))
                {
                }

                await SyncAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Không cập nhật được lịch Quartz.");
            }
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _syncRequested.Dispose();
    }

    private static DateTimeOffset NextReplanAt(DateTimeOffset now)
    {
        var tomorrow = DateOnly.FromDateTime(WardClock.ToLocal(now).DateTime).AddDays(1);
        return WardClock.ToInstant(tomorrow, new TimeOnly(0, 1));
    }
}
