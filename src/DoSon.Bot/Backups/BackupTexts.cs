using DoSon.Bot.Hosting;
using System.Globalization;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Backups;

/// <summary>Every sentence of the backups, the restore and the check, in one place.</summary>
public static class BackupTexts
{
    public const string BackupUsage = "backup [tệp.db] [--overwrite] | backup list   sao lưu cơ sở dữ liệu ngay (vào thư mục Backup:Folder hoặc vào tệp đã cho); list: liệt kê các bản sao lưu";
    public const string RestoreUsage = "restore <tệp sao lưu.db>   khôi phục cơ sở dữ liệu từ một bản sao lưu (bản hiện tại được giữ lại làm bản sao lưu)";
    public const string CheckUsage = "check   kiểm tra toàn bộ cơ sở dữ liệu và in số bản ghi; mã thoát 0 khi không có lỗi, 1 khi có";

    public static string Usage(string usage, string? problem) => problem is null ? $"Cách dùng: {ProgramName.Command(usage)}" : $"{problem}\nCách dùng: {ProgramName.Command(usage)}";

    public static string UnknownOption(string option) => $"Không có tùy chọn «{option}».";

    public static string ExtraArgument(string argument) => $"Thừa tham số «{argument}».";

    public const string MissingFile = "Thiếu tệp sao lưu cần khôi phục.";

    /// <summary>Why a database or backup file cannot be used, in a few words.</summary>
    public static string Problem(DatabaseFileReport report) => report.State switch
    {
        DatabaseFileState.Missing => "không tồn tại",
        DatabaseFileState.Empty => "là tệp rỗng (0 byte)",
        DatabaseFileState.TooShort => $"quá ngắn ({report.Detail} byte), không phải một cơ sở dữ liệu đầy đủ",
        DatabaseFileState.NotLiteDb => "không phải tệp cơ sở dữ liệu LiteDB",
        DatabaseFileState.NewerSchema => $"do một phiên bản DoSon.Bot mới hơn ghi (lược đồ {report.Detail}, bản này hiểu đến {LiteDbBotStore.SchemaVersion})",
        DatabaseFileState.Damaged => "bị hỏng (LiteDB không đọc được hết dữ liệu)",
        DatabaseFileState.IsDirectory => "là một thư mục, không phải tệp",
        DatabaseFileState.ParentIsFile => $"nằm dưới {report.Detail}, là một tệp chứ không phải thư mục",
        DatabaseFileState.Unreadable => "không đọc được (thiếu quyền đọc)",
        DatabaseFileState.NotWritable => "không ghi được (thiếu quyền ghi tệp hoặc thư mục)",
        _ => "không dùng được",
    };

    public static string DatabaseNotCopyable(DatabaseFileReport report) =>
        $"Không sao lưu được cơ sở dữ liệu {report.Path} vì tệp {Problem(report)}; hãy chạy {ProgramName.Command("check")} để xem chi tiết, hoặc khôi phục bằng {ProgramName.Command("restore <tệp sao lưu>")}.";

    public static string TargetExists(string path) =>
        $"Tệp {path} đã có; thêm --overwrite nếu muốn ghi đè, hoặc chọn tên khác.";

    public static string CannotWrite(string path, string reason) =>
        $"Không ghi được bản sao lưu {path}: {reason}";

    public static string NotVerified(string path, DatabaseFileReport report) =>
        $"Bản sao lưu vừa tạo không mở lại được (tệp {Problem(report)}), nên đã bị bỏ và không có gì thay đổi; đích dự định: {path}.";

    public static string Written(BackupResult result) =>
        $"Đã sao lưu cơ sở dữ liệu vào {result.Path} ({Size(result.Bytes)}; {Count(result.Report, "tasks")} nhiệm vụ, {Count(result.Report, "members")} thành viên)."
        + (result.Deleted.Count == 0 ? "" : $"\nXoay vòng: đã xóa {result.Deleted.Count} bản cũ ({string.Join(", ", result.Deleted.Select(Path.GetFileName))}).");

    public static string ListHeader(string folder, int count) =>
        count == 0 ? $"Chưa có bản sao lưu nào trong {folder}." : $"{count} bản sao lưu trong {folder} (mới nhất trước):";

    public static string ListLine(BackupCopy copy, long bytes, DatabaseFileReport report) =>
        $"  {copy.Name}  {copy.LocalTime.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}  {Size(bytes)}  "
        + (report.IsUsable ? $"{Count(report, "tasks")} nhiệm vụ, {Count(report, "members")} thành viên" : $"KHÔNG DÙNG ĐƯỢC: tệp {Problem(report)}")
        + ReasonText(copy.Reason);

