using DoSon.Bot.Import;

namespace DoSon.Bot.Web;

// Thành viên and Nhắc việc: the page's own sentences; the link statuses and group headings are
// /thanhvien's (Channels.Members.MemberTexts), the invite's text is /moi's.
public static partial class WebTexts
{
    public const string MembersOnlyLeaders = "Trang này dành cho lãnh đạo và quản trị viên; đồng chí xem nhiệm vụ của mình ở trang Tổng quan.";
    public const string MembersTable = "Danh sách thành viên";
    public const string UnitsTable = "Đơn vị";
    public const string MilestonesTable = "Các mốc";
    public const string Code = "Mã";
    public const string MemberNameHeader = "Họ tên";
    public const string TitleHeader = "Chức danh";
    public const string UnitsHeader = "Đơn vị";
    public const string RoleHeader = "Vai trò";
    public const string NameHeader = "Tên";
    public const string DateHeader = "Ngày (dd/MM/yyyy)";
    public const string TelegramHeader = "Telegram";
    public const string ZaloHeader = "Zalo";
    public const string LinkStateHeader = "Tình trạng";
    public const string CreateInvite = "Tạo mã mời";
    public const string InviteFor = "Mã mời cho";
    public const string InviteCode = "Mã";
    public const string InviteLink = "Đường dẫn Telegram";
    public const string InviteQrCaption = "Quét mã QR bằng điện thoại để mở Telegram và liên kết tài khoản.";
    public const string InviteShownOnce = "Mã chỉ hiện một lần ở đây; bot chỉ lưu dạng đã mã hóa. Cần mã mới thì bấm «Tạo mã mời» lần nữa (mã cũ chưa dùng sẽ hết hiệu lực).";
    public const string OnlyAdmins = "Chỉ quản trị viên được thay đổi thành viên, đơn vị, các mốc và tạo mã mời.";
    public const string AddOrEditMember = "Thêm hoặc sửa thành viên";
    public const string AddOrEditUnit = "Thêm hoặc sửa đơn vị";
    public const string AddOrEditMilestone = "Thêm hoặc sửa mốc";
    public const string EditHint = "Ghi mã đã có để sửa, mã mới để thêm. Đơn vị ghi mã, cách nhau bằng dấu phẩy.";
    public const string Save = "Lưu";
    public const string Edit = "Sửa";
    public const string Saved = "Đã lưu; nhắc việc đã được lập lại theo thay đổi.";

    public static string UnknownMemberCode(string? code) => $"Không có thành viên mã «{code}».";

    /// <summary>An importer's error on the page: which field, then what is wrong with it.</summary>
    public static string FieldProblem(string label, string message) => $"Trường «{label}»: {message}";

    public static string MemberFieldLabel(string? field) => field switch
    {
        "code" => "mã",
        "name" => ImportTexts.FieldMemberName,
        "title" => ImportTexts.FieldTitle,
        "units" => ImportTexts.FieldUnits,
        "role" => ImportTexts.FieldRole,
        _ => "thành viên",
    };

    public static string UnitFieldLabel(string? field) => field switch
    {
        "code" => "mã",
        "name" => ImportTexts.FieldName,
        _ => "đơn vị",
    };

    public static string MilestoneFieldLabel(string? field) => field switch
    {
        "code" => "mã",
        "name" => ImportTexts.FieldName,
        "date" => ImportTexts.FieldDate,
        _ => "mốc",
    };

    // Nhắc việc
    public const string RemindersOwnOnly = "Đồng chí đang xem nhắc việc gửi cho chính mình.";
    public const string RemindersWard = "Nhắc việc của toàn phường.";
    public const string FilterState = "Trạng thái";
    public const string FilterMember = "Người nhận (mã)";
    public const string FilterTask = "Mã nhiệm vụ";
    public const string FilterFrom = "Từ ngày";
    public const string FilterTo = "Đến ngày";
    public const string FilterAll = "Tất cả";
    public const string Filter = "Lọc";
    public const string ReminderTime = "Giờ gửi";
    public const string ReminderFor = "Người nhận";
    public const string ReminderWhat = "Nội dung";
    public const string ReminderStateColumn = "Trạng thái";
    public const string ReminderWhy = "Ghi chú";
    public const string NoReminders = "Không có nhắc việc nào khớp bộ lọc.";
    public const string PreviousPage = "« Trang trước";
    public const string NextPage = "Trang sau »";

    public static string BadFilterDate(string label, string text) =>
        $"Ô «{label}» cần ngày theo dạng dd/MM/yyyy, ví dụ 15/03/2026; «{text}» không đọc được.";

    public static string ReminderCount(int shown, int skip, int total) =>
        total == 0 ? NoReminders : $"Nhắc việc {skip + 1}–{skip + shown} trên tổng số {total}, mới nhất trước.";

    public static string StateName(DoSon.Bot.Reminders.ReminderState state) => state switch
    {
        DoSon.Bot.Reminders.ReminderState.Pending => "Chờ gửi",
        DoSon.Bot.Reminders.ReminderState.Sent => "Đã gửi",
        DoSon.Bot.Reminders.ReminderState.Skipped => "Bỏ qua",
        DoSon.Bot.Reminders.ReminderState.Failed => "Gửi lỗi",
        _ => "Đã hủy",
    };

    public static string KindName(DoSon.Bot.Reminders.ReminderKind kind) => kind switch
    {
        DoSon.Bot.Reminders.ReminderKind.Task => "Nhắc hạn nhiệm vụ",
        DoSon.Bot.Reminders.ReminderKind.Escalation => "Báo quá hạn",
        DoSon.Bot.Reminders.ReminderKind.Milestone => "Nhắc mốc",
        DoSon.Bot.Reminders.ReminderKind.Snooze => "Nhắc lại",
        DoSon.Bot.Reminders.ReminderKind.Digest => "Tin tổng hợp",
        _ => "Thông báo cho quản trị",
    };

    public static string SentLate => "gửi muộn sau khi bot khởi động lại";
}
