using DoSon.Bot.Reports;

namespace DoSon.Bot.Web;

public static partial class WebTexts
{
    // Báo cáo
    public const string ReportLeadersOnly =
        "Trang Báo cáo chỉ dành cho lãnh đạo và quản trị viên; đồng chí xem nhiệm vụ của mình ở trang Nhiệm vụ.";

    public const string ReportMonth = "Tháng";
    public const string ReportMonthHint = "dạng MM/yyyy, ví dụ 03/2026";
    public const string ReportShow = "Xem báo cáo";
    public const string ReportDownloadDocx = "Tải báo cáo Word (.docx)";
    public const string ReportDownloadXlsx = "Tải bảng tính Excel (.xlsx)";

    /// <summary>The month field was wrong: the field, then the report's own sentence with the form MM/yyyy.</summary>
    public static string ReportBadMonth(string text) => $"Ô «{ReportMonth}»: {ReportTexts.BadMonth(text)}";

    public static string ReportFileName(int year, int month, string extension) => $"Báo cáo tháng {month:00}-{year}.{extension}";

    // The workbook's sheets (at most 31 characters each) and its headers.
    public const string SheetByUnit = "Theo đơn vị";
    public const string SheetBySection = "Theo lĩnh vực";
    public const string SheetCarriedOver = "Chuyển sang tháng sau";
    public const string SheetBlockers = "Vướng mắc";

    public const string ColumnCode = "Mã";
    public const string ColumnUnit = "Đơn vị chủ trì";
    public const string ColumnDone = "Hoàn thành";
    public const string ColumnLed = "Chủ trì";
    public const string ColumnOverdue = "Quá hạn";
    public const string ColumnBlocked = "Vướng mắc";
    public const string ColumnSupported = "Phối hợp";
    public const string ColumnSection = "Lĩnh vực";
    public const string ColumnTask = "Nhiệm vụ";
    public const string ColumnDue = "Hạn";
    public const string ColumnStatus = "Trạng thái";
    public const string ColumnPercent = "Tiến độ (%)";
    public const string ColumnDaysOverdue = "Số ngày quá hạn";
    public const string ColumnWords = "Khó khăn, vướng mắc";
    public const string ColumnWho = "Người báo";
    public const string ColumnWhen = "Ngày báo";
}
