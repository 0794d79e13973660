using DoSon.Bot.Domain;

namespace DoSon.Bot.Import;

/// <summary>Compares a checked file with the database and says, item by item, what an import
/// creates, updates (and which fields) or leaves alone. Pure, so that a dry run and the real run
/// report the same plan. What the file does not carry is kept from the database: a task's status,
/// percent and source notice, a member's chat accounts when the file leaves them empty, the
/// unreachable flag. Items absent from the file are not touched.</summary>
public static class ImportPlanner
{
    public static ImportPlan Plan(StoreSnapshot current, AssignmentSet file) => new(
        file.Source,
        [.. file.Units.Select(u => PlanUnit(Find(current.Units, u.Code, x => x.Code), u))],
        [.. file.Members.Select(m => PlanMember(Find(current.Members, m.Code, x => x.Code), m))],
        [.. file.Milestones.Select(m => PlanMilestone(Find(current.Milestones, m.Code, x => x.Code), m))],
        [.. file.Tasks.Select(t => PlanTask(Find(current.Tasks, t.Code, x => x.Code), t))]);

    /// <summary>Whether the file's notice differs from the one the database holds under its number.</summary>
    public static bool SourceChanges(StoreSnapshot current, SourceNotice? source) =>
        source is not null && !current.Sources.Contains(source);

    private static T? Find<T>(IReadOnlyList<T> items, string code, Func<T, string> codeOf)
        where T : class =>
        items.FirstOrDefault(i => string.Equals(codeOf(i), code, StringComparison.OrdinalIgnoreCase));

    private static Change<Unit> PlanUnit(Unit? existing, Unit file)
    {
        if (existing is null)
        {
            return new(ChangeKind.Created, file, []);
        }

        var changed = new List<string>();
        Compare(changed, ImportTexts.FieldName, existing.Name, file.Name);
        return changed.Count == 0
            ? new(ChangeKind.Unchanged, existing, [])
            : new(ChangeKind.Updated, file with { Code = existing.Code }, changed);
    }

    private static Change<Member> PlanMember(Member? existing, Member file)
    {
        if (existing is null)
        {
            return new(ChangeKind.Created, file with { Unreachable = false }, []);
        }

        var merged = file with
        {
            Code = existing.Code,
            TelegramUserId = file.TelegramUserId ?? existing.TelegramUserId,
            ZaloUserId = file.ZaloUserId ?? existing.ZaloUserId,
            Unreachable = existing.Unreachable,
        };
        var changed = new List<string>();
        Compare(changed, ImportTexts.FieldMemberName, existing.Name, merged.Name);
        Compare(changed, ImportTexts.FieldTitle, existing.Title, merged.Title);
        CompareSets(changed, ImportTexts.FieldUnits, existing.Units, merged.Units);
        Compare(changed, ImportTexts.FieldRole, existing.Role, merged.Role);
        Compare(changed, ImportTexts.FieldTelegram, existing.TelegramUserId, merged.TelegramUserId);
        Compare(changed, ImportTexts.FieldZalo, existing.ZaloUserId, merged.ZaloUserId);
        return changed.Count == 0
            ? new(ChangeKind.Unchanged, existing, [])
            : new(ChangeKind.Updated, merged, changed);
    }

    private static Change<Milestone> PlanMilestone(Milestone? existing, Milestone file)
    {
        if (existing is null)
        {
            return new(ChangeKind.Created, file, []);
        }

        var changed = new List<string>();
        Compare(changed, ImportTexts.FieldName, existing.Name, file.Name);
        Compare(changed, ImportTexts.FieldDate, existing.Date, file.Date);
        return changed.Count == 0
            ? new(ChangeKind.Unchanged, existing, [])
            : new(ChangeKind.Updated, file with { Code = existing.Code }, changed);
    }

    private static Change<WorkTask> PlanTask(WorkTask? existing, WorkTask file)
    {
        if (existing is null)
        {
            return new(ChangeKind.Created, file with { Status = WorkTaskStatus.NotStarted, Percent = 0 }, []);
        }

        // A withdrawn task stays withdrawn, as it was: a file naming it again restores nothing and
        // changes nothing (it is reported unchanged); an admin creates a new task if the work returns.
        if (existing.IsWithdrawn)
        {
            return new(ChangeKind.Unchanged, existing, []);
        }

        var merged = file with
        {
            Code = existing.Code,
            Source = existing.Source ?? file.Source,
            Status = existing.Status,
            Percent = existing.Percent,
        };
        var changed = new List<string>();
        Compare(changed, ImportTexts.FieldTaskTitle, existing.Title, merged.Title);
        Compare(changed, ImportTexts.FieldDescription, Blank(existing.Description), Blank(merged.Description));
        Compare(changed, ImportTexts.FieldSection, Blank(existing.Section), Blank(merged.Section));
        Compare(changed, ImportTexts.FieldLeadUnit, existing.LeadUnit, merged.LeadUnit);
        CompareSets(changed, ImportTexts.FieldSupportUnits, existing.SupportUnits, merged.SupportUnits);
        CompareSets(changed, ImportTexts.FieldAssignees, existing.Assignees, merged.Assignees);
        Compare(changed, ImportTexts.FieldDue, (existing.Due, existing.DueTime), (merged.Due, merged.DueTime));
        Compare(changed, ImportTexts.FieldMilestone, Blank(existing.Milestone), Blank(merged.Milestone));
        return changed.Count == 0
            ? new(ChangeKind.Unchanged, existing, [])
            : new(ChangeKind.Updated, merged, changed);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static void Compare<T>(List<string> changed, string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            changed.Add(field);
        }
    }

    /// <summary>Lists of codes are compared as sets: writing "CAP, UBND" instead of "UBND, CAP" is
    /// not a change worth a history entry.</summary>
    private static void CompareSets(List<string> changed, string field, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (!before.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(after))
        {
            changed.Add(field);
        }
    }
}
