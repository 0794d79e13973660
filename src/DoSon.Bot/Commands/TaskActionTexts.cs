using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands;

/// <summary>The short answers of <see cref="TaskActions"/> to a tap on a task's buttons, whatever the
/// platform: each fits a phone's pop-up (Telegram shows at most 200 characters of an alert). The
/// answers to typed commands and replies are in <see cref="CommandTexts"/> and <see cref="ViewTexts"/>.</summary>
public static class TaskActionTexts
{
    public const int MaxAlertLength = 200;

    public static string TaskNotFound(string code) => $"Không còn nhiệm vụ mã {code}.";

    /// <summary>A refused tap: the commands' sentence, without the command to type.</summary>
    public static string NotAllowed(ProgressOutcome outcome)
    {
        var text = CommandTexts.NotAllowedOn(outcome.Task!, outcome.Relation, outcome.Decides, withCommand: false);
        return text.Length <= MaxAlertLength ? text : text[..(MaxAlertLength - 1)] + "…";
    }

    public static string AlreadyDone(string code) => $"Nhiệm vụ {code} đã hoàn thành từ trước; không có gì thay đổi.";

    public static string MovedOn(WorkTask task) =>
        $"Nhiệm vụ {task.Code} đã ở mức {task.Percent}%; không có gì thay đổi.";

    public static string DoneTapped(WorkTask task) => $"✅ Đã ghi nhận hoàn thành {task.Code}.";

    public static string PercentTapped(WorkTask task) => $"📈 Đã cập nhật {task.Code}: {task.Percent}%.";

    public const string BlockerTapped = "Hãy trả lời tin nhắn vừa gửi với nội dung vướng mắc.";

    public const string SnoozeUnavailable = "Chức năng nhắc lại sau chưa được bật trên hệ thống này.";

    public static string Snoozed(DateTimeOffset at) => $"⏰ Sẽ nhắc lại lúc {WardClock.Format(at)}.";

    public static string AfternoonPassed(WorkTask task) =>
        $"Đã quá 14:00 chiều nay nên không nhắc lại {task.Code} chiều nay được; đồng chí hãy chọn «nhắc lại 1 giờ» hoặc «nhắc lại mai».";
}
