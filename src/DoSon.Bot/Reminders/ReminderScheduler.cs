using System.Globalization;
using DoSon.Bot.Reminders.Jobs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DoSon.Bot.Reminders;

/// <summary>A moment at which one member is due to receive one message.</summary>
public readonly record struct ReminderSlot(string MemberCode, DateTimeOffset At);

/// <summary>The only class that talks to Quartz. Quartz keeps its schedule in memory, so it is
/// rebuilt from the store at start and brought in line after every change, holding only the slots
/// within the scheduling horizon (the rest wait in the store for a top-up): one trigger per
/// (member, instant), with a key made of both, so the same slot always has the same key and
/// scheduling it twice is harmless.</summary>
public sealed class ReminderScheduler(ISchedulerFactory factory, TimeProvider time, ILogger<ReminderScheduler> logger) : IDisposable
{
    public const string Group = "reminders";
    public static readonly JobKey DeliverJob = new("deliver", Group);
    public static readonly JobKey ReplanJob = new("replan", Group);
    public static readonly TriggerKey ReplanTrigger = new("replan-daily", Group);
    public static readonly JobKey TopUpJob = new("top-up", Group);
    public static readonly TriggerKey TopUpTrigger = new("top-up", Group);
    public static readonly JobKey GroupDigestJobKey = new("group-digest", Group);
    public static readonly JobKey DailyBackupJobKey = new("daily-backup", "backups");
    public static readonly TriggerKey DailyBackupTrigger = new("daily-backup", "backups");
    public const string MemberData = "member";
    public const string AtData = "at";
    public const string KindData = "kind";
    public const string DateData = "date";

    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly HashSet<ReminderSlot> _scheduled = [];
    private IScheduler? _scheduler;

    public static TriggerKey KeyOf(ReminderSlot slot) =>
        new($"{slot.MemberCode}@{slot.At.UtcDateTime.ToString("yyyyMMddTHHmmss.fffZ", CultureInfo.InvariantCulture)}", Group);

    /// <summary>Whether a Quartz scheduler of this process is running (for /readyz).</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        foreach (var scheduler in await factory.GetAllSchedulers(cancellationToken))
        {
            if (await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running)
            {
                return true;
            }
        }

