using DoSon.Bot.Domain;

namespace DoSon.Bot.Import;

public enum ChangeKind
{
    Created,
    Updated,
    Unchanged,
}

public sealed record Change<T>(ChangeKind Kind, T Item, IReadOnlyList<string> ChangedFields);

/// <summary>What an import will do, computed against the current database before anything is
/// written, so that a dry run and the real run report the same thing.</summary>
public sealed record ImportPlan(
    SourceNotice? Source,
    IReadOnlyList<Change<Unit>> Units,
    IReadOnlyList<Change<Member>> Members,
    IReadOnlyList<Change<Milestone>> Milestones,
    IReadOnlyList<Change<WorkTask>> Tasks)
{
    public bool HasChanges =>
        Units.Any(c => c.Kind != ChangeKind.Unchanged)
        || Members.Any(c => c.Kind != ChangeKind.Unchanged)
        || Milestones.Any(c => c.Kind != ChangeKind.Unchanged)
        || Tasks.Any(c => c.Kind != ChangeKind.Unchanged);
}
