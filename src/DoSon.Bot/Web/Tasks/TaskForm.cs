using DoSon.Bot.Domain;
using DoSon.Bot.Import;

namespace DoSon.Bot.Web.Tasks;

/// <summary>The admins' form to create or edit a task. It is sent on as an assignment file with one
/// task (<see cref="AssignmentImporter"/>), so that the checks, the history entries ("cập nhật hạn:
/// old → new") and the re-planned reminders are those of an imported file.</summary>
public sealed class TaskForm
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Section { get; set; }
    public string? LeadUnit { get; set; }
    public List<string> SupportUnits { get; set; } = [];
    public List<string> Assignees { get; set; } = [];

    /// <summary>dd/MM/yyyy.</summary>
    public string? Due { get; set; }

    /// <summary>HH:mm, or empty.</summary>
    public string? DueTime { get; set; }

    public string? Milestone { get; set; }

    public static TaskForm Of(WorkTask task) => new()
    {
        Code = task.Code,
        Title = task.Title,
        Description = task.Description,
        Section = task.Section,
        LeadUnit = task.LeadUnit,
        SupportUnits = [.. task.SupportUnits],
        Assignees = [.. task.Assignees],
        Due = WardClock.Format(task.Due),
        DueTime = task.DueTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Milestone = task.Milestone,
    };

    /// <summary>The file the importer checks and writes: the task alone; what it does not carry
    /// (status, percent, source notice) the importer keeps from the database.</summary>
    public AssignmentFile ToFile() => new()
    {
        Tasks =
        [
            new TaskDto
            {
                Code = Code?.Trim(),
                Title = Title,
                Description = Description,
                Section = Section,
                LeadUnit = LeadUnit,
                SupportUnits = [.. SupportUnits.Where(u => !string.IsNullOrWhiteSpace(u))],
                Assignees = [.. Assignees.Where(a => !string.IsNullOrWhiteSpace(a))],
                Due = string.IsNullOrWhiteSpace(DueTime) ? Due : $"{Due?.Trim()} {DueTime.Trim()}",
                Milestone = Milestone,
            },
        ],
    };
}
