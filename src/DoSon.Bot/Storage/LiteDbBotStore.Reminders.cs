using DoSon.Bot.Reminders;
using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed partial class LiteDbBotStore : IReminderStore
{
    private bool _reminderIndexes;

    // Indexes are made on first use, inside the lock.
    private ILiteCollection<ReminderDoc> Reminders
    {
        get
        {
            var col = _db.GetCollection<ReminderDoc>("reminders");
            if (!_reminderIndexes)
            {
                col.EnsureIndex(r => r.MemberCode);
                col.EnsureIndex(r => r.State);
                col.EnsureIndex(r => r.TaskCode);
                col.EnsureIndex(r => r.MilestoneCode);
                if (col.EnsureIndex(r => r.PendingAt))
                {
                    // A database from before the index: pending reminders get their PendingAt once.
                    var pending = col.Find(r => r.State == Pending).Select(Stamped).ToList();
                    if (pending.Count > 0)
                    {
                        col.Update(pending);
                    }
                }

                _reminderIndexes = true;
            }

            return col;
        }
    }

    private static readonly string Pending = nameof(ReminderState.Pending);
    private static readonly string CancelledState = nameof(ReminderState.Cancelled);

    private ReminderPlanChanges ApplyPlan(IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var stored = new Dictionary<string, ReminderDoc>(StringComparer.Ordinal);
                foreach (var doc in Reminders.FindAll())
                {
                    stored[doc.Key] = doc;
                }

                return Apply(stored, plan, openTaskCodes, nowUtc);
            });
        }
    }

    private ReminderPlanChanges ApplyPlan(IReadOnlyList<PlannedReminder> plan, ReminderScope scope, IReadOnlySet<string> openTaskCodes, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        lock (_gate)
        {
            return InTransaction(() =>
            {
                // Only what the scope covers, each through an index: a change to one task reads that
                // task's reminders, its milestones' and the digests of the members it touches.
                var stored = new Dictionary<string, ReminderDoc>(StringComparer.Ordinal);
                foreach (var code in scope.TaskCodes)
                {
                    foreach (var doc in Reminders.Find(r => r.TaskCode == code))
                    {
                        stored[doc.Key] = doc;
                    }
                }

                foreach (var code in scope.MilestoneCodes)
                {
                    foreach (var doc in Reminders.Find(r => r.MilestoneCode == code))
                    {
                        stored[doc.Key] = doc;
                    }
                }

                foreach (var member in scope.DigestMembers)
                {
                    foreach (var doc in Reminders.Find(Query.StartsWith("_id", ReminderKeys.DigestPrefix(member))))
                    {
                        stored[doc.Key] = doc;
                    }
                }

                return Apply(stored, plan, openTaskCodes, nowUtc);
            });
        }
    }

    /// <summary>Brings the stored reminders read into <paramref name="stored"/> in line with the plan;
    /// every key of the plan must be covered by what was read.</summary>
    private ReminderPlanChanges Apply(Dictionary<string, ReminderDoc> stored, IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTime nowUtc)
    {
        var merge = ReminderPlanMerge.Merge(stored, plan, openTaskCodes, nowUtc, WasDone);
        if (merge.Inserts.Count > 0)
        {
            Reminders.InsertBulk(merge.Inserts);
        }

        if (merge.Updates.Count > 0)
        {
            Reminders.Update(merge.Updates.Select(Stamped));
        }

        return merge.Changes;
    }

    private int CancelPending(IReadOnlyCollection<string> taskCodes, DateTimeOffset at, string note)
    {
        var atUtc = at.UtcDateTime;
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var changed = new List<ReminderDoc>();
                foreach (var code in taskCodes)
                {
                    foreach (var doc in Reminders.Find(r => r.TaskCode == code))
                    {
                        if (doc.State != Pending)
                        {
                            continue;
                        }

                        doc.State = CancelledState;
                        doc.Note = note;
                        doc.UpdatedAt = atUtc;
                        changed.Add(Stamped(doc));
                    }
                }

                if (changed.Count > 0)
                {
                    Reminders.Update(changed);
                }

                return changed.Count;
            });
        }
    }

    private IReadOnlyList<Reminder> GetPendingUpTo(DateTimeOffset upTo)
    {
        lock (_gate)
        {
            return PendingUpTo(upTo.UtcDateTime).Select(ToReminder)
                .OrderBy(r => r.SendAt).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Pending reminders with SendAt at or before <paramref name="upToUtc"/>, through the
    /// PendingAt index (null for every other state, and null sorts below any date).</summary>
    private IEnumerable<ReminderDoc> PendingUpTo(DateTime upToUtc) =>
        Reminders.Find(Query.Between(nameof(ReminderDoc.PendingAt), new BsonValue(DateTime.MinValue), new BsonValue(upToUtc)))
            .Where(d => d.State == Pending && DocumentMapping.Utc(d.SendAt) <= upToUtc);

    private bool AddOneOff(PlannedReminder reminder)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                if (Reminders.FindById(reminder.Key) is not null)
                {
                    return false;
                }

                Reminders.Insert(ToDoc(reminder, reminder.DueAt.UtcDateTime));
                return true;
            });
        }
    }

    private IReadOnlyList<Reminder> GetReminders(ReminderState? state = null)
    {
        lock (_gate)
        {
            var docs = state is { } s ? Reminders.Find(r => r.State == s.ToString()) : Reminders.FindAll();
            return docs.Select(ToReminder).OrderBy(r => r.SendAt).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        }
    }

    private IReadOnlyList<Reminder> GetRemindersOfTask(string taskCode)
    {
        lock (_gate)
        {
            return Reminders.Find(r => r.TaskCode == taskCode).Select(ToReminder)
                .OrderBy(r => r.SendAt).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        }
    }

    private ReminderLogPage GetReminderLog(ReminderLogQuery query)
    {
        var state = query.State?.ToString();
        var from = query.From?.UtcDateTime;
        var to = query.To?.UtcDateTime;
        lock (_gate)
        {
            // One index narrows the read; the other filters run on what it found.
            var docs = query.TaskCode is { Length: > 0 } task ? Reminders.Find(r => r.TaskCode == task)
                : query.MemberCode is { Length: > 0 } member ? Reminders.Find(r => r.MemberCode == member)
                : state is not null ? Reminders.Find(r => r.State == state)
                : Reminders.FindAll();
            var matching = docs
                .Where(r => query.MemberCode is not { Length: > 0 } || string.Equals(r.MemberCode, query.MemberCode, StringComparison.Ordinal))
                .Where(r => state is null || r.State == state)
                .Where(r => from is null || DocumentMapping.Utc(r.SendAt) >= from)
                .Where(r => to is null || DocumentMapping.Utc(r.SendAt) < to)
                .OrderByDescending(r => r.SendAt).ThenBy(r => r.Key, StringComparer.Ordinal)
                .ToList();
            return new ReminderLogPage([.. matching.Skip(Math.Max(0, query.Skip)).Take(Math.Max(1, query.Take)).Select(ToReminder)], matching.Count);
        }
    }

    private Reminder? FindReminder(string key)
    {
        lock (_gate)
        {
            return Reminders.FindById(key) is { } doc ? ToReminder(doc) : null;
        }
    }

    private IReadOnlyList<Reminder> GetDue(string memberCode, DateTimeOffset upTo)
    {
        var limit = upTo.UtcDateTime;
        lock (_gate)
        {
            return Reminders.Find(r => r.MemberCode == memberCode)
                .Where(r => r.State == Pending && DocumentMapping.Utc(r.SendAt) <= limit)
                .Select(ToReminder)
                .OrderBy(r => r.DueAt).ThenBy(r => r.Key, StringComparer.Ordinal)
                .ToList();
        }
    }

    private int Complete(IReadOnlyCollection<string> keys, ReminderState state, DateTimeOffset at, string? note, int attempts = 0, string? channel = null)
    {
        var atUtc = at.UtcDateTime;
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var changed = 0;
                foreach (var key in keys)
                {
                    var doc = Reminders.FindById(key);
                    if (doc is null || doc.State != Pending)
                    {
                        continue;
                    }

                    doc.State = state.ToString();
                    doc.Note = note;
                    doc.Attempts += attempts;
                    doc.Channel = channel ?? doc.Channel;
                    doc.UpdatedAt = atUtc;
                    if (state == ReminderState.Sent)
                    {
                        doc.SentAt = atUtc;
                    }

                    Reminders.Update(Stamped(doc));
                    changed++;
                }

                return changed;
            });
        }
    }

    private CatchUpResult CatchUp(DateTimeOffset now, TimeSpan window, DateTimeOffset sendAt)
    {
        var nowUtc = now.UtcDateTime;
        var oldest = (now - window).UtcDateTime;
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var late = new List<Reminder>();
                var skipped = new List<Reminder>();
                foreach (var doc in PendingUpTo(nowUtc).ToList())
                {
                    var at = DocumentMapping.Utc(doc.SendAt);
                    if (at >= nowUtc)
                    {
                        continue;
                    }

                    if (at >= oldest)
                    {
                        doc.SendAt = sendAt.UtcDateTime;
                        doc.Late = true;
                        late.Add(ToReminder(doc));
                    }
                    else
                    {
                        doc.State = nameof(ReminderState.Skipped);
                        doc.Note = "Quá thời hạn nhắc bù sau khi hệ thống tạm dừng.";
                        skipped.Add(ToReminder(doc));
                    }

                    doc.UpdatedAt = nowUtc;
                    Reminders.Update(Stamped(doc));
                }

                return new CatchUpResult(late, skipped);
            });
        }
    }

    private static ReminderDoc Stamped(ReminderDoc doc)
    {
        doc.PendingAt = doc.State == Pending ? doc.SendAt : null;
        return doc;
    }

    internal static ReminderDoc ToDoc(PlannedReminder p, DateTime nowUtc) => new()
    {
        Key = p.Key,
        Kind = p.Kind.ToString(),
        MemberCode = p.MemberCode,
        TaskCode = p.TaskCode,
        MilestoneCode = p.MilestoneCode,
        Step = p.Step,
        DueAt = p.DueAt.UtcDateTime,
        SendAt = p.DueAt.UtcDateTime,
        State = Pending,
        PendingAt = p.DueAt.UtcDateTime,
        Text = p.Text,
        UpdatedAt = nowUtc,
    };

    internal static Reminder ToReminder(ReminderDoc d) => new(
        d.Key,
        Enum.Parse<ReminderKind>(d.Kind),
        d.MemberCode,
        d.TaskCode,
        d.MilestoneCode,
        d.Step,
        new DateTimeOffset(DocumentMapping.Utc(d.DueAt)),
        new DateTimeOffset(DocumentMapping.Utc(d.SendAt)),
        Enum.Parse<ReminderState>(d.State),
        d.Late,
        d.Attempts,
        d.Note,
        d.Text,
        d.SentAt is { } s ? new DateTimeOffset(DocumentMapping.Utc(s)) : null,
        d.Channel);
}
