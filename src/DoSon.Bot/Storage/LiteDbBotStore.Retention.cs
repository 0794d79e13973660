using DoSon.Bot.Reminders;
using LiteDB;

namespace DoSon.Bot.Storage;

/// <summary>A reminder key that went out (or was given up for good) and whose full document the
/// retention removed: enough to keep a re-plan from adding the step again.</summary>
internal sealed class DoneReminderKeyDoc
{
    [BsonId] public string Key { get; set; } = "";

    /// <summary>Sent, Skipped or Failed.</summary>
    public string State { get; set; } = "";

    /// <summary>UTC instant it reached that state.</summary>
    public DateTime At { get; set; }
}

internal sealed partial class LiteDbBotStore : IReminderRetentionStore
{
    public const string DoneReminderKeysCollection = "reminder_keys_done";

    private static readonly string SentState = nameof(ReminderState.Sent);
    private static readonly string SkippedState = nameof(ReminderState.Skipped);
    private static readonly string FailedState = nameof(ReminderState.Failed);

    private bool _retentionIndex;
    private int? _doneKeyCount;

    private ILiteCollection<DoneReminderKeyDoc> DoneReminderKeys => _db.GetCollection<DoneReminderKeyDoc>(DoneReminderKeysCollection);

    /// <summary>The reminders, with the index the retention reads by (the last change of state).</summary>
    private ILiteCollection<ReminderDoc> RemindersByAge
    {
        get
        {
            var col = Reminders;
            if (!_retentionIndex)
            {
                col.EnsureIndex(r => r.UpdatedAt);
                _retentionIndex = true;
            }

            return col;
        }
    }

    /// <summary>Whether a step with this key was sent, skipped or failed and its reminder since
    /// removed by the retention: one read by primary key, only for a step about to be added.
    /// Call under the gate.</summary>
    private bool WasDone(string key)
    {
        // A first plan of a large ward asks this for every step: skip the reads while there is no key.
        _doneKeyCount ??= DoneReminderKeys.Count();
        return _doneKeyCount > 0 && DoneReminderKeys.FindById(key) is not null;
    }

    private RetentionRemoval RemoveFinishedReminders(DateTimeOffset finishedBefore, int batchSize = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var cutoff = finishedBefore.UtcDateTime;
        int documentsBefore;
        lock (_gate)
        {
            documentsBefore = CountDocuments().Values.Sum();
        }

        int removed = 0, kept = 0;
        while (true)
        {
            int batch;
            lock (_gate)
            {
                (batch, var keys) = InTransaction(() =>
                {
                    var old = RemindersByAge.Query()
                        .Where(r => r.UpdatedAt < cutoff && r.State != Pending)
                        .Limit(batchSize)
                        .ToList();
                    var done = old
                        .Where(d => d.State == SentState || d.State == SkippedState || d.State == FailedState)
                        .Select(d => new DoneReminderKeyDoc { Key = d.Key, State = d.State, At = DocumentMapping.Utc(d.UpdatedAt) })
                        .ToList();
                    if (done.Count > 0)
                    {
                        DoneReminderKeys.Upsert(done);
                        _doneKeyCount = null;
                    }

                    foreach (var doc in old)
                    {
                        Reminders.Delete(doc.Key);
                    }

                    return (old.Count, done.Count);
                });
                kept += keys;
            }

            removed += batch;
            if (batch < batchSize)
            {
                return new RetentionRemoval(removed, kept, documentsBefore);
            }
        }
    }

    private int DoneKeyCount()
    {
        lock (_gate)
        {
            return DoneReminderKeys.Count();
        }
    }

    private long FileSize()
    {
        lock (_gate)
        {
            _db.Checkpoint();
            return new FileInfo(_path).Length;
        }
    }

    /// <summary>LiteDB 5.0.19 to 5.0.21 cannot rebuild a collection of more than 2,550 documents that
    /// has a secondary index: Rebuild throws "Detected loop in FindAll" and closes the engine
    /// (litedb-org/LiteDB issue 2827). Every collection here has one, so the file is rebuilt only
    /// while each holds at most this many; otherwise LiteDB goes on reusing the freed pages.</summary>
    public const int RebuildLimit = 2_550;

    /// <summary>Whether LiteDB can rebuild a file with these document counts per collection.</summary>
    internal static bool CanRebuild(IReadOnlyDictionary<string, int> counts) => counts.Values.All(c => c <= RebuildLimit);

    private StoreRebuild? Rebuild()
    {
        // Under the gate: a backup copy (CopyDataFileTo) takes the same lock, so a copy is never taken
        // of a file being rebuilt, and no chat answer or reminder writes meanwhile. The process lock
        // file is a separate file and stays held throughout.
        lock (_gate)
        {
            _db.Checkpoint();
            var before = new FileInfo(_path).Length;
            var counts = CountDocuments();
            if (!CanRebuild(counts))
            {
                return null;
            }

            var folder = Path.GetDirectoryName(_path)!;
            // LiteDB 5.0 moves the old file aside as "<name>-backup<ext>" and leaves it there.
            var pattern = Path.GetFileNameWithoutExtension(_path) + "-backup*" + Path.GetExtension(_path);
            var earlier = Directory.GetFiles(folder, pattern).ToHashSet(StringComparer.Ordinal);

            _db.Rebuild();
            _db.Checkpoint();

            var after = new FileInfo(_path).Length;
            var same = CountDocuments().OrderBy(c => c.Key, StringComparer.Ordinal)
                .SequenceEqual(counts.OrderBy(c => c.Key, StringComparer.Ordinal));
            var copies = Directory.GetFiles(folder, pattern).Where(f => !earlier.Contains(f)).ToList();
            if (same)
            {
                // The daily backup, taken shortly before, is the copy to go back to.
                foreach (var copy in copies)
                {
                    File.Delete(copy);
                }
            }

            return new StoreRebuild(before, after, same, same ? null : copies.FirstOrDefault());
        }
    }

    private Dictionary<string, int> CountDocuments() =>
        _db.GetCollectionNames().ToDictionary(n => n, n => _db.GetCollection(n).Count(), StringComparer.Ordinal);
}
