using DoSon.Bot.Reminders;

namespace DoSon.Bot.Storage;

/// <summary>What a re-plan changed in the store; <paramref name="Examined"/> is how many stored
/// reminders it read to find out.</summary>
public sealed record ReminderPlanChanges(int Added, int Moved, int Cancelled, int Revived, int Examined = 0)
{
    public bool Any => Added + Moved + Cancelled + Revived > 0;
}

/// <summary>What part of the plan a partial re-plan covers.</summary>
public sealed record ReminderScope(
    IReadOnlyCollection<string> TaskCodes,
    IReadOnlyCollection<string> MilestoneCodes,
    IReadOnlyCollection<string> DigestMembers);

/// <summary>What the catch-up at start did with reminders that fell due while the bot was stopped.</summary>
public sealed record CatchUpResult(IReadOnlyList<Reminder> Late, IReadOnlyList<Reminder> Skipped);

/// <summary>What the delivery log asks for: every filter is optional; <paramref name="From"/> and
/// <paramref name="To"/> bound the send time (inclusive, exclusive).</summary>
public sealed record ReminderLogQuery(
    ReminderState? State = null,
    string? MemberCode = null,
    string? TaskCode = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = 100);

/// <summary>One page of the delivery log, newest send time first, and how many match in all.</summary>
public sealed record ReminderLogPage(IReadOnlyList<Reminder> Items, int Total);

/// <summary>The reminders' plan and the state of each reminder, kept in the bot's one database.</summary>
public interface IReminderStore
{
    /// <summary>Brings the stored plan in line with a new one, in one transaction: new future steps
    /// are added as pending, moved pending steps take their new time, pending steps no longer planned
    /// are cancelled (snoozes and notices only when their task is done or gone), cancelled steps
    /// planned again come back. Nothing sent, skipped or failed is touched: a sent key is never sent
    /// again. A step already past when first planned is not added.</summary>
    Task<ReminderPlanChanges> ApplyPlanAsync(IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The same for part of the plan: only the stored reminders the scope covers (those of
    /// its tasks, of its milestones and the digests of its members) are read, through indexes, and
    /// compared with <paramref name="plan"/>, which must be the whole plan for that scope.</summary>
    Task<ReminderPlanChanges> ApplyPlanAsync(IReadOnlyList<PlannedReminder> plan, ReminderScope scope, IReadOnlySet<string> openTaskCodes, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Cancels the pending reminders of these tasks (snoozes included), through the task index:
    /// what a finished task needs before the call that finished it returns.</summary>
    Task<int> CancelPendingAsync(IReadOnlyCollection<string> taskCodes, DateTimeOffset at, string note, CancellationToken cancellationToken = default);

    /// <summary>Pending reminders whose send time is at or before <paramref name="upTo"/> (past ones
    /// too), read through an index of pending send times: what Quartz is to hold.</summary>
    Task<IReadOnlyList<Reminder>> GetPendingUpToAsync(DateTimeOffset upTo, CancellationToken cancellationToken = default);

    /// <summary>Adds a one-off reminder (snooze, notice) as pending unless its key already exists.</summary>
    Task<bool> AddOneOffAsync(PlannedReminder reminder, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Reminder>> GetRemindersAsync(ReminderState? state = null, CancellationToken cancellationToken = default);

    /// <summary>The delivery log (the web console's Nhắc việc): reminders that match, newest send time
    /// first, read through the most selective index the query names (task, member, then state).</summary>
    Task<ReminderLogPage> GetReminderLogAsync(ReminderLogQuery query, CancellationToken cancellationToken = default);

    Task<Reminder?> FindReminderAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every stored reminder of one task, whatever its state (snoozes and escalations
    /// included), read through the task index, by send time.</summary>
    Task<IReadOnlyList<Reminder>> GetRemindersOfTaskAsync(string taskCode, CancellationToken cancellationToken = default);

    /// <summary>The member's pending reminders whose send time has come.</summary>
    Task<IReadOnlyList<Reminder>> GetDueAsync(string memberCode, DateTimeOffset upTo, CancellationToken cancellationToken = default);

    /// <summary>Moves pending reminders to a final state; anything not pending is left alone.</summary>
    Task<int> CompleteAsync(IReadOnlyCollection<string> keys, ReminderState state, DateTimeOffset at, string? note, int attempts = 0, string? channel = null, CancellationToken cancellationToken = default);

    /// <summary>At start: pending reminders whose time passed while the bot was stopped are sent late at
    /// <paramref name="sendAt"/> when they are at most <paramref name="window"/> old, else skipped.</summary>
    Task<CatchUpResult> CatchUpAsync(DateTimeOffset now, TimeSpan window, DateTimeOffset sendAt, CancellationToken cancellationToken = default);
}
