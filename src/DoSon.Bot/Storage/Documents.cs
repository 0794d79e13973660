using LiteDB;

namespace DoSon.Bot.Storage;

// LiteDB 5 maps plain classes with parameterless constructors; records with constructor
// parameters do not map, and DateOnly has no mapping of its own. These documents stay inside
// Storage/ and are mapped to the domain records by DocumentMapping.

internal sealed class UnitDoc
{
    [BsonId] public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

internal sealed class MemberDoc
{
    [BsonId] public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Units { get; set; } = [];
    public string Role { get; set; } = "member";
    public long? TelegramUserId { get; set; }
    public string? ZaloUserId { get; set; }
    public bool Unreachable { get; set; }
}

internal sealed class MilestoneDoc
{
    [BsonId] public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The local date as yyyy-MM-dd, so it sorts and never shifts with a time zone.</summary>
    public string Date { get; set; } = "";
}

internal sealed class SourceDoc
{
    [BsonId] public string Number { get; set; } = "";
    public string? Date { get; set; }
    public string Title { get; set; } = "";
}

internal sealed class TaskDoc
{
    [BsonId] public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Section { get; set; }
    public string? Source { get; set; }
    public string LeadUnit { get; set; } = "";
    public List<string> SupportUnits { get; set; } = [];
    public List<string> Assignees { get; set; } = [];
    public string Due { get; set; } = "";
    public string? DueTime { get; set; }
    public string? Milestone { get; set; }
    public string Status { get; set; } = "NotStarted";
    public int Percent { get; set; }
}

internal sealed class HistoryDoc
{
    /// <summary>Auto-increment: history is read back in the order it was written.</summary>
    public long Id { get; set; }
    public string TaskCode { get; set; } = "";
    public string MemberCode { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime At { get; set; }
    public string Kind { get; set; } = "";
    public int? Percent { get; set; }
    public string Status { get; set; } = "";
    public string? Note { get; set; }
    public string Channel { get; set; } = "";
    /// <summary>Absent in entries written before changes were kept.</summary>
    public List<FieldChangeDoc>? Changes { get; set; }
}

internal sealed class FieldChangeDoc
{
    public string Field { get; set; } = "";
    public string? Old { get; set; }
    public string? New { get; set; }
}
