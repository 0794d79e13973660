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

    bool IsEmpty();

    IReadOnlyList<Unit> GetUnits();

    IReadOnlyList<Member> GetMembers();

    Member? FindMember(string code);

    Member? FindMemberByTelegram(long userId);

    Member? FindMemberByZalo(string userId);

    /// <summary>Links (or, with null, unlinks) a Telegram user; a user id is linked to one member at most.</summary>
    Member SetTelegramUser(string memberCode, long? userId);

    /// <summary>Links (or, with null, unlinks) a Zalo user; a user id is linked to one member at most.</summary>
    Member SetZaloUser(string memberCode, string? userId);

    Member SetUnreachable(string memberCode, bool unreachable);

    IReadOnlyList<Milestone> GetMilestones();

    IReadOnlyList<SourceNotice> GetSources();

    IReadOnlyList<WorkTask> GetTasks();

    WorkTask? FindTask(string code);

    // The queries below read by index, not the whole ward. Each returns exactly what the same filter
    // over GetTasks() returns (TaskScope's rules, codes compared ignoring case), in the same order:
    // by due date, then code.

    /// <summary>Tasks naming the member among their assignees.</summary>
    IReadOnlyList<WorkTask> GetTasksFor(string memberCode);

    /// <summary>Tasks one of the units leads (<see cref="TaskScope.LedBy(ITaskStanding, string)"/>), done or not.</summary>
    IReadOnlyList<WorkTask> GetTasksLedBy(IReadOnlyCollection<string> unitCodes);

    /// <summary>Tasks one of the units supports without leading them (<see cref="TaskScope.SupportedBy(ITaskStanding, string)"/>), done or not.</summary>
    IReadOnlyList<WorkTask> GetTasksSupportedBy(IReadOnlyCollection<string> unitCodes);

    /// <summary>Tasks not done whose deadline falls between the two dates, both included.</summary>
    IReadOnlyList<WorkTask> GetOpenTasksDueBetween(DateOnly from, DateOnly to);

    /// <summary>Tasks not done whose deadline is before <paramref name="today"/> (<see cref="TaskScope.IsOverdue"/>).</summary>
    IReadOnlyList<WorkTask> GetOverdueTasks(DateOnly today);

    /// <summary>Tasks tied to the milestone.</summary>
    IReadOnlyList<WorkTask> GetTasksOfMilestone(string milestoneCode);

    IReadOnlyList<WorkTask> GetTasksWithStatus(WorkTaskStatus status);

    /// <summary>Every task's unit, status, deadline and percent, for the ward's totals: kept in memory
    /// by the store and brought up to date by each change, so no command reads every task for them.</summary>
    IReadOnlyList<TaskStanding> GetTaskStandings();

    /// <summary>The milestone with exactly this code.</summary>
    Milestone? FindMilestone(string code);

    /// <summary>The units among these codes that exist.</summary>
    IReadOnlyList<Unit> FindUnits(IReadOnlyCollection<string> codes);

    /// <summary>The members among these codes that exist.</summary>
    IReadOnlyList<Member> FindMembers(IReadOnlyCollection<string> codes);

    /// <summary>The task's history, oldest first.</summary>
    IReadOnlyList<ProgressReport> GetHistory(string taskCode);

    /// <summary>Appends the report and applies its status and percent to the task, atomically.</summary>
    WorkTask RecordProgress(ProgressReport report);

    /// <summary>Writes a whole import plan in one transaction: all of it or nothing.</summary>
    void ApplyImport(ImportPlan plan, string byMember, DateTimeOffset at);

    /// <summary>The tasks with these codes, by key (unknown codes are left out), in no set order.</summary>
    IReadOnlyList<WorkTask> GetTasks(IReadOnlyCollection<string> codes);
}
