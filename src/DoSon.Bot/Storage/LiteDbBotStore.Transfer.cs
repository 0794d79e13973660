namespace DoSon.Bot.Storage;

internal sealed partial class LiteDbBotStore : IWardTransfer
{
    public Task<WardSnapshot> ExportAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureInvites();
            return Task.FromResult(new WardSnapshot
            {
                Units = [.. Units.FindAll()],
                Members = [.. Members.FindAll()],
                Milestones = [.. Milestones.FindAll()],
                Sources = [.. Sources.FindAll()],
                Tasks = [.. Tasks.FindAll()],
                History = [.. History.FindAll().OrderBy(h => h.Id)],
                Reminders = [.. Reminders.FindAll()],
                DoneReminderKeys = [.. DoneReminderKeys.FindAll()],
                TelegramGroups = [.. TelegramGroups.FindAll()],
                TelegramMessages = [.. TelegramMessages.FindAll()],
                GroupDigests = [.. GroupDigests.FindAll()],
                Invites = [.. Invites.FindAll()],
                CalendarFeeds = [.. CalendarFeeds.FindAll()],
                HandledUpdates = [.. HandledUpdates.FindAll()],
                CurrentTasks = [.. CurrentTaskDocs.FindAll()],
            });
        }
    }

    public async Task<bool> IsEmptyForTransferAsync(CancellationToken cancellationToken = default) =>
        (await ExportAsync(cancellationToken)).Counts().All(c => c.Count == 0);

    public Task ImportAsync(WardSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureInvites();
            StandingsStale();
            _doneKeyCount = null;
            // Indexes are made before the transaction, as on first use.
            var reminders = RemindersByAge;
            var feeds = CalendarFeeds;
            var handled = HandledUpdates;
            InTransaction(() =>
            {
                Units.InsertBulk(snapshot.Units);
                Members.InsertBulk(snapshot.Members);
                Milestones.InsertBulk(snapshot.Milestones);
                Sources.InsertBulk(snapshot.Sources);
                Tasks.InsertBulk(snapshot.Tasks);
                // Each store numbers its own history; the order written is kept.
                History.InsertBulk(snapshot.History.Select(Renumbered));
                reminders.InsertBulk(snapshot.Reminders.Select(Utc));
                DoneReminderKeys.InsertBulk(snapshot.DoneReminderKeys);
                TelegramGroups.InsertBulk(snapshot.TelegramGroups);
                TelegramMessages.InsertBulk(snapshot.TelegramMessages);
                GroupDigests.InsertBulk(snapshot.GroupDigests);
                Invites.InsertBulk(snapshot.Invites);
                feeds.InsertBulk(snapshot.CalendarFeeds);
                handled.InsertBulk(snapshot.HandledUpdates);
                CurrentTaskDocs.InsertBulk(snapshot.CurrentTasks);
                BeforeTransferCommit?.Invoke();
                return 0;
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>For tests: runs inside the copy's transaction just before it commits (throw to fail a copy in the middle).</summary>
    internal Action? BeforeTransferCommit { get; set; }

    /// <summary>Folds the -log.db into the data file, so that the file alone holds the ward (a copy is moved into place as one file).</summary>
    internal void Checkpoint()
    {
        lock (_gate)
        {
            _db.Checkpoint();
        }
    }

    private static HistoryDoc Renumbered(HistoryDoc h) => new()
    {
        TaskCode = h.TaskCode,
        MemberCode = h.MemberCode,
        At = h.At,
        Kind = h.Kind,
        Percent = h.Percent,
        Status = h.Status,
        Note = h.Note,
        Channel = h.Channel,
        Changes = h.Changes,
    };

    private static ReminderDoc Utc(ReminderDoc d)
    {
        d.DueAt = DocumentMapping.Utc(d.DueAt);
        d.SendAt = DocumentMapping.Utc(d.SendAt);
        d.PendingAt = d.State == Pending ? d.SendAt : null;
        d.UpdatedAt = DocumentMapping.Utc(d.UpdatedAt);
        d.SentAt = d.SentAt is { } s ? DocumentMapping.Utc(s) : null;
        return d;
    }
}
