using DoSon.Bot.Notices;

namespace DoSon.Bot.Web;

/// <summary>The page Nhập dữ liệu: upload a notice or an assignment file, correct a draft, preview, confirm.</summary>
public static partial class WebTexts
{
    public const string ImportAdminOnly =
        "Chỉ Văn phòng Đảng ủy (quản trị viên của hệ thống) mới nhập dữ liệu. Đồng chí xem nhiệm vụ ở trang «Nhiệm vụ».";

    public const string ImportIntro =
        "Đồng chí tải lên thông báo kết luận của tháng (.docx hoặc .txt) để bot lập bản nháp, hoặc tệp giao việc (.xlsx hoặc .json) để nhập. Trước khi ghi, trang cho xem những gì sẽ thay đổi.";

    public const string ImportChooseFile = "Chọn tệp";
    public const string ImportUpload = "Tải lên";
    public const string ImportNoFile = "Đồng chí chưa chọn tệp nào để tải lên.";
    public const string ImportDownloads = "Tải về";
    public const string ImportTemplate = "Mẫu tệp giao việc trống (.xlsx)";
    public const string ImportExportXlsx = "Dữ liệu hiện có, dạng Excel (.xlsx)";
    public const string ImportExportJson = "Dữ liệu hiện có, dạng JSON (.json)";
    public const string TemplateFileName = "Mẫu giao việc.xlsx";

    public static string ExportFileName(DateOnly today, string extension) =>
        $"Dữ liệu giao việc {today:dd-MM-yyyy}{extension}";

    public static string ImportFileType(string fileName) =>
        $"Tệp «{fileName}» không nhận được: trang chỉ nhận thông báo (.docx, .txt) hoặc tệp giao việc (.xlsx, .json).";

    public static string UploadTooLarge(long bytes, long max) =>
        $"Tệp đồng chí gửi quá lớn ({NoticeTexts.Size(bytes)}); giới hạn là {NoticeTexts.Size(max)} (cài đặt Import:MaxFileBytes và Notices:MaxFileBytes). Hãy kiểm tra lại có đúng tệp không.";

    // The draft
    public static string DraftHeading(string fileName) => $"Bản nháp từ thông báo «{fileName}»";

    public static string DraftIntro(int tasks, int flagged) =>
        $"Bản nháp gồm {tasks} nhiệm vụ, {flagged} nhiệm vụ có điểm cần xem lại (tô màu). Đồng chí sửa trực tiếp trong bảng rồi bấm «{DraftSave}».";

    public const string DraftGone = "Bản nháp này không còn: đã được nhập, đã hết hạn hoặc không đúng. Đồng chí tải thông báo lên lại.";
    public const string DraftSave = "Lưu và xem trước";
    public const string DraftRefused = "Chưa lưu bản nháp; đồng chí sửa các ô sau rồi lưu lại:";
    public const string ColumnTitle = "Nhiệm vụ";
    public const string ColumnLeadUnit = "Đơn vị chủ trì";
    public const string DraftColumnDue = "Hạn (dd/MM/yyyy)";
    public const string ColumnPeople = "Người thực hiện (mã, cách nhau dấu phẩy)";
    public const string ColumnMilestone = "Mốc";
    public const string ColumnCheck = "Cần xem lại";

    public static string CellError(int row, string code, string column, string message) =>
        $"Dòng {row} ({code}), cột «{column}»: {message}";

    public static string RowError(int row, string code, string message) => $"Dòng {row} ({code}): {message}";

    // The preview
    public static string PreviewHeading(string fileName) => $"Xem trước khi nhập «{fileName}»";

    public const string PreviewIntro = "Chưa có gì được ghi. Đây là những gì sẽ thay đổi nếu đồng chí xác nhận:";
    public const string PreviewGone = "Tệp này không còn chờ nhập: đã được nhập, đã hết hạn hoặc không đúng. Đồng chí tải tệp lên lại.";
    public const string PreviewErrors = "Tệp có lỗi, chưa thể nhập; đồng chí sửa tệp rồi tải lên lại:";
    public const string PreviewConfirm = "Xác nhận nhập";
    public const string PreviewBackup = "Khi xác nhận, bot sao lưu cơ sở dữ liệu trước, rồi nhập tất cả hoặc không nhập gì.";
    public const string PreviewEditDraft = "Sửa lại bản nháp";
    public const string ChangeCreated = "Tạo mới";
    public const string ChangeUpdated = "Cập nhật";
    public const string ChangeUnchanged = "Không đổi";
    public const string ColumnKind = "Loại";
    public const string ColumnChange = "Thay đổi";
    public const string ColumnName = "Tên";
    public const string ColumnFields = "Nội dung thay đổi (cũ → mới)";
    public const string ColumnWhere = "Vị trí";
    public const string ColumnField = "Trường";
    public const string ColumnMessage = "Lỗi";
    public const string Empty = "(trống)";

    public static string UnchangedCount(int count) => $"{count} mục không đổi";

    // The result
    public const string ResultHeading = "Kết quả nhập dữ liệu";
    public const string ResultGone = "Không còn kết quả của lần nhập này. Đồng chí xem lại ở trang «Nhiệm vụ».";
    public const string ImportAgain = "Nhập tệp khác";

    /// <summary>A field of a change as the planner names it (ImportTexts.Field...), for the preview.</summary>
    public static string Capitalized(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
}
