using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Import;

/// <summary>The database as an assignment file, in the format import reads, so that export then
/// import changes nothing. Status and percent are not part of the format.</summary>
public static class AssignmentExporter
{
    public static async Task<AssignmentFile> ExportAsync(IBotStore store) => Export(await StoreSnapshot.OfAsync(store));

    public static AssignmentFile Export(StoreSnapshot current) => new()
    {
        Source = MainSource(current) is { } s
            ? new SourceDto { Number = s.Number, Date = s.Date is { } d ? WardClock.Format(d) : null, Title = s.Title }
            : null,
        Units = [.. current.Units.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new UnitDto { Code = u.Code, Name = u.Name })],
        Members = [.. current.Members.OrderBy(m => m.Code, StringComparer.Ordinal).Select(m => new MemberDto
        {
            Code = m.Code,
            Name = m.Name,
            Title = Blank(m.Title),
            Units = m.Units.Count == 0 ? null : [.. m.Units],
            Role = m.Role.ToString().ToLowerInvariant(),
            TelegramUserId = m.TelegramUserId,
            ZaloUserId = m.ZaloUserId,
        })],
        Milestones = [.. current.Milestones.OrderBy(m => m.Date).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new MilestoneDto { Code = m.Code, Name = m.Name, Date = WardClock.Format(m.Date) })],
        Tasks = [.. current.Tasks.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => new TaskDto
        {
            Code = t.Code,
            Title = t.Title,
            Description = Blank(t.Description),
            Section = Blank(t.Section),
            LeadUnit = t.LeadUnit,
            SupportUnits = t.SupportUnits.Count == 0 ? null : [.. t.SupportUnits],
            Assignees = t.Assignees.Count == 0 ? null : [.. t.Assignees],
            Due = t.DueTime is { } time
                ? $"{WardClock.Format(t.Due)} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}"
                : WardClock.Format(t.Due),
            Milestone = Blank(t.Milestone),
        })],
    };

    /// <summary>The file format names one notice. The database may hold several; the one most tasks
    /// come from is written (the latest on a tie). Import keeps each existing task's own source, so
    /// the other tasks do not move to it.</summary>
    private static SourceNotice? MainSource(StoreSnapshot current) =>
        current.Sources
            .OrderByDescending(s => current.Tasks.Count(t => t.Source == s.Number))
            .ThenByDescending(s => s.Date)
            .ThenBy(s => s.Number, StringComparer.Ordinal)
            .FirstOrDefault();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
