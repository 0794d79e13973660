namespace DoSon.Bot.Reports;

/// <summary>The wording of the monthly report, in one place.</summary>
public static class ReportTexts
{
    /// <summary>The fields of a "Thông báo kết luận", by section number, as the notice names them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2.1"] = "Công tác xây dựng Đảng, hệ thống chính trị và vận động Nhân dân",
        ["2.2.1"] = "Kinh tế - ngân sách",
        ["2.2.2"] = "Quản lý đô thị, đất đai, môi trường, giải phóng mặt bằng",
        ["2.2.3"] = "Văn hóa - xã hội",
        ["2.2.4"] = "Cải cách hành chính, chuyển đổi số",
        ["2.2.5"] = "Quốc phòng - an ninh",
    };

    public static string FieldName(string? section) =>
        section is null ? "Khác" : Fields.TryGetValue(section, out var name) ? $"{section}. {name}" : $"Mục {section}";

    public static string Title(int month, int year) =>
        $"BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM THÁNG {month:00} NĂM {year}";

    public static string AsOf(string date) => $"(Số liệu đến ngày {date}, do DoSon.Bot tổng hợp để phục vụ Thông báo kết luận tháng sau)";

    public const string Summary = "I. TỔNG HỢP";
    public const string ByField = "II. THEO LĨNH VỰC";
    public const string Completed = "III. NHIỆM VỤ ĐÃ HOÀN THÀNH";
    public const string Unfinished = "IV. NHIỆM VỤ CHƯA HOÀN THÀNH, ĐỀ NGHỊ CHUYỂN SANG THÁNG SAU";
    public const string Blockers = "V. KHÓ KHĂN, VƯỚNG MẮC";
    public const string ByUnit = "VI. THEO ĐƠN VỊ CHỦ TRÌ";
    public const string None = "- Không có.";

    public static string NoTasks(int month, int year) => $"Không có nhiệm vụ nào có hạn trong tháng {month:00}/{year}.";

    public const string Usage = "report <MM/yyyy> [--out <tệp.txt|tệp.docx>] [--overwrite]   báo cáo kết quả thực hiện nhiệm vụ của tháng (in ra màn hình, hoặc ghi ra tệp; --overwrite: ghi đè tệp đã có)";

    public static string BadMonth(string text) => $"«{text}» không phải là tháng hợp lệ: hãy viết dạng MM/yyyy, ví dụ 03/2026.";

    public static string BadOut(string path) => $"Không ghi được báo cáo ra «{path}»: chỉ hỗ trợ tệp .txt hoặc .docx.";

    public static string Written(string path) => $"Đã ghi báo cáo ra tệp {path}.";
}
