using System.Text.Json.Serialization;

namespace DoSon.Bot.Import;

// The JSON shape the office writes (and `export` writes back). Field names are part of the file
// format documented in the README: do not rename them. Dates are strings "dd/MM/yyyy" so that a
// wrong date can be reported with its path instead of failing the whole document.

public sealed class AssignmentFile
{
    [JsonPropertyName("source")] public SourceDto? Source { get; set; }
    [JsonPropertyName("units")] public List<UnitDto>? Units { get; set; }
    [JsonPropertyName("members")] public List<MemberDto>? Members { get; set; }
    [JsonPropertyName("milestones")] public List<MilestoneDto>? Milestones { get; set; }
    [JsonPropertyName("tasks")] public List<TaskDto>? Tasks { get; set; }
}

public sealed class SourceDto
{
    [JsonPropertyName("number")] public string? Number { get; set; }
    [JsonPropertyName("date")] public string? Date { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
}

public sealed class UnitDto
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class MemberDto
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("units")] public List<string>? Units { get; set; }
    /// <summary>admin | leader | member</summary>
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("telegramUserId")] public long? TelegramUserId { get; set; }
    [JsonPropertyName("zaloUserId")] public string? ZaloUserId { get; set; }
}

public sealed class MilestoneDto
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("date")] public string? Date { get; set; }
}

public sealed class TaskDto
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("section")] public string? Section { get; set; }
    [JsonPropertyName("leadUnit")] public string? LeadUnit { get; set; }
    [JsonPropertyName("supportUnits")] public List<string>? SupportUnits { get; set; }
    [JsonPropertyName("assignees")] public List<string>? Assignees { get; set; }
    /// <summary>"dd/MM/yyyy" or "dd/MM/yyyy HH:mm".</summary>
    [JsonPropertyName("due")] public string? Due { get; set; }
    [JsonPropertyName("milestone")] public string? Milestone { get; set; }
    /// <summary>Set by the notice parser for a person to look at; ignored by import.</summary>
    [JsonPropertyName("note")] public string? Note { get; set; }
}
