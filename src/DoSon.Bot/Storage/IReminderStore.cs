using DoSon.Bot.Reminders;

namespace DoSon.Bot.Storage;

/// <summary>What a re-plan changed in the store.</summary>
public sealed record ReminderPlanChanges(int Added, int Moved, int Cancelled, int Revived)
{
    public bool Any => Added + Moved + Cancelled + Revived > 0;
}

/// <summary>What the catch-up at start did with reminders that fell due while the bot was stopped.</summary>
public sealed record CatchUpResult(IReadOnlyList<Reminder> Late, IReadOnlyList<Reminder> Skipped);

/// <summary>The reminders' plan and the state of each reminder, kept in the bot's one database.</summary>
public interface IReminderStore
{
    /// <summary>Brings the stored plan in line with a new one, in one transaction: new future steps
    /// are added as pending, moved pending steps take their new time, pending steps no longer planned
    /// are cancelled (snoozes and notices only when their task is done or gone), cancelled steps
    /// planned again come back. Nothing sent, skipped or failed is touched: a sent key is never sent
    /// again. A step already past when first planned is not added.</summary>
    ReminderPlanChanges ApplyPlan(IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTimeOffset now);

    /// <summary>Adds a one-off reminder (snooze, notice) as pending unless its key already exists.</summary>
    bool AddOneOff(PlannedReminder reminder);

    IReadOnlyList<Reminder> GetReminders(ReminderState? state = null);

    Reminder? FindReminder(string key);

    /// <summary>The member's pending reminders whose send time has come.</summary>
    IReadOnlyList<Reminder> GetDue(string memberCode, DateTimeOffset upTo);

    /// <summary>Moves pending reminders to a final state; anything not pending is left alone.</summary>
    int Complete(IReadOnlyCollection<string> keys, ReminderState state, DateTimeOffset at, string? note, int attempts = 0, string? channel = null);

    /// <summary>At start: pending reminders whose time passed while the bot was stopped are sent late at
    /// <paramref name="sendAt"/> when they are at most <paramref name="window"/> old, else skipped.</summary>
    CatchUpResult CatchUp(DateTimeOffset now, TimeSpan window, DateTimeOffset sendAt);
}