    private static string ReasonText(BackupReason reason) => reason switch
    {
        BackupReason.BeforeImport => "  (trước khi nhập)",
        BackupReason.BeforeRestore => "  (trước khi khôi phục)",
        _ => "",
    };

    public static string NotRestorable(DatabaseFileReport report) =>
        $"Không khôi phục từ {report.Path} vì tệp {Problem(report)}; cơ sở dữ liệu hiện tại không thay đổi.";

    public static string RestoreOntoItself(string path) =>
        $"Tệp {path} chính là cơ sở dữ liệu đang dùng; hãy chọn một bản sao lưu (xem danh sách bằng {ProgramName.Command("backup list")}).";

    public static string CurrentNotReplaceable(DatabaseFileReport report) =>
        $"Không thay được cơ sở dữ liệu {report.Path} vì nó {Problem(report)}; không có gì thay đổi.";

    public static string CurrentNotKept(string path, string reason) =>
        $"Không giữ lại được bản sao của cơ sở dữ liệu hiện tại {path} ({reason}), nên chưa khôi phục; không có gì thay đổi.";

    public static string Restored(RestoreResult result)
    {
        var kept = result.KeptCopy is not null
            ? $"\nBản trước khi khôi phục được giữ tại {result.KeptCopy}."
            : result.MovedAside is not null
                ? $"\nTệp cũ bị hỏng được để riêng tại {result.MovedAside}."
                : "\nTrước đó chưa có cơ sở dữ liệu.";
        return $"Đã khôi phục cơ sở dữ liệu {result.DatabasePath} từ {result.Source} ({Count(result.Report, "tasks")} nhiệm vụ, {Count(result.Report, "members")} thành viên).{kept}";
    }

    public static string CheckHeader(DatabaseFileReport report) =>
        $"Cơ sở dữ liệu: {report.Path}\nPhiên bản lược đồ: {report.SchemaVersion}";

    public static string CheckCount(string collection, int count) => $"  {CollectionName(collection)}: {count}";

    public const string CheckOk = "Không phát hiện lỗi.";

    public static string CheckFailed(DatabaseFileReport report) =>
        $"Cơ sở dữ liệu {report.Path} {Problem(report)}; hãy khôi phục bằng {ProgramName.Command("restore <tệp sao lưu>")} (xem danh sách bằng {ProgramName.Command("backup list")}).";

    public static string AutomaticFailed(string reason) =>
        $"⚠️ Sao lưu tự động cơ sở dữ liệu không thành công: {reason} Hãy báo người quản trị máy chủ kiểm tra.";

    public static string ImportNotBackedUp(string reason) =>
        $"Chưa nhập vì không sao lưu được cơ sở dữ liệu trước khi nhập: {reason}";

    public static string CollectionName(string collection) => collection switch
    {
        "units" => "đơn vị",
        "members" => "thành viên",
        "milestones" => "mốc",
        "tasks" => "nhiệm vụ",
        "history" => "lịch sử",
        "reminders" => "nhắc việc",
        "reminder_keys_done" => "khóa nhắc việc đã gửi (lưu gọn)",
        "sources" => "văn bản nguồn",
        "notice_drafts" => "bản nháp thông báo",
        "invites" => "mã mời",
        "invite_attempts" => "lần nhập sai mã mời",
        "group_digests" => "báo cáo nhóm đã gửi",
        "telegram_groups" => "nhóm Telegram",
        "telegram_messages" => "tin nhắn Telegram",
        "telegram_state" => "trạng thái Telegram",
        "zalo_state" => "trạng thái Zalo",
        "handled_updates" => "cập nhật đã xử lý (24 giờ qua)",
        _ => collection,
    };

    /// <summary>The order `check` lists collections in: the ward first, then what the bot keeps for itself.</summary>
    public static int CollectionOrder(string collection) => Array.IndexOf(
        ["units", "members", "milestones", "tasks", "sources", "history", "reminders", "reminder_keys_done", "invites", "invite_attempts",
         "notice_drafts", "group_digests", "telegram_groups", "telegram_messages", "telegram_state", "zalo_state", "handled_updates"],
        collection) is var i and >= 0 ? i : int.MaxValue;

    private static int Count(DatabaseFileReport report, string collection) => report.Counts.GetValueOrDefault(collection);

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) + " MB"
        : Math.Ceiling(bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
