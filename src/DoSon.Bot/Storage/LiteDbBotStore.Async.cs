using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Reminders;

namespace DoSon.Bot.Storage;

// The store interfaces are Task-returning so that a second store (a server database) can be added
// without rewriting their callers. LiteDB works in process and its transactions are bound to the
// thread that began them, so this store does its work synchronously under its lock and hands back a
// completed task; the calls are short and not cancellable, so the tokens are not used here.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The synchronous core keeps the interfaces' return types, which the Task-returning members hand on.")]
internal sealed partial class LiteDbBotStore
{
    // IBotStore

    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(IsEmpty());

    public Task<IReadOnlyList<Unit>> GetUnitsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetUnits());

    public Task<IReadOnlyList<Member>> GetMembersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetMembers());

    public Task<Member?> FindMemberAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindMember(code));

    public Task<Member?> FindMemberByTelegramAsync(long userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindMemberByTelegram(userId));

    public Task<Member?> FindMemberByZaloAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindMemberByZalo(userId));

    public Task<Member> SetTelegramUserAsync(string memberCode, long? userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SetTelegramUser(memberCode, userId));

    public Task<Member> SetZaloUserAsync(string memberCode, string? userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SetZaloUser(memberCode, userId));

    public Task<Member> SetUnreachableAsync(string memberCode, bool unreachable, CancellationToken cancellationToken = default) =>
        Task.FromResult(SetUnreachable(memberCode, unreachable));

    public Task<IReadOnlyList<Milestone>> GetMilestonesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetMilestones());

    public Task<IReadOnlyList<SourceNotice>> GetSourcesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetSources());

    public Task<IReadOnlyList<WorkTask>> GetTasksAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTasks());

    public Task<WorkTask?> FindTaskAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindTask(code));

    public Task<IReadOnlyList<WorkTask>> GetTasksForAsync(string memberCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTasksFor(memberCode));

    public Task<IReadOnlyList<WorkTask>> GetTasksLedByAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTasksLedBy(unitCodes));

    public Task<IReadOnlyList<WorkTask>> GetTasksSupportedByAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTasksSupportedBy(unitCodes));

    public Task<IReadOnlyList<WorkTask>> GetOpenTasksDueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetOpenTasksDueBetween(from, to));

    public Task<IReadOnlyList<WorkTask>> GetOverdueTasksAsync(DateOnly today, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetOverdueTasks(today));

    public Task<IReadOnlyList<WorkTask>> GetTasksOfMilestoneAsync(string milestoneCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTasksOfMilestone(milestoneCode));

    public Task<IReadOnlyList<WorkTask>> GetTasksWithStatusAsync(WorkTaskStatus status, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTasksWithStatus(status));

    public Task<IReadOnlyList<TaskStanding>> GetTaskStandingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTaskStandings());

    public Task<Milestone?> FindMilestoneAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindMilestone(code));

    public Task<IReadOnlyList<Unit>> FindUnitsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindUnits(codes));

    public Task<IReadOnlyList<Member>> FindMembersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindMembers(codes));

    public Task<IReadOnlyList<ProgressReport>> GetHistoryAsync(string taskCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetHistory(taskCode));

    public Task<WorkTask> RecordProgressAsync(ProgressReport report, CancellationToken cancellationToken = default) =>
        Task.FromResult(RecordProgress(report));

    public Task ApplyImportAsync(ImportPlan plan, string byMember, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ApplyImport(plan, byMember, at);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkTask>> GetTasksAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetTasks(codes));

    // IGroupDigestLog

    public Task<IReadOnlySet<long>> GroupsSentAsync(string kind, DateOnly date, CancellationToken cancellationToken = default) =>
        Task.FromResult(GroupsSent(kind, date));

    public Task RecordGroupSentAsync(string kind, DateOnly date, long chatId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        RecordGroupSent(kind, date, chatId, at);
        return Task.CompletedTask;
    }

    // IInviteStore

    public Task CreateInviteAsync(string codeHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        CreateInvite(codeHash, memberCode, createdAt, expiresAt);
        return Task.CompletedTask;
    }

    public Task<InviteOutcome> RedeemInviteAsync(string codeHash, ChatAccount account, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(RedeemInvite(codeHash, account, now));

    public Task<DateTimeOffset?> InviteLockedUntilAsync(ChatAccount account, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(InviteLockedUntil(account, now));

    public Task<DateTimeOffset?> RecordInviteFailureAsync(ChatAccount account, DateTimeOffset now, int maxFailures, TimeSpan window, TimeSpan lockFor, CancellationToken cancellationToken = default) =>
        Task.FromResult(RecordInviteFailure(account, now, maxFailures, window, lockFor));

    public Task<int> CountInviteLockoutsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult(CountInviteLockouts(since));

    // INoticeDraftStore

    public Task SaveDraftAsync(NoticeDraftRecord draft, CancellationToken cancellationToken = default)
    {
        SaveDraft(draft);
        return Task.CompletedTask;
    }

    public Task<NoticeDraftRecord?> FindDraftAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindDraft(id));

    public Task<DraftClaim> ClaimDraftAsync(string id, string memberCode, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(ClaimDraft(id, memberCode, now));

    public Task ReleaseDraftAsync(string id, CancellationToken cancellationToken = default)
    {
        ReleaseDraft(id);
        return Task.CompletedTask;
    }

    // IReminderRetentionStore

    public Task<RetentionRemoval> RemoveFinishedRemindersAsync(DateTimeOffset finishedBefore, int batchSize = 1000, CancellationToken cancellationToken = default) =>
        Task.FromResult(RemoveFinishedReminders(finishedBefore, batchSize));

    public Task<int> DoneKeyCountAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(DoneKeyCount());

    public Task<long> FileSizeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(FileSize());

    public Task<StoreRebuild?> RebuildAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Rebuild());

    // IReminderStore

    public Task<ReminderPlanChanges> ApplyPlanAsync(IReadOnlyList<PlannedReminder> plan, IReadOnlySet<string> openTaskCodes, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(ApplyPlan(plan, openTaskCodes, now));

    public Task<ReminderPlanChanges> ApplyPlanAsync(IReadOnlyList<PlannedReminder> plan, ReminderScope scope, IReadOnlySet<string> openTaskCodes, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(ApplyPlan(plan, scope, openTaskCodes, now));

    public Task<int> CancelPendingAsync(IReadOnlyCollection<string> taskCodes, DateTimeOffset at, string note, CancellationToken cancellationToken = default) =>
        Task.FromResult(CancelPending(taskCodes, at, note));

    public Task<IReadOnlyList<Reminder>> GetPendingUpToAsync(DateTimeOffset upTo, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetPendingUpTo(upTo));

    public Task<bool> AddOneOffAsync(PlannedReminder reminder, CancellationToken cancellationToken = default) =>
        Task.FromResult(AddOneOff(reminder));

    public Task<IReadOnlyList<Reminder>> GetRemindersAsync(ReminderState? state = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetReminders(state));

    public Task<ReminderLogPage> GetReminderLogAsync(ReminderLogQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetReminderLog(query));

    public Task<Reminder?> FindReminderAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindReminder(key));

    public Task<IReadOnlyList<Reminder>> GetRemindersOfTaskAsync(string taskCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetRemindersOfTask(taskCode));

    public Task<IReadOnlyList<Reminder>> GetDueAsync(string memberCode, DateTimeOffset upTo, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetDue(memberCode, upTo));

    public Task<int> CompleteAsync(IReadOnlyCollection<string> keys, ReminderState state, DateTimeOffset at, string? note, int attempts = 0, string? channel = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Complete(keys, state, at, note, attempts, channel));

    public Task<CatchUpResult> CatchUpAsync(DateTimeOffset now, TimeSpan window, DateTimeOffset sendAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(CatchUp(now, window, sendAt));

    // ITelegramStore

    public Task RecordMessageAsync(TelegramMessageRecord record, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        RecordMessage(record, at);
        return Task.CompletedTask;
    }

    public Task<TelegramMessageRecord?> FindMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindMessage(chatId, messageId));

    public Task RegisterGroupAsync(TelegramGroup group, CancellationToken cancellationToken = default)
    {
        RegisterGroup(group);
        return Task.CompletedTask;
    }

    public Task<bool> UnregisterGroupAsync(long chatId, CancellationToken cancellationToken = default) =>
        Task.FromResult(UnregisterGroup(chatId));

    public Task<IReadOnlyList<TelegramGroup>> GetGroupsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetGroups());

    public Task<TelegramPollState?> GetPollStateAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(GetPollState());

    public Task SavePollStateAsync(TelegramPollState state, CancellationToken cancellationToken = default)
    {
        SavePollState(state);
        return Task.CompletedTask;
    }
}
