using DoSon.Bot.Reminders;

namespace DoSon.Bot.Storage;

/// <summary>What bringing stored reminders in line with a plan writes, decided the same way for
/// every store: the documents to add, the documents changed (already changed in place) and the counts.</summary>
internal sealed record ReminderPlanMerge(List<ReminderDoc> Inserts, List<ReminderDoc> Updates, ReminderPlanChanges Changes)
{
    private static readonly string Pending = nameof(ReminderState.Pending);
    private static readonly string CancelledState = nameof(ReminderState.Cancelled);

    /// <param name="stored">The stored reminders the plan's scope covers, by key; changed in place.</param>
    /// <param name="wasDone">Whether a key not stored any more was sent, skipped or failed before the retention removed it.</param>
    public static ReminderPlanMerge Merge(Dictionary<string, ReminderDoc> stored, IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTime nowUtc, Func<string, bool> wasDone)
    {
        var planned = new HashSet<string>(plan.Count, StringComparer.Ordinal);
        var inserts = new List<ReminderDoc>();
        var updates = new List<ReminderDoc>();
        int added = 0, moved = 0, cancelled = 0, revived = 0;
        foreach (var p in plan)
        {
            if (!planned.Add(p.Key))
            {
                continue;
            }

            var at = p.DueAt.UtcDateTime;
            if (!stored.TryGetValue(p.Key, out var doc))
            {
                // A key sent long ago whose reminder the retention removed is still done.
                if (at >= nowUtc && !wasDone(p.Key))
                {
                    inserts.Add(LiteDbBotStore.ToDoc(p, nowUtc));
                    added++;
                }

                continue;
            }

            if (doc.State == Pending && DocumentMapping.Utc(doc.DueAt) != at)
            {
                // A step moved into the past by a change is not worth sending any more.
                doc.DueAt = at;
                doc.SendAt = at;
                doc.Late = false;
                if (at < nowUtc)
                {
                    doc.State = CancelledState;
                    doc.Note = "Thời điểm nhắc mới đã qua khi lập lại kế hoạch.";
                    cancelled++;
                }
                else
                {
                    moved++;
                }

                doc.UpdatedAt = nowUtc;
                updates.Add(doc);
            }
            else if (doc.State == CancelledState && at >= nowUtc)
            {
                doc.State = Pending;
                doc.DueAt = at;
                doc.SendAt = at;
                doc.Late = false;
                doc.Note = null;
                doc.UpdatedAt = nowUtc;
                updates.Add(doc);
                revived++;
            }
        }

        foreach (var doc in stored.Values)
        {
            if (doc.State != Pending || planned.Contains(doc.Key))
            {
                continue;
            }

            var oneOff = doc.Kind is nameof(ReminderKind.Snooze) or nameof(ReminderKind.Notice);
            if (oneOff && (doc.TaskCode is null || openTaskCodes.Contains(doc.TaskCode)))
            {
                continue;
            }

            doc.State = CancelledState;
            doc.Note = "Không còn trong kế hoạch nhắc việc.";
            doc.UpdatedAt = nowUtc;
            updates.Add(doc);
            cancelled++;
        }

        return new ReminderPlanMerge(inserts, updates, new ReminderPlanChanges(added, moved, cancelled, revived, stored.Count));
    }
}
