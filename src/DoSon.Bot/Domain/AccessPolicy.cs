namespace DoSon.Bot.Domain;

/// <summary>Who may see and change which task. Admins see and change all. Leaders see the whole
/// ward (they answer for it at the Standing Board) but change only their units' tasks. Members see
/// their own and their units' tasks and change the ones assigned to them, or, where a task has no
/// named assignee, the ones their unit leads.</summary>
public static class AccessPolicy
{
    public static bool CanSee(Member member, WorkTask task) =>
        member.Role == MemberRole.Admin
        || task.IsAssignedTo(member.Code)
        || member.Role == MemberRole.Leader
        || member.Units.Any(task.InvolvesUnit);

    public static bool CanChange(Member member, WorkTask task) => member.Role switch
    {
        MemberRole.Admin => true,
        MemberRole.Leader => task.IsAssignedTo(member.Code) || member.Units.Any(task.InvolvesUnit),
        _ => task.IsAssignedTo(member.Code)
             || (task.Assignees.Count == 0 && member.BelongsTo(task.LeadUnit)),
    };

    /// <summary>The tasks that make up a member's "own" list (/nhiemvu): assigned to them, or, for
    /// leaders, led by their units; for a member, unassigned tasks of their units too.</summary>
    public static bool IsInScope(Member member, WorkTask task) => member.Role switch
    {
        MemberRole.Admin => true,
        MemberRole.Leader => task.IsAssignedTo(member.Code) || member.Units.Any(task.InvolvesUnit),
        _ => CanChange(member, task),
    };
}
