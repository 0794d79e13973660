using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

/// <summary>Keeps the stored plan and Quartz in step with the tasks. At start it sends what was
/// missed during downtime (within the catch-up window), re-plans everything and gives Quartz the
/// slots of the next hours (the horizon), topped up every hour. A change to tasks is recorded and the
/// caller goes on: a finished task's reminders are cancelled at once (one indexed update), and a
/// background re-planner, a few seconds later, re-plans only the changed tasks, their milestones and
/// the digests of the members they touch. A full re-plan runs at start, every night, and when a
/// change goes beyond tasks (members, milestones).</summary>
public sealed class ReminderService(
    IBotStore store,
    IReminderStore reminders,
    ReminderScheduler scheduler,
    ReminderDispatcher dispatcher,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger) : IHostedService, IReminderSnoozer, IDisposable
{
    /// <summary>How long changes are collected before one background re-plan.</summary>
    public static readonly TimeSpan ReplanDelay = TimeSpan.FromSeconds(2);

    /// <summary>How often the slots entering the horizon are given to Quartz.</summary>
    public static readonly TimeSpan TopUpEvery = TimeSpan.FromHours(1);

    private readonly ReminderPolicy _policy = ReminderPolicy.From(options.Value);
    private readonly TimeSpan _horizon = TimeSpan.FromHours(options.Value.SchedulingHorizonHours);
    // A semaphore, not a lock: the re-plan awaits the store while it holds the gate.
    private readonly SemaphoreSlim _planGate = new(1, 1);
    private ReplanQueue? _queue;
    private OpenTaskIndex? _index;
    private string _shape = "";
    private int _topUps;

    public ReminderPolicy Policy => _policy;

    /// <summary>The background re-planner (tests: how many runs it made).</summary>
    public ReplanQueue Queue => _queue ??= new ReplanQueue(time, ReplanDelay, RunAsync, logger);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var caught = await reminders.CatchUpAsync(now, _policy.CatchUpWindow, _policy.OutOfQuietHours(now), cancellationToken);
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

        await ReplanAsync();
        await SyncAsync(cancellationToken);
        await scheduler.ScheduleReplanAsync(NextReplanAt(now), cancellationToken);
        await scheduler.ScheduleTopUpAsync(now + TopUpEvery, cancellationToken);
        store.TasksChanged += OnTasksChanged;
        Queue.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        store.TasksChanged -= OnTasksChanged;
        await Queue.StopAsync(cancellationToken);
        await dispatcher.StopAsync(cancellationToken);
    }

    /// <summary>Re-plans every task now (store only) and returns what changed.</summary>
    public async Task<ReminderPlanChanges> ReplanAsync()
    {
        await _planGate.WaitAsync();
        try
        {
            return await ReplanAllAsync();
        }
        finally
        {
            _planGate.Release();
        }
    }

    /// <summary>The whole re-plan, with the gate held.</summary>
    private async Task<ReminderPlanChanges> ReplanAllAsync()
    {
        var now = time.GetUtcNow();
        var tasks = await store.GetTasksAsync();
        var milestones = await store.GetMilestonesAsync();
        var members = await store.GetMembersAsync();
        var plan = ReminderPlanner.Plan(tasks, milestones, members, _policy, now);
        var open = tasks.Where(t => !t.IsDone).Select(t => t.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var changes = await reminders.ApplyPlanAsync(plan, open, now);
        _index = new OpenTaskIndex(tasks, members);
        _shape = ShapeOf(milestones, members);
        Log(changes);
        return changes;
    }

    /// <summary>Re-plans only these tasks, the milestones they are (or were) tied to and the digests of
    /// the members they concern; everything when members or milestones changed since the last plan.</summary>
    public async Task<ReminderPlanChanges> ReplanAsync(IReadOnlyCollection<string> taskCodes)
    {
        await _planGate.WaitAsync();
        try
        {
            var milestones = await store.GetMilestonesAsync();
            var members = await store.GetMembersAsync();
            if (_index is null || ShapeOf(milestones, members) != _shape)
            {
                return await ReplanAllAsync();
            }

            var now = time.GetUtcNow();
            var tasks = await store.GetTasksAsync(taskCodes);
            var (touchedMilestones, touchedMembers) = _index.Update(taskCodes, tasks);
            var plan = ReminderPlanner.PlanPart(tasks, touchedMilestones, touchedMembers, _index, milestones, members, _policy, now);
            var scope = new ReminderScope(
                [.. taskCodes.Concat(tasks.Select(t => t.Code)).Distinct(StringComparer.OrdinalIgnoreCase)],
                [.. touchedMilestones.Concat(milestones.Where(m => touchedMilestones.Contains(m.Code)).Select(m => m.Code)).Distinct(StringComparer.OrdinalIgnoreCase)],
                _policy.DigestEnabled ? [.. touchedMembers] : []);
            var open = tasks.Where(t => !t.IsDone).Select(t => t.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var changes = await reminders.ApplyPlanAsync(plan, scope, open, now);
            Log(changes);
            return changes;
        }
        finally
        {
            _planGate.Release();
        }
    }

    /// <summary>Re-plans everything and waits until Quartz holds exactly the pending slots of the horizon.</summary>
    public async Task ReplanAsync(bool daily, CancellationToken cancellationToken)
    {
        await ReplanAsync();
        await SyncAsync(cancellationToken);
        if (daily)
        {
            await scheduler.ScheduleReplanAsync(NextReplanAt(time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>Gives Quartz the slots that entered the horizon and schedules the next top-up.</summary>
    public async Task TopUpAsync(CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        await scheduler.ScheduleTopUpAsync(time.GetUtcNow() + TopUpEvery, cancellationToken);
        Interlocked.Increment(ref _topUps);
    }

    /// <summary>Top-ups done so far (tests).</summary>
    public int TopUps => Volatile.Read(ref _topUps);

    /// <summary>Makes Quartz hold one trigger per (member, instant) that has a pending reminder due
    /// within the horizon (past ones too: they fire at once); later ones wait for a top-up.</summary>
    /// <remarks>The store is read inside the scheduler's gate, so the last sync applies the newest plan.</remarks>
    public Task SyncAsync(CancellationToken cancellationToken) =>
        scheduler.SyncAsync(async token => (await reminders.GetPendingUpToAsync(time.GetUtcNow() + _horizon, token))
            .Select(r => new ReminderSlot(r.MemberCode, r.SendAt))
            .Distinct()
            .ToList(), cancellationToken);

    public async Task SnoozeAsync(string taskCode, string memberCode, DateTimeOffset at)
    {
        var task = await store.FindTaskAsync(taskCode);
        var member = await store.FindMemberAsync(memberCode);
        if (task is null || task.IsDone || member is null)
        {
            return;
        }

        var when = _policy.OutOfQuietHours(at);
        await reminders.AddOneOffAsync(new PlannedReminder(ReminderKeys.Snooze(task.Code, member.Code, when), ReminderKind.Snooze,
            member.Code, task.Code, null, "snooze", when));
        Queue.PostSync();
    }

    // The event is raised synchronously by the store; with the LiteDB store every await below completes
    // at once, so a finished task's reminders are still cancelled before the caller answers.
    private void OnTasksChanged(IReadOnlyCollection<string> codes) => _ = OnTasksChangedAsync(codes);

    private async Task OnTasksChangedAsync(IReadOnlyCollection<string> codes)
    {
        try
        {
            // A reminder of a task just finished must never go out: cancelled here, before the caller
            // answers; the rest of the plan follows in the background.
            var tasks = codes.Count == 0 ? [] : await store.GetTasksAsync(codes);
            var finished = codes.Where(c => tasks.Any(t => t.IsDone && string.Equals(t.Code, c, StringComparison.OrdinalIgnoreCase))).ToList();
            if (finished.Count > 0)
            {
                await reminders.CancelPendingAsync(finished, time.GetUtcNow(), "Nhiệm vụ đã hoàn thành.");
            }

            // The store reads a withdrawn task by its code only: a changed code it does not return was withdrawn.
            var withdrawn = codes.Where(c => !tasks.Any(t => string.Equals(t.Code, c, StringComparison.OrdinalIgnoreCase))).ToList();
            if (withdrawn.Count > 0)
            {
                await reminders.CancelPendingAsync(withdrawn, time.GetUtcNow(), "Nhiệm vụ đã được rút.");
            }
        }
        catch (Exception ex)
        {
            // The dispatcher checks again that a task is open before sending.
            logger.LogError(ex, "Không hủy được nhắc việc của nhiệm vụ {Codes}.", string.Join(", ", codes));
        }

        // An import that changed only members or milestones names no task: everything may have moved.
        if (codes.Count == 0)
        {
            Queue.PostFull();
        }
        else
        {
            Queue.Post(codes);
        }
    }

    private async Task RunAsync(ReplanRequest request, CancellationToken cancellationToken)
    {
        if (request.Full)
        {
            await ReplanAsync();
        }
        else if (request.TaskCodes.Count > 0)
        {
            await ReplanAsync(request.TaskCodes);
        }

        await SyncAsync(cancellationToken);
    }

    private void Log(ReminderPlanChanges changes)
    {
        if (changes.Any)
        {
            logger.LogInformation("Lập lại kế hoạch nhắc việc: thêm {Added}, dời {Moved}, hủy {Cancelled}, khôi phục {Revived}.",
                changes.Added, changes.Moved, changes.Cancelled, changes.Revived);
        }
    }

    /// <summary>What of the members and milestones the plan depends on; when it differs from the last
    /// full plan, a change to tasks is re-planned in full (carriers, scopes, countdown dates moved).</summary>
    private static string ShapeOf(IReadOnlyList<Milestone> milestones, IReadOnlyList<Member> members)
    {
        var text = new System.Text.StringBuilder();
        foreach (var m in milestones.OrderBy(m => m.Code, StringComparer.Ordinal))
        {
            text.Append(m.Code).Append('@').Append(m.Date.DayNumber).Append(';');
        }

        foreach (var m in members.OrderBy(m => m.Code, StringComparer.Ordinal))
        {
            text.Append(m.Code).Append(':').Append((int)m.Role).Append(':').AppendJoin(',', m.Units).Append(';');
        }

        return text.ToString();
    }

    public void Dispose() => _queue?.Dispose();

    private static DateTimeOffset NextReplanAt(DateTimeOffset now)
    {
        var tomorrow = DateOnly.FromDateTime(WardClock.ToLocal(now).DateTime).AddDays(1);
        return WardClock.ToInstant(tomorrow, new TimeOnly(0, 1));
    }
}
