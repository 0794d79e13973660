using System.Globalization;

namespace DoSon.Bot.Domain;

/// <summary>One field of a task changed by a history entry, with the value before and after as the
/// reader sees it (dates dd/MM/yyyy, lists of codes comma-separated, a status by its name).</summary>
/// <param name="Field">One of <see cref="TaskField"/>: stable keys, so that the wording can change
/// without rewriting stored history.</param>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>The keys of the fields a history entry may record as changed.</summary>
public static class TaskField
{
    public const string Percent = "percent";
    public const string Status = "status";
    public const string Due = "due";
    public const string Title = "title";
    public const string Description = "description";
    public const string Section = "section";
    public const string LeadUnit = "leadUnit";
    public const string SupportUnits = "supportUnits";
    public const string Assignees = "assignees";
    public const string Milestone = "milestone";

    /// <summary>Every field that differs between two versions of a task, old → new, in a fixed order.
    /// Lists of codes are compared as sets (order is not a change).</summary>
    public static IReadOnlyList<FieldChange> Between(WorkTask before, WorkTask after)
    {
        var changes = new List<FieldChange>();
        Add(changes, Title, before.Title, after.Title);
        Add(changes, Description, Blank(before.Description), Blank(after.Description));
        Add(changes, Section, Blank(before.Section), Blank(after.Section));
        Add(changes, LeadUnit, before.LeadUnit, after.LeadUnit);
        AddSet(changes, SupportUnits, before.SupportUnits, after.SupportUnits);
        AddSet(changes, Assignees, before.Assignees, after.Assignees);
        Add(changes, Due, DueText.Deadline(before), DueText.Deadline(after));
        Add(changes, Milestone, Blank(before.Milestone), Blank(after.Milestone));
        Add(changes, Percent, before.Percent.ToString(CultureInfo.InvariantCulture), after.Percent.ToString(CultureInfo.InvariantCulture));
        Add(changes, Status, before.Status.ToString(), after.Status.ToString());
        return changes;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static void Add(List<FieldChange> changes, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new(field, before, after));
        }
    }

    private static void AddSet(List<FieldChange> changes, string field, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (!before.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(after))
        {
            changes.Add(new(field, before.Count == 0 ? null : string.Join(", ", before), after.Count == 0 ? null : string.Join(", ", after)));
        }
    }
}
