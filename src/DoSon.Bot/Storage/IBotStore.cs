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

    /// <summary>The task's history, oldest first.</summary>
    IReadOnlyList<ProgressReport> GetHistory(string taskCode);

    /// <summary>Appends the report and applies its status and percent to the task, atomically.</summary>
    WorkTask RecordProgress(ProgressReport report);

    /// <summary>Writes a whole import plan in one transaction: all of it or nothing.</summary>
    void ApplyImport(ImportPlan plan, string byMember, DateTimeOffset at);

    /// <summary>The tasks with these codes, by key (unknown codes are left out), in no set order.</summary>
    IReadOnlyList<WorkTask> GetTasks(IReadOnlyCollection<string> codes);
}
