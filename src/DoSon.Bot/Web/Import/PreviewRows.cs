using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;

namespace DoSon.Bot.Web.Import;

/// <summary>One field an import changes, as it is and as it will be.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>One item of the import's plan, as the preview lists it.</summary>
public sealed record ChangeRow(string Kind, ChangeKind Change, string Code, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>The importer's plan (ImportPlanner: what is created, updated and which fields, unchanged)
/// with, for each changed field, its value in the database before, so the admin sees old → new.</summary>
public static class PreviewRows
{
    public static IReadOnlyList<ChangeRow> Of(ImportPlan plan, StoreSnapshot before) =>
    [
        .. Rows(ImportTexts.KindUnits, plan.Units, before.Units, u => u.Code, u => u.Name, UnitField),
        .. Rows(ImportTexts.KindMembers, plan.Members, before.Members, m => m.Code, m => m.Name, MemberField),
        .. Rows(ImportTexts.KindMilestones, plan.Milestones, before.Milestones, m => m.Code, m => m.Name, MilestoneField),
        .. Rows(ImportTexts.KindTasks, plan.Tasks, before.Tasks, t => t.Code, t => t.Title, TaskField),
    ];

    private static IEnumerable<ChangeRow> Rows<T>(
        string kind,
        IReadOnlyList<Change<T>> changes,
        IReadOnlyList<T> existing,
        Func<T, string> code,
        Func<T, string> name,
        Func<T, string, string> field) =>
        changes.Select(c =>
        {
            var old = c.Kind == ChangeKind.Updated
                ? existing.FirstOrDefault(e => string.Equals(code(e), code(c.Item), StringComparison.OrdinalIgnoreCase))
                : default;
            var fields = old is null
                ? []
                : c.ChangedFields.Select(f => new FieldChange(WebTexts.Capitalized(f), Show(field(old, f)), Show(field(c.Item, f)))).ToList();
            return new ChangeRow(kind, c.Kind, code(c.Item), name(c.Item), fields);
        });

    /// <summary>A task's full text can run to pages: the preview shows its beginning.</summary>
    private static string Show(string value) =>
        string.IsNullOrWhiteSpace(value) ? WebTexts.Empty : value.Length <= 300 ? value : value[..300] + "…";

    private static string List(IReadOnlyList<string> items) => string.Join(", ", items);

    private static string UnitField(Unit u, string field) => field == ImportTexts.FieldName ? u.Name : "";

    private static string MilestoneField(Milestone m, string field) => field switch
    {
        ImportTexts.FieldName => m.Name,
        ImportTexts.FieldDate => WardClock.Format(m.Date),
        _ => "",
    };

    private static string MemberField(Member m, string field) => field switch
    {
        ImportTexts.FieldMemberName => m.Name,
        ImportTexts.FieldTitle => m.Title,
        ImportTexts.FieldUnits => List(m.Units),
        ImportTexts.FieldRole => StatusText.Of(m.Role),
        ImportTexts.FieldTelegram => m.TelegramUserId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ImportTexts.FieldZalo => m.ZaloUserId ?? "",
        _ => "",
    };

    private static string TaskField(WorkTask t, string field) => field switch
    {
        ImportTexts.FieldTaskTitle => t.Title,
        ImportTexts.FieldDescription => t.Description ?? "",
        ImportTexts.FieldSection => t.Section ?? "",
        ImportTexts.FieldLeadUnit => t.LeadUnit,
        ImportTexts.FieldSupportUnits => List(t.SupportUnits),
        ImportTexts.FieldAssignees => List(t.Assignees),
        ImportTexts.FieldDue => t.DueTime is { } time
            ? $"{WardClock.Format(t.Due)} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : WardClock.Format(t.Due),
        ImportTexts.FieldMilestone => t.Milestone ?? "",
        _ => "",
    };
}
