using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage;

/// <summary>What a member's chat is about: the tasks of the bot's last reminder or /chitiet to them,
/// in the order they were listed (one task: the current task; several: "2 xong" picks the second).
/// Platform-neutral: the same whether the member chats on Zalo, Telegram or the console.</summary>
/// <param name="At">When the bot said it (UTC); the context lasts Chat:CurrentTaskMinutes from then.</param>
public sealed record CurrentTasks(string MemberCode, IReadOnlyList<string> TaskCodes, DateTimeOffset At);

/// <summary>A short answer's change, kept so that "hoàn tác" can put the task back.</summary>
/// <param name="Said">What was done, as the bot confirmed it ("hoàn thành", "cập nhật 75%").</param>
public sealed record ShortAnswerChange(string MemberCode, string TaskCode, int PreviousPercent, WorkTaskStatus PreviousStatus, string Said, DateTimeOffset At);

/// <summary>The memory of short answers ("xong", "50", "2 xong"), kept in the database so that it
/// survives a restart.</summary>
public interface ICurrentTaskStore
{
    /// <summary>Replaces the member's context (an empty list forgets it).</summary>
    Task SetCurrentTasksAsync(CurrentTasks current, CancellationToken cancellationToken = default);

    Task<CurrentTasks?> GetCurrentTasksAsync(string memberCode, CancellationToken cancellationToken = default);

    /// <summary>Replaces the member's last short-answer change; null forgets it (it was undone).</summary>
    Task SetLastChangeAsync(string memberCode, ShortAnswerChange? change, CancellationToken cancellationToken = default);

    Task<ShortAnswerChange?> GetLastChangeAsync(string memberCode, CancellationToken cancellationToken = default);
}
