namespace DoSon.Bot.Domain;

/// <summary>How a member stands to a task, from the strongest tie down. The rights follow from it.</summary>
public enum TaskRelation
{
    Stranger = 0,
    SupportUnit = 1,
    LeadUnitMember = 2,
    LeadUnitLeader = 3,
    Assignee = 4,
    Admin = 5,
}

/// <summary>Who may see and change which task. Admins see and change all. Leaders see the whole
/// ward (they answer for it at the Standing Board). Supporting units (phối hợp) contribute: their
/// leaders and members add notes and report blockers; the lead unit (chủ trì) decides: only the
/// task's assignees, its lead unit's leaders and admins change the percent or close it. A member of the
/// lead unit decides a task only while it has no named assignee.</summary>
public static class AccessPolicy
{
    public static TaskRelation RelationOf(Member member, WorkTask task)
    {
        if (member.Role == MemberRole.Admin)
        {
            return TaskRelation.Admin;
        }

        if (task.IsAssignedTo(member.Code))
        {
            return TaskRelation.Assignee;
        }

        if (member.BelongsTo(task.LeadUnit))
        {
            return member.Role == MemberRole.Leader ? TaskRelation.LeadUnitLeader : TaskRelation.LeadUnitMember;
        }

        return member.Units.Any(task.InvolvesUnit) ? TaskRelation.SupportUnit : TaskRelation.Stranger;
    }

    public static bool CanSee(Member member, WorkTask task) =>
        member.Role == MemberRole.Leader || RelationOf(member, task) != TaskRelation.Stranger;

    /// <summary>Change the percent or close the task.</summary>
    public static bool CanDecide(Member member, WorkTask task) => RelationOf(member, task) switch
    {
        TaskRelation.Admin or TaskRelation.Assignee or TaskRelation.LeadUnitLeader => true,
        TaskRelation.LeadUnitMember => task.Assignees.Count == 0,
        _ => false,
    };

    /// <summary>Add a note or report a blocker (and snooze one's own reminder of it).</summary>
    public static bool CanContribute(Member member, WorkTask task) =>
        RelationOf(member, task) != TaskRelation.Stranger;

    /// <summary>The tasks that make up a member's "own" list (/nhiemvu) and digest: assigned to them,
    /// led or supported by their units; for a member of the lead unit, only while nobody is named.</summary>
    public static bool IsInScope(Member member, WorkTask task) => RelationOf(member, task) switch
    {
        TaskRelation.LeadUnitMember => task.Assignees.Count == 0,
        TaskRelation.Stranger => false,
        _ => true,
    };
}
