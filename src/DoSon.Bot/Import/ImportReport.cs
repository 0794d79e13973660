using System.Text;

namespace DoSon.Bot.Import;

/// <summary>What the import verb prints: the counts, then one line per item created or updated,
/// or every error, one per line.</summary>
public static class ImportReport
{
    public static string Format(ImportOutcome outcome, string fileName, bool dryRun)
    {
        if (!outcome.Succeeded || outcome.Plan is null)
        {
            var errors = new StringBuilder(ImportTexts.ErrorsHeader(fileName, outcome.Errors.Count));
            foreach (var error in outcome.Errors)
            {
                errors.Append("\n  ").Append(error);
            }

            return errors.ToString();
        }

        var plan = outcome.Plan;
        var sb = new StringBuilder(ImportTexts.Source(fileName, plan.Source));
        sb.Append('\n').Append(dryRun ? ImportTexts.DryRun : ImportTexts.Applied);
        Count(sb, ImportTexts.KindUnits, plan.Units);
        Count(sb, ImportTexts.KindMembers, plan.Members);
        Count(sb, ImportTexts.KindMilestones, plan.Milestones);
        Count(sb, ImportTexts.KindTasks, plan.Tasks);
        if (!plan.HasChanges)
        {
            sb.Append('\n').Append(ImportTexts.NothingChanges);
            return sb.ToString();
        }

        sb.Append('\n').Append(ImportTexts.Details);
        Lines(sb, ImportTexts.KindUnits, plan.Units, u => u.Code, u => u.Name);
        Lines(sb, ImportTexts.KindMembers, plan.Members, m => m.Code, m => m.Name);
        Lines(sb, ImportTexts.KindMilestones, plan.Milestones, m => m.Code, m => m.Name);
        Lines(sb, ImportTexts.KindTasks, plan.Tasks, t => t.Code, t => t.Title);
        return sb.ToString();
    }

    private static void Count<T>(StringBuilder sb, string kind, IReadOnlyList<Change<T>> changes) =>
        sb.Append('\n').Append(ImportTexts.Counts(
            kind,
            changes.Count(c => c.Kind == ChangeKind.Created),
            changes.Count(c => c.Kind == ChangeKind.Updated),
            changes.Count(c => c.Kind == ChangeKind.Unchanged)));

    private static void Lines<T>(StringBuilder sb, string kind, IReadOnlyList<Change<T>> changes, Func<T, string> code, Func<T, string> name)
    {
        foreach (var c in changes)
        {
            var line = c.Kind switch
            {
                ChangeKind.Created => ImportTexts.CreatedLine(kind, code(c.Item), name(c.Item)),
                ChangeKind.Updated => ImportTexts.UpdatedLine(kind, code(c.Item), name(c.Item), c.ChangedFields),
                _ => null,
            };
            if (line is not null)
            {
                sb.Append('\n').Append(line);
            }
        }
    }
}
