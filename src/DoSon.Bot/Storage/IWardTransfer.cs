using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DoSon.Bot.Storage;

/// <summary>The whole ward out of one store and into another (`storage copy`), as the store's own
/// documents: both providers keep the same documents (PostgreSQL as jsonb or columns), so nothing is
/// mapped twice.</summary>
internal interface IWardTransfer
{
    /// <summary>Everything the ward keeps that matters, read at one moment (<see cref="WardSnapshot"/> says what is left out).</summary>
    Task<WardSnapshot> ExportAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether nothing that a snapshot holds is in this store yet.</summary>
    Task<bool> IsEmptyForTransferAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the snapshot into this empty store in one transaction: all of it or nothing.</summary>
    Task ImportAsync(WardSnapshot snapshot, CancellationToken cancellationToken = default);
}

/// <summary>A ward's data for a copy. Left out on purpose: web sign-in links and sessions and the web
/// console's data-protection keys (members sign in to the web console again), wrong-invite-code
/// counters (they only slow down guessing for a few minutes), notice drafts awaiting confirmation
/// (they expire within a day: upload the notice again), and how far the chat platforms' update
/// streams were read (updates the platform has not been told are handled come again, and the handled
/// update ids below keep them from being handled twice).</summary>
internal sealed class WardSnapshot
{
    public List<UnitDoc> Units { get; init; } = [];
    public List<MemberDoc> Members { get; init; } = [];
    public List<MilestoneDoc> Milestones { get; init; } = [];
    public List<SourceDoc> Sources { get; init; } = [];
    public List<TaskDoc> Tasks { get; init; } = [];
    /// <summary>In the order written (each task's history oldest first).</summary>
    public List<HistoryDoc> History { get; init; } = [];
    /// <summary>Pending reminders and the log of those sent, skipped, failed or cancelled.</summary>
    public List<ReminderDoc> Reminders { get; init; } = [];
    public List<DoneReminderKeyDoc> DoneReminderKeys { get; init; } = [];
    public List<TelegramGroupDoc> TelegramGroups { get; init; } = [];
    public List<TelegramMessageDoc> TelegramMessages { get; init; } = [];
    public List<GroupDigestDoc> GroupDigests { get; init; } = [];
    public List<InviteDoc> Invites { get; init; } = [];
    public List<CalendarFeedDoc> CalendarFeeds { get; init; } = [];
    public List<HandledUpdateDoc> HandledUpdates { get; init; } = [];
    public List<CurrentTasksDoc> CurrentTasks { get; init; } = [];

    /// <summary>Rows per collection, in a fixed order, by the names the verb prints.</summary>
    public IReadOnlyList<(string Name, int Count)> Counts() =>
    [
        (StorageTexts.CopyUnits, Units.Count),
        (StorageTexts.CopyMembers, Members.Count),
        (StorageTexts.CopyLinkedMembers, Members.Count(m => m.TelegramUserId is not null || m.ZaloUserId is not null)),
        (StorageTexts.CopyMilestones, Milestones.Count),
        (StorageTexts.CopySources, Sources.Count),
        (StorageTexts.CopyTasks, Tasks.Count),
        (StorageTexts.CopyHistory, History.Count),
        (StorageTexts.CopyPendingReminders, Reminders.Count(r => r.State == "Pending")),
        (StorageTexts.CopyReminderLog, Reminders.Count(r => r.State != "Pending") + DoneReminderKeys.Count),
        (StorageTexts.CopyTelegramGroups, TelegramGroups.Count),
        (StorageTexts.CopyTelegramMessages, TelegramMessages.Count),
        (StorageTexts.CopyGroupDigests, GroupDigests.Count),
        (StorageTexts.CopyInvites, Invites.Count),
        (StorageTexts.CopyCalendarFeeds, CalendarFeeds.Count),
        (StorageTexts.CopyHandledUpdates, HandledUpdates.Count),
        (StorageTexts.CopyCurrentTasks, CurrentTasks.Count),
    ];

    /// <summary>SHA-256 (hex) over tasks by code and history by task, time and order written, each as
    /// one line of JSON (an empty text and none alike); instants to the millisecond in UTC (what LiteDB keeps), history without its
    /// row id (each store numbers its own).</summary>
    public string Checksum()
    {
        var text = new StringBuilder();
        foreach (var t in Tasks.OrderBy(t => t.Code, StringComparer.Ordinal))
        {
            text.Append(JsonSerializer.Serialize(new
            {
                Code = N(t.Code), Title = N(t.Title), Description = N(t.Description), Section = N(t.Section), Source = N(t.Source),
                LeadUnit = N(t.LeadUnit), t.SupportUnits, t.Assignees, Due = N(t.Due), DueTime = N(t.DueTime), Milestone = N(t.Milestone),
                Status = N(t.Status), t.Percent,
            })).Append('\n');
        }

        foreach (var h in History.Select((h, i) => (h, i)).OrderBy(x => x.h.TaskCode, StringComparer.Ordinal).ThenBy(x => Millis(x.h.At)).ThenBy(x => x.i).Select(x => x.h))
        {
            text.Append(JsonSerializer.Serialize(new
            {
                TaskCode = N(h.TaskCode),
                MemberCode = N(h.MemberCode),
                At = Millis(h.At).ToString(CultureInfo.InvariantCulture),
                Kind = N(h.Kind),
                h.Percent,
                Status = N(h.Status),
                Note = N(h.Note),
                Channel = N(h.Channel),
                Changes = h.Changes?.Select(c => new { Field = N(c.Field), Old = N(c.Old), New = N(c.New) }),
            })).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>LiteDB reads an empty string back as null (its mapper's default): both are the same here.</summary>
    private static string? N(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static long Millis(DateTime at) => new DateTimeOffset(DocumentMapping.Utc(at)).ToUnixTimeMilliseconds();
}
