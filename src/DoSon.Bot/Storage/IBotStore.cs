using DoSon.Bot.Domain;
using DoSon.Bot.Import;

namespace DoSon.Bot.Storage;

/// <summary>Everything the bot keeps, in the ward's terms. One implementation (LiteDB); safe to use
/// from chat handlers and scheduled jobs at the same time.</summary>
public interface IBotStore
{
    /// <summary>Raised after a committed change to tasks (progress or import), with the codes that
    /// changed, outside any lock: the reminder scheduler re-plans from it.</summary>
    event Action<IReadOnlyCollection<string>>? TasksChanged;

    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Unit>> GetUnitsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Member>> GetMembersAsync(CancellationToken cancellationToken = default);

    Task<Member?> FindMemberAsync(string code, CancellationToken cancellationToken = default);

    Task<Member?> FindMemberByTelegramAsync(long userId, CancellationToken cancellationToken = default);

    Task<Member?> FindMemberByZaloAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Links (or, with null, unlinks) a Telegram user; a user id is linked to one member at most.</summary>
    Task<Member> SetTelegramUserAsync(string memberCode, long? userId, CancellationToken cancellationToken = default);

    /// <summary>Links (or, with null, unlinks) a Zalo user; a user id is linked to one member at most.</summary>
    Task<Member> SetZaloUserAsync(string memberCode, string? userId, CancellationToken cancellationToken = default);

    Task<Member> SetUnreachableAsync(string memberCode, bool unreachable, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Milestone>> GetMilestonesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SourceNotice>> GetSourcesAsync(CancellationToken cancellationToken = default);

    // A withdrawn task (WorkTaskStatus.Withdrawn) is kept with its history but is in no list, total or
    // plan: every read below leaves it out, except FindTaskAsync (by its code) and
    // GetTasksWithStatusAsync(Withdrawn), which returns the withdrawn tasks only.

    /// <summary>Every task not withdrawn.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksAsync(CancellationToken cancellationToken = default);

    /// <summary>The task with this code, withdrawn or not.</summary>
    Task<WorkTask?> FindTaskAsync(string code, CancellationToken cancellationToken = default);

    // The queries below read by index, not the whole ward. Each returns exactly what the same filter
    // over GetTasksAsync() returns (TaskScope's rules, codes compared ignoring case), in the same order:
    // by due date, then code.

    /// <summary>Tasks naming the member among their assignees.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksForAsync(string memberCode, CancellationToken cancellationToken = default);

    /// <summary>Tasks one of the units leads (<see cref="TaskScope.LedBy(ITaskStanding, string)"/>), done or not.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksLedByAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default);

    /// <summary>Tasks one of the units supports without leading them (<see cref="TaskScope.SupportedBy(ITaskStanding, string)"/>), done or not.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksSupportedByAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default);

    /// <summary>Tasks not done whose deadline falls between the two dates, both included.</summary>
    Task<IReadOnlyList<WorkTask>> GetOpenTasksDueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Tasks not done whose deadline is before <paramref name="today"/> (<see cref="TaskScope.IsOverdue"/>).</summary>
    Task<IReadOnlyList<WorkTask>> GetOverdueTasksAsync(DateOnly today, CancellationToken cancellationToken = default);

    /// <summary>Tasks tied to the milestone.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksOfMilestoneAsync(string milestoneCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkTask>> GetTasksWithStatusAsync(WorkTaskStatus status, CancellationToken cancellationToken = default);

    /// <summary>Every task's unit, status, deadline and percent, for the ward's totals: kept in memory
    /// by the store and brought up to date by each change, so no command reads every task for them.</summary>
    Task<IReadOnlyList<TaskStanding>> GetTaskStandingsAsync(CancellationToken cancellationToken = default);

    /// <summary>The milestone with exactly this code.</summary>
    Task<Milestone?> FindMilestoneAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The units among these codes that exist.</summary>
    Task<IReadOnlyList<Unit>> FindUnitsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);

    /// <summary>The members among these codes that exist.</summary>
    Task<IReadOnlyList<Member>> FindMembersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);

    /// <summary>The task's history, oldest first.</summary>
    Task<IReadOnlyList<ProgressReport>> GetHistoryAsync(string taskCode, CancellationToken cancellationToken = default);

    /// <summary>Appends the report and applies its status and percent to the task, atomically. A report of
    /// kind <see cref="ProgressKind.Withdrawn"/> with status Withdrawn withdraws the task (the note is the
    /// reason); the event then re-plans it to nothing, which cancels its pending reminders.</summary>
    Task<WorkTask> RecordProgressAsync(ProgressReport report, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole import plan in one transaction: all of it or nothing.</summary>
    Task ApplyImportAsync(ImportPlan plan, string byMember, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The tasks with these codes, by key (unknown and withdrawn codes are left out), in no set order.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);
}
