using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Reminders;

namespace DoSon.Bot.Web;

// The Nhiệm vụ pages: the list, a task's page and the admins' form.
public static partial class WebTexts
{
    // List
    public const string OverdueStatus = "quá hạn";
    public const string Filters = "Lọc nhiệm vụ";
    public const string SearchText = "Tìm trong mã, tên, nội dung";
    public const string All = "Tất cả";
    public const string StatusLabel = "Trạng thái";
    public const string SectionLabel = "Mục";
    public const string MilestoneLabel = "Mốc";
    public const string DueFrom = "Hạn từ ngày";
    public const string DueTo = "Hạn đến ngày";
    public const string ClearFilters = "Bỏ lọc";
    public const string NoneMatch = "Không có nhiệm vụ nào khớp với điều kiện lọc.";
    public const string LeadUnit = "Đơn vị chủ trì";
    public const string NewTask = "Giao nhiệm vụ mới";

    public static string ShownOf(int shown, int visible) => $"Đang xem {shown}/{visible} nhiệm vụ";

    public static string BadDate(string field, string text) =>
        $"Ô «{field}» có giá trị «{text}» không phải một ngày có thật; đồng chí nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026.";

    public static string BadStatus(string text) => $"Ô «{StatusLabel}» không có lựa chọn «{text}»; đồng chí chọn lại trong danh sách.";

    public static string FromAfterTo(DateOnly from, DateOnly to) =>
        $"Ô «{DueFrom}» ({WardClock.Format(from)}) sau ô «{DueTo}» ({WardClock.Format(to)}), nên không có nhiệm vụ nào; đồng chí đổi lại một trong hai ngày.";

    // A task's page
    public const string BackToList = "Danh sách nhiệm vụ";
    public const string BackToTask = "Trở lại nhiệm vụ";
    public const string SupportUnits = "Đơn vị phối hợp";
    public const string Assignees = "Người phụ trách";
    public const string NoAssignee = "chưa giao cho người cụ thể (cán bộ của đơn vị chủ trì)";
    public const string SourceLabel = "Văn bản giao";
    public const string Description = "Nội dung";
    public const string EditTask = "Sửa nhiệm vụ";
    public const string Actions = "Cập nhật tiến độ";
    public const string PercentLabel = "Tiến độ (%)";
    public const string SetPercent = "Lưu tiến độ";
    public const string MarkDone = "Báo hoàn thành";
    public const string BlockerLabel = "Vướng mắc";
    public const string ReportBlocker = "Báo vướng mắc";
    public const string NoteLabel = "Ghi chú";
    public const string AddNote = "Thêm ghi chú";
    public const string History = "Lịch sử cập nhật";
    public const string NoHistory = "Nhiệm vụ chưa có cập nhật nào.";
    public const string TaskReminders = "Nhắc việc của nhiệm vụ này";
    public const string NoTaskReminders = "Chưa có nhắc việc nào cho nhiệm vụ này.";
    public const string When = "Thời điểm";
    public const string ToWhom = "Gửi cho";
    public const string ReminderKindLabel = "Loại";
    public const string StateLabel = "Tình trạng";
    public const string BlockerTextNeeded = "Ô «Vướng mắc» đang trống; đồng chí ghi rõ vướng mắc rồi bấm «Báo vướng mắc».";
    public const string NoteTextNeeded = "Ô «Ghi chú» đang trống; đồng chí ghi nội dung rồi bấm «Thêm ghi chú».";

    public static string SourceOf(SourceNotice source) =>
        source.Date is { } date ? $"{source.Number} ngày {WardClock.Format(date)}: {source.Title}" : $"{source.Number}: {source.Title}";

    public static string BadPercent(string? text) =>
        $"Ô «{PercentLabel}» có giá trị «{text}» không phải một số từ 0 đến 100; đồng chí nhập lại, ví dụ 50.";

    public static string ConfirmReopen(WorkTask task, int percent) =>
        $"Nhiệm vụ {task.Code} đã hoàn thành; đặt lại {percent}% sẽ mở lại nhiệm vụ này. Nếu đồng chí muốn mở lại, bấm «{ReopenButton(percent)}».";

    public static string ReopenButton(int percent) => $"Mở lại nhiệm vụ ở {percent}%";