        return false;
    }

    public int ScheduledCount
    {
        get
        {
            lock (_scheduled)
            {
                return _scheduled.Count;
            }
        }
    }

    private async ValueTask<IScheduler> SchedulerAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
        {
            return _scheduler;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<DeliverRemindersJob>().WithIdentity(DeliverJob).StoreDurably().Build(),
            AddJobOptions.Replacing, cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<ReplanRemindersJob>().WithIdentity(ReplanJob).StoreDurably().Build(),
            AddJobOptions.Replacing, cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<TopUpRemindersJob>().WithIdentity(TopUpJob).StoreDurably().Build(),
            AddJobOptions.Replacing, cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<GroupDigestJob>().WithIdentity(GroupDigestJobKey).StoreDurably().Build(),
            AddJobOptions.Replacing, cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<DailyBackupJob>().WithIdentity(DailyBackupJobKey).StoreDurably().Build(),
            AddJobOptions.Replacing, cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<ReminderRetentionJob>().WithIdentity(ReminderRetentionJob.Key).StoreDurably().Build(),
            AddJobOptions.Replacing, cancellationToken);
        return _scheduler = scheduler;
    }

    /// <summary>Makes Quartz hold exactly these slots: adds the missing ones, removes the others.</summary>
    public Task SyncAsync(IReadOnlyCollection<ReminderSlot> slots, CancellationToken cancellationToken) =>
        SyncAsync(_ => Task.FromResult(slots), cancellationToken);

    /// <summary>Makes Quartz hold exactly the slots <paramref name="read"/> returns, read with the gate
    /// held. Two syncs that each read the store first and then waited for the gate could apply an older
    /// reading after a newer one: an hourly top-up that read the plan just before the nightly re-plan
    /// added a day's reminders took their triggers away again, and they stayed pending until the next
    /// sync (seen as the month's replay timing out on a whole minute of reminders).</summary>
    public async Task SyncAsync(Func<CancellationToken, Task<IReadOnlyCollection<ReminderSlot>>> read, CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var slots = await read(cancellationToken);
            var scheduler = await SchedulerAsync(cancellationToken);
            var wanted = new HashSet<ReminderSlot>(slots.Select(Normalize));
            List<ReminderSlot> stale, missing;
            lock (_scheduled)
            {
                stale = [.. _scheduled.Where(s => !wanted.Contains(s))];
                missing = [.. wanted.Where(s => !_scheduled.Contains(s))];
            }

            if (stale.Count > 0)
            {
                await scheduler.UnscheduleJobs([.. stale.Select(KeyOf)], cancellationToken);
            }

            if (missing.Count > 0)
            {
                var detail = await scheduler.GetJobDetail(DeliverJob, cancellationToken);
                var triggers = missing.Select(BuildTrigger).ToList();
                // One call for the lot: at start this may be tens of thousands of triggers.
                await scheduler.ScheduleJob(detail!, triggers, ScheduleJobOptions.Replacing, cancellationToken);
            }

            lock (_scheduled)
            {
                _scheduled.ExceptWith(stale);
                _scheduled.UnionWith(missing);
            }

            if (stale.Count + missing.Count > 0)
            {
                logger.LogDebug("Lịch Quartz: thêm {Added}, bỏ {Removed}, tổng {Total} mốc gửi.", missing.Count, stale.Count, wanted.Count);
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>Adds one slot (a snooze, a notice) without touching the others.</summary>
    public async Task AddAsync(ReminderSlot slot, CancellationToken cancellationToken)
    {
        slot = Normalize(slot);
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await SchedulerAsync(cancellationToken);
            await scheduler.ScheduleTrigger(BuildTrigger(slot), TriggerConflict.Replace, cancellationToken);
            lock (_scheduled)
            {
                _scheduled.Add(slot);
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>A fired one-shot trigger is gone from Quartz; forget it here too.</summary>
    public void Fired(ReminderSlot slot)
    {
        lock (_scheduled)
        {
            _scheduled.Remove(Normalize(slot));
        }
    }

    /// <summary>The next daily re-plan (the digest of the next day, and a safety net).</summary>
    public async Task ScheduleReplanAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(ReplanTrigger)
            .ForJob(ReplanJob)
            .StartAt(at)
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>The next top-up of the horizon, replaced by the one after each time it runs (one-shot,
    /// so that a clock that jumps, as after a suspend, gives one top-up at once, not a burst).</summary>
    public async Task ScheduleTopUpAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(TopUpTrigger)
            .ForJob(TopUpJob)
            .StartAt(at)
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>Whether Quartz holds a trigger for this slot (tests).</summary>
    public bool Holds(ReminderSlot slot)
    {
        lock (_scheduled)
        {
            return _scheduled.Contains(Normalize(slot));
        }
    }

    /// <summary>One trigger per digest kind ("group-digest-daily", "group-digest-weekly"), replaced by
    /// the next one each time it fires: the ward's calendar decides the instants, not a cron
    /// expression in Quartz's idea of the time zone.</summary>
    public static TriggerKey GroupDigestTrigger(string kind) => new($"group-digest-{kind.ToLowerInvariant()}", Group);

    /// <summary>The next ward digest of a kind for the registered groups.</summary>
    public async Task ScheduleGroupDigestAsync(string kind, DateOnly date, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(GroupDigestTrigger(kind))
            .ForJob(GroupDigestJobKey)
            .UsingJobData(KindData, kind)
            .UsingJobData(DateData, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .StartAt(at)
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>The next daily backup, replaced by the one after each time it fires (the ward's
    /// calendar decides the instant, as for the digests).</summary>
    public Task ScheduleDailyBackupAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleOnceAsync(DailyBackupTrigger, DailyBackupJobKey, at, cancellationToken);

    /// <summary>When the daily backup fires next, or null when none is scheduled.</summary>
    public Task<DateTimeOffset?> NextDailyBackupAsync(CancellationToken cancellationToken) =>
        NextFireAsync(DailyBackupTrigger, cancellationToken);

    /// <summary>The next run of the daily removal of old reminders; the run schedules the one after.</summary>
    public Task ScheduleRetentionAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleOnceAsync(ReminderRetentionJob.Trigger, ReminderRetentionJob.Key, at, cancellationToken);

    /// <summary>When the daily removal of old reminders fires next, or null when none is scheduled.</summary>
    public Task<DateTimeOffset?> NextRetentionAsync(CancellationToken cancellationToken) =>
        NextFireAsync(ReminderRetentionJob.Trigger, cancellationToken);

    /// <summary>One trigger at <paramref name="at"/>, replacing the one before: the ward's calendar
    /// decides each day's instant, so a daily job schedules its next run itself.</summary>
    private async Task ScheduleOnceAsync(TriggerKey key, JobKey job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(job)
            .StartAt(at)
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    private async Task<DateTimeOffset?> NextFireAsync(TriggerKey key, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        return (await scheduler.GetTrigger(key, cancellationToken))?.NextFireTimeUtc;
    }

    /// <summary>When the digest of a kind fires next, or null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> NextGroupDigestAsync(string kind, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var trigger = await scheduler.GetTrigger(GroupDigestTrigger(kind), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    public static (string Kind, DateOnly Date) GroupDigestOf(JobDataMap data)
    {
        string Read(string key) => data.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";
        return (Read(KindData), DateOnly.ParseExact(Read(DateData), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private ITrigger BuildTrigger(ReminderSlot slot) =>
        TriggerBuilder.Create(time)
            .WithIdentity(KeyOf(slot))
            .ForJob(DeliverJob)
            .UsingJobData(MemberData, slot.MemberCode)
            .UsingJobData(AtData, slot.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            .StartAt(slot.At)
            .Build();

    /// <summary>LiteDB keeps milliseconds: compare slots at that precision.</summary>
    private static ReminderSlot Normalize(ReminderSlot slot) =>
        slot with { At = new DateTimeOffset(slot.At.UtcTicks - slot.At.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) };

    public void Dispose() => _sync.Dispose();

    public static ReminderSlot SlotOf(JobDataMap data)
    {
        string Read(string key) => data.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";
        return new(Read(MemberData),
            DateTimeOffset.ParseExact(Read(AtData), "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }
}
