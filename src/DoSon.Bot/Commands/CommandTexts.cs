using System.Text;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands;

/// <summary>Every sentence the commands say, in one place, so that someone who is not a programmer
/// can read and correct it.</summary>
public static class CommandTexts
{
    public const string NotACommand =
        "Tôi chỉ hiểu các lệnh bắt đầu bằng dấu /. Gõ /trogiup để xem danh sách lệnh.";

    public const string EmptyMessage = "Tin nhắn trống. Gõ /trogiup để xem danh sách lệnh.";

    public static string TooLong(int max) =>
        $"Tin nhắn quá dài (tối đa {max} ký tự). Hãy viết ngắn gọn hơn.";

    public static string UnknownCommand(string name) =>
        $"Không có lệnh /{name}. Gõ /trogiup để xem danh sách lệnh.";

    /// <summary>Who may use a command, in one sentence; the usage on its own line.</summary>
    public static string NotAllowed(string name, string usage, MemberRole needed) =>
        $"Lệnh /{name} chỉ dành cho {Allowed(needed)}.\nCách dùng: {usage}";

    private static string Allowed(MemberRole needed) => needed switch
    {
        MemberRole.Admin => "quản trị viên (Văn phòng Đảng ủy)",
        MemberRole.Leader => "lãnh đạo và quản trị viên",
        _ => "thành viên",
    };

    public static string Usage(string usage, string? problem = null) =>
        problem is null ? $"Cách dùng: {usage}" : $"{problem}\nCách dùng: {usage}";

    public static string TaskNotFound(string code) =>
        $"Không tìm thấy nhiệm vụ mã «{code}». Gõ /nhiemvu để xem mã các nhiệm vụ của đồng chí.";

    /// <summary>A refused change, in one sentence: why not, who may, and what the caller can do instead.</summary>
    public static string NotAllowedOn(ProgressOutcome outcome) =>
        NotAllowedOn(outcome.Task!, outcome.Relation, outcome.Decides, withCommand: true);

    /// <param name="withCommand">False for a button's alert, which Telegram cuts at 200 characters and
    /// which sits next to the blocker button anyway.</param>
    public static string NotAllowedOn(WorkTask task, TaskRelation relation, bool decides, bool withCommand)
    {
        var who = $"chỉ người thực hiện, lãnh đạo đơn vị chủ trì ({task.LeadUnit}) hoặc quản trị mới cập nhật tiến độ hay đánh dấu hoàn thành";
        var instead = withCommand
            ? $" Đồng chí có thể gửi ghi chú hoặc báo vướng mắc: /vuongmac {task.Code} <nội dung>."
            : "";
        return (relation, decides) switch
        {
            (TaskRelation.SupportUnit, true) => $"Đơn vị của đồng chí chỉ phối hợp nhiệm vụ {task.Code}; {who}." + instead,
            (TaskRelation.LeadUnitMember, true) => $"Nhiệm vụ {task.Code} đã giao cho người thực hiện; {who}." + instead,
            (_, true) => $"Nhiệm vụ {task.Code} không thuộc đơn vị của đồng chí; {who}.",
            _ => $"Nhiệm vụ {task.Code} không thuộc đơn vị của đồng chí; chỉ người thực hiện, đơn vị chủ trì ({task.LeadUnit}), đơn vị phối hợp hoặc quản trị mới ghi chú hay báo vướng mắc.",
        };
    }

    public static string UnitNotFound(string code) =>
        $"Không có đơn vị mã «{code}». Gõ /donvi để xem danh sách mã đơn vị.";

    public static string BadPercent(string text) =>
        $"«{text}» không phải là phần trăm hợp lệ: hãy nhập một số nguyên từ 0 đến 100.";

    public static string BadDays(string text) =>
        $"«{text}» không phải là số ngày hợp lệ: hãy nhập một số nguyên từ 1 đến 366.";

    /// <summary>Under the first parts of a monthly report too long to send whole.</summary>
    public static string ReportOverflow(int year, int month) =>
        $"báo cáo đầy đủ là tệp Word: người quản trị chạy «report {month:D2}/{year} --out bao-cao.docx» trên máy chủ";

    public const string NothingOverdue = "Không có nhiệm vụ nào quá hạn trong phạm vi của đồng chí.";

    public static string NothingDueSoon(int days) =>
        $"Không có nhiệm vụ nào đến hạn trong {days} ngày tới.";

    public const string NoMilestones = "Chưa có mốc thời gian nào.";

    /// <summary>One line per task: code, title, deadline, days left, status and percent.</summary>
    public static string TaskLine(WorkTask task, DateOnly today) =>
        $"• {task.Code} — {task.Title}\n   {DueText.Capitalized(DueText.Of(task, today))} · {StatusText.Of(task.Status)} {task.Percent}%";

    public static string TaskList(string heading, IEnumerable<WorkTask> tasks, DateOnly today)
    {
        var sb = new StringBuilder(heading);
        foreach (var task in tasks)
        {
            sb.Append('\n').Append(TaskLine(task, today));
        }

        return sb.ToString();
    }

    public static string Updated(WorkTask task, DateOnly today) =>
        $"Đã ghi nhận. {task.Code}: {StatusText.Of(task.Status)} {task.Percent}%, {DueText.Of(task, today)}.";

    public static string Done(WorkTask task) =>
        $"Đã ghi nhận hoàn thành nhiệm vụ {task.Code} — {task.Title}. Các nhắc việc còn lại của nhiệm vụ này đã được hủy.";

    public static string AlreadyDone(WorkTask task) =>
        $"Nhiệm vụ {task.Code} đã hoàn thành từ trước; không có gì thay đổi.";

    public static string Withdrawn(string code, DateOnly? on) => on is { } date
        ? $"Nhiệm vụ {code} đã được rút ngày {WardClock.Format(date)}, không cập nhật được."
        : $"Nhiệm vụ {code} đã được rút, không cập nhật được.";

    public static string BlockerRecorded(WorkTask task) =>
        $"Đã ghi nhận vướng mắc của nhiệm vụ {task.Code}. Lãnh đạo đơn vị chủ trì và quản trị viên sẽ thấy trong báo cáo.";

    public static string NoteRecorded(WorkTask task) =>
        $"Đã ghi chú vào nhiệm vụ {task.Code}.";

    public static string HistoryKind(ProgressKind kind) => kind switch
    {
        ProgressKind.Progress => "cập nhật",
        ProgressKind.Done => "hoàn thành",
        ProgressKind.Blocker => "vướng mắc",
        ProgressKind.Note => "ghi chú",
        ProgressKind.Imported => "nhập tệp",
        ProgressKind.Reopened => "mở lại nhiệm vụ",
        ProgressKind.Withdrawn => "rút nhiệm vụ",
        _ => kind.ToString(),
    };
}