    /// <summary>Where a history entry was made, after its author: " qua Telegram", " qua trang quản trị".
    /// An import says what it is in the entry itself.</summary>
    public static string Via(string channel) => channel.ToLowerInvariant() switch
    {
        "telegram" => " qua Telegram",
        "zalo" => " qua Zalo",
        "console" => " qua cửa sổ trò chuyện",
        "web" => " qua trang quản trị",
        _ => "",
    };

    public static string ReminderKindOf(Reminder reminder) => reminder.Kind switch
    {
        ReminderKind.Escalation => "báo lãnh đạo khi quá hạn",
        ReminderKind.Snooze => "nhắc lại theo yêu cầu",
        ReminderKind.Milestone => "nhắc mốc",
        _ => reminder.Step switch
        {
            "day" => "nhắc đúng ngày hạn",
            var s when s.StartsWith("before-", StringComparison.Ordinal) => $"nhắc trước hạn {s["before-".Length..]} ngày",
            var s when s.StartsWith("overdue-", StringComparison.Ordinal) => $"nhắc quá hạn {s["overdue-".Length..]} ngày",
            _ => "nhắc việc",
        },
    };


    // The admins' form
    public const string TaskFormFile = "biểu mẫu nhiệm vụ";
    public const string TitleLabel = "Tên nhiệm vụ";
    public const string DueTimeLabel = "Giờ hạn (không bắt buộc)";
    public const string SaveTask = "Lưu nhiệm vụ";
    public const string AdminsOnly = "Chỉ quản trị viên được giao và sửa nhiệm vụ trên trang quản trị.";

    public static string CodeTaken(string code) =>
        $"Ô «{Code}»: đã có nhiệm vụ mã {code}; đồng chí chọn mã khác hoặc mở nhiệm vụ đó để sửa.";

    /// <summary>An importer's error, with the form's name for its field.</summary>
    public static string FormError(string? field, string message) => field is null ? message : $"Ô «{FieldLabel(field)}»: {message}";

    public static string FieldLabel(string field) => field switch
    {
        "code" => Code,
        "title" => TitleLabel,
        "description" => Description,
        "section" => SectionLabel,
        "leadUnit" => LeadUnit,
        "supportUnits" => SupportUnits,
        "assignees" => Assignees,
        "due" => Due,
        "milestone" => MilestoneLabel,
        _ => field,
    };

    public static string TaskSaved(ChangeKind kind, string code, IReadOnlyList<string> changed) => kind switch
    {
        ChangeKind.Created => $"Đã giao nhiệm vụ {code}; nhắc việc đã được lập.",
        ChangeKind.Updated => $"Đã lưu nhiệm vụ {code} (thay đổi: {string.Join(", ", changed)}); nhắc việc đã được lập lại.",
        _ => $"Nhiệm vụ {code} không có gì thay đổi.",
    };

    // Rút nhiệm vụ (admins only).
    public const string WithdrawTitle = "Rút nhiệm vụ";
    public const string WithdrawHint = "Nhiệm vụ đã rút không còn được nhắc, không tính vào số liệu; lịch sử được giữ nguyên.";
    public const string WithdrawReasonLabel = "Lý do rút";
    public const string WithdrawConfirmLabel = "Tôi xác nhận rút nhiệm vụ này";
    public const string WithdrawButton = "Rút nhiệm vụ";
    public const string WithdrawAdminsOnly = "Chỉ quản trị viên được rút nhiệm vụ.";
    public const string WithdrawReasonNeeded = "Ô «Lý do rút» đang trống; đồng chí ghi lý do rồi bấm «Rút nhiệm vụ».";
    public const string WithdrawConfirmNeeded = "Ô «Tôi xác nhận rút nhiệm vụ này» chưa được đánh dấu; đồng chí đánh dấu để xác nhận rồi bấm «Rút nhiệm vụ».";

    public static string Withdrawn(string code) =>
        $"Đã rút nhiệm vụ {code}. Các nhắc việc còn lại của nhiệm vụ này đã được hủy.";

    public static string WithdrawnNotice(DateTimeOffset at, string by, string reason) =>
        $"Nhiệm vụ này đã được rút lúc {WardClock.Format(at)}, do {by} rút. Lý do: {reason}";

    public const string WithdrawnNoticeUnknown = "Nhiệm vụ này đã được rút.";
}
