using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class ReminderDoc
{
    /// <summary>The stable key: what, for whom, which step.</summary>
    [BsonId] public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public string MemberCode { get; set; } = "";
    public string? TaskCode { get; set; }
    public string? MilestoneCode { get; set; }
    public string Step { get; set; } = "";
    /// <summary>UTC instant the plan wanted it.</summary>
    public DateTime DueAt { get; set; }
    /// <summary>UTC instant it is to go out (DueAt, or the catch-up instant).</summary>
    public DateTime SendAt { get; set; }
    public string State { get; set; } = "Pending";
    /// <summary>SendAt while pending, null otherwise: indexed, so that "pending and due before X"
    /// (the catch-up at start, Quartz's horizon) reads only pending reminders, not the history.</summary>
    public DateTime? PendingAt { get; set; }
    public bool Late { get; set; }
    public int Attempts { get; set; }
    public string? Note { get; set; }
    public string? Text { get; set; }
    /// <summary>UTC instant the platform accepted it.</summary>
    public DateTime? SentAt { get; set; }
    public string? Channel { get; set; }
    /// <summary>UTC instant of the last change of state.</summary>
    public DateTime UpdatedAt { get; set; }
}
