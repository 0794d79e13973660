using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands;

/// <summary>What the bot says to a short answer ("xong", "50", "vướng: …", "nhắc lại mai", "2 xong",
/// "hoàn tác"), on every platform: each change is confirmed in one line naming the task (code and title).</summary>
public static class ShortAnswerTexts
{
    /// <summary>The short answers, as a member types them.</summary>
    public const string Choices =
        "«xong» · một số từ 0 đến 100 (ví dụ «50») · «vướng: <nội dung>» · «nhắc lại 1 giờ», «nhắc lại chiều nay», «nhắc lại mai» · «ghi chú: <nội dung>» · «hoàn tác»";

    public static string Line(WorkTask task) => $"{task.Code} — {task.Title}";

    public static string NotUnderstood(string text, WorkTask task) =>
        $"Tôi chưa hiểu «{Shorten(text)}» là câu trả lời nào. Về nhiệm vụ {Line(task)}, đồng chí có thể trả lời: {Choices}.";

    public static string NotUnderstoodOfList(string text, IReadOnlyList<WorkTask> tasks) =>
        $"Tôi chưa hiểu «{Shorten(text)}» là câu trả lời nào. Đồng chí trả lời kèm số thứ tự của nhiệm vụ, ví dụ «2 xong»; các câu trả lời: {Choices}.\n{Numbered(tasks)}";

    public static string WhichOne(IReadOnlyList<WorkTask> tasks) =>
        $"Tin nhắc việc vừa rồi có {tasks.Count} nhiệm vụ; đồng chí trả lời kèm số thứ tự, ví dụ «2 xong»:\n{Numbered(tasks)}";

    public static string NoSuchNumber(int number, int count) =>
        $"Tin nhắc việc vừa rồi không có nhiệm vụ số {number} (chỉ có từ 1 đến {count}).";

    public static string NoCurrentTask(IReadOnlyList<string> openCodes) => openCodes.Count == 0
        ? "Đồng chí chưa chọn nhiệm vụ nào để trả lời ngắn, và hiện không có nhiệm vụ nào đang mở."
        : $"Đồng chí chưa chọn nhiệm vụ nào để trả lời ngắn. Gõ /chitiet <mã> để chọn một nhiệm vụ (đang mở: {string.Join(", ", openCodes)}), rồi trả lời «xong», «50», «vướng: <nội dung>».";

    public const string BlockerNeedsText = "Đồng chí hãy viết cả nội dung vướng mắc, ví dụ «vướng: chưa có kinh phí».";

    public static string Done(WorkTask task) => $"✅ Đã ghi nhận hoàn thành {Line(task)}.{UndoHint}";

    public static string Percent(WorkTask task) => $"📈 Đã cập nhật {Line(task)}: {StatusText.Of(task.Status)} {task.Percent}%.{UndoHint}";

    public static string Blocker(WorkTask task, string text) => $"⚠️ Đã ghi vướng mắc của {Line(task)}: {text}.{UndoHint}";

    public static string Note(WorkTask task) => $"Đã ghi chú vào nhiệm vụ {Line(task)}.";

    /// <summary>The short answer a photo becomes on the current task: a note with its address.</summary>
    public static string PhotoNote(string address) => $"ghi chú: Ảnh {address}";

    public static string Snoozed(WorkTask task, DateTimeOffset at) => $"⏰ Sẽ nhắc lại {Line(task)} lúc {WardClock.Format(at)}.";

    private const string UndoHint = " Gõ «hoàn tác» trong 5 phút nếu nhầm.";

    /// <summary>What a change did, for the undo's answer and the history ("báo hoàn thành", "cập nhật 75%").</summary>
    public static string SaidDone => "báo hoàn thành";

    public static string SaidPercent(int percent) => $"cập nhật {percent}%";

    public static string SaidBlocker => "báo vướng mắc";

    public static string UndoNote(string said) => $"Hoàn tác: {said}";

    public static string Undone(string said, WorkTask task) =>
        $"Đã hoàn tác «{said}» ở {Line(task)}: trở lại {StatusText.Of(task.Status)} {task.Percent}%.";

    public static string UndoTooLate(string said, string code) =>
        $"Đã quá 5 phút kể từ khi đồng chí {said} nhiệm vụ {code} nên không hoàn tác được; hãy gõ /capnhat {code} <phần trăm> để sửa.";

    public const string NothingToUndo = "Không có thay đổi nào bằng trả lời ngắn để hoàn tác.";

    private static string Numbered(IReadOnlyList<WorkTask> tasks) =>
        string.Join("\n", tasks.Select((t, i) => $"{i + 1}. {Line(t)}"));

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
