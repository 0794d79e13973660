using System.Text.RegularExpressions;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;

namespace DoSon.Bot.Web.Import;

/// <summary>One task of a draft as the table shows it, with what the parser flagged.</summary>
/// <param name="Index">Position in the draft's task list (0-based): the form's field names carry it.</param>
public sealed record DraftRow(
    int Index,
    string Code,
    string Title,
    string LeadUnit,
    string Due,
    string People,
    string Milestone,
    string? Note,
    bool UnitFlagged,
    bool DueFlagged)
{
    public int Row => Index + 1;

    public bool Flagged => Note is not null || UnitFlagged || DueFlagged;
}

/// <summary>The editable table of a draft: rows out of the draft (an assignment file, as the notice
/// drafter makes it), the admin's cells back into it, and the importer's errors placed on their row and
/// column. The checks themselves are the importer's: nothing is parsed here but the cells' lists.</summary>
public static partial class DraftTable
{
    /// <summary>The names of the editable cells are the JSON fields, so that the importer's errors
    /// (which name them) land on the right column.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "leadUnit", "due", "assignees", "milestone"];

    public static string Name(int index, string field) => $"t{index}.{field}";

    public static IReadOnlyList<DraftRow> Rows(AssignmentFile draft, IReadOnlyDictionary<string, IReadOnlySet<AttentionKind>> flags) =>
        [.. (draft.Tasks ?? []).Select((t, i) =>
        {
            var kinds = t.Code is not null && flags.TryGetValue(t.Code, out var k) ? k : new HashSet<AttentionKind>();
            return new DraftRow(
                i,
                t.Code ?? "",
                t.Title ?? "",
                t.LeadUnit ?? "",
                t.Due ?? "",
                string.Join(", ", t.Assignees ?? []),
                t.Milestone ?? "",
                string.IsNullOrWhiteSpace(t.Note) ? null : t.Note,
                kinds.Contains(AttentionKind.NoUnit),
                kinds.Contains(AttentionKind.NoDate) || kinds.Contains(AttentionKind.AmbiguousDate) || kinds.Contains(AttentionKind.PastDate));
        })];

    /// <summary>The draft with each task's cells as posted; a cell not posted keeps the draft's value.</summary>
    public static AssignmentFile Apply(AssignmentFile draft, Func<string, string?> posted)
    {
        var tasks = draft.Tasks ?? [];
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            string? Cell(string field) => posted(Name(i, field)) is { } v ? v.Trim() : null;
            t.Title = Cell("title") ?? t.Title;
            t.LeadUnit = Cell("leadUnit") ?? t.LeadUnit;
            t.Due = Cell("due") ?? t.Due;
            if (Cell("assignees") is { } people)
            {
                var codes = people.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                t.Assignees = codes.Length == 0 ? null : [.. codes];
            }

            if (Cell("milestone") is { } milestone)
            {
                t.Milestone = milestone.Length == 0 ? null : milestone;
            }
        }

        return draft;
    }

    /// <summary>The importer's error as the table names it: the row and its code, and the column.</summary>
    public static string Describe(ImportError error, AssignmentFile draft)
    {
        var match = TaskPath().Match(error.Where);
        var tasks = draft.Tasks ?? [];
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, out var index) || index >= tasks.Count)
        {
            return error.ToString();
        }

        var code = tasks[index].Code ?? "";
        return Column(error.Field) is { } column
            ? WebTexts.CellError(index + 1, code, column, error.Message)
            : WebTexts.RowError(index + 1, code, error.Message);
    }

    private static string? Column(string? field) => field switch
    {
        "title" => WebTexts.ColumnTitle,
        "leadUnit" => WebTexts.ColumnLeadUnit,
        "due" => WebTexts.DraftColumnDue,
        "assignees" => WebTexts.ColumnPeople,
        "milestone" => WebTexts.ColumnMilestone,
        null => null,
        _ => field,
    };

    [GeneratedRegex(@"^tasks\[(\d+)\]")]
    private static partial Regex TaskPath();
}
