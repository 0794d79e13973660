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
    public const string Withdrawn = "VII. NHIỆM VỤ ĐÃ RÚT (không tính vào số liệu)";
    public const string None = "- Không có.";

    /// <summary>"- T…: tiêu đề (đơn vị) — rút ngày 12/03/2026; lý do: …".</summary>
    public static string WithdrawnLine(string code, string title, string unit, string? on, string? reason) =>
        $"- {code}: {title} ({unit}) — rút{(on is null ? "" : " ngày " + on)}{(string.IsNullOrWhiteSpace(reason) ? "" : "; lý do: " + reason)}.";

    /// <summary>A field and its count: "- 2.1. Công tác …: hoàn thành 1/3, bình quân 33%."</summary>
    public static string SectionSummary(string field, int done, int total, string average) =>
        $"- {field}: hoàn thành {done}/{total}, bình quân {average}.";

    /// <summary>One task, as the text version lists it under its field and among the unfinished.</summary>
    public static string TaskLine(ReportRow row, string bullet = "- ") =>
        $"{bullet}{row.Code}: {row.Title} — {row.LeadUnit} chủ trì; {row.StatusText} {row.PercentText}; hạn {row.Due}{(row.DaysOverdue is { } d ? $" (quá hạn {d} ngày)" : "")}.";

    /// <summary>A task under its field in section II of the text version.</summary>
    public static string SectionTaskLine(ReportRow row) => TaskLine(row, "  + ");

    /// <summary>A lead unit in section VI.</summary>
    public static string UnitLine(ReportUnit u) =>
        $"- {u.Name}: chủ trì hoàn thành {u.Done}/{u.Total}; quá hạn {u.Overdue}; vướng mắc {u.Blocked}; phối hợp {u.Supported} nhiệm vụ.";

    /// <summary>A blocker in the reporter's words, then who reported it and when.</summary>
    public static string BlockerLine(ReportBlocker b) =>
        $"- {b.Code} ({b.LeadUnit}): {b.Words}{(b.Who is null ? "" : $" — {BlockerSource(b)}")}";

    public static string BlockerSource(ReportBlocker b) => $"đồng chí {b.Who} báo ngày {b.When}.";

    // The Word document: the header of a Party committee's document, as on the monthly notice.
    public const string SuperiorCommittee = "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG";
    public const string Committee = "ĐẢNG ỦY PHƯỜNG ĐỒ SƠN";
    public const string Star = "*";
    /// <summary>The number is given by the office when the report is registered: left to fill in.</summary>
    public const string Number = "Số ........-BC/ĐU";
    public const string Party = "ĐẢNG CỘNG SẢN VIỆT NAM";
    public const string Place = "Đồ Sơn";

    public static string PlaceAndDate(DateOnly? date) => date is { } d
        ? $"{Place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}"
        : $"{Place}, ngày ..... tháng ..... năm .........";

    public const string DocumentKind = "BÁO CÁO";

    public static string DocumentSubject(int month, int year) => $"Kết quả thực hiện nhiệm vụ tháng {month:00}/{year}";

    public static readonly IReadOnlyList<string> TableHeader =
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Tình trạng", "% hoàn thành", "Số ngày quá hạn"];

    public static string SectionCount(ReportSection s) =>
        $"Hoàn thành {s.DoneCount}/{s.Rows.Count} nhiệm vụ, tiến độ bình quân {s.AveragePercent}.";

    public static string BlockerTask(ReportBlocker b) => $"- {b.Code}: {b.Title} ({b.LeadUnit}): ";

    public static string Quoted(string words) => $"“{words}”";

    public const string Recipients = "Nơi nhận:";

    public static readonly IReadOnlyList<string> RecipientLines =
    [
        "- Thường trực Đảng ủy,",
        "- Các đồng chí Ủy viên BTV Đảng ủy,",
        "- Lưu VPĐU.",
    ];

    public const string OnBehalf = "T/M BAN THƯỜNG VỤ";
    /// <summary>The signer's office and name are written by hand on the printed report.</summary>
    public const string SignerOffice = "..............................";
    public const string SignerName = "..............................";

    public static string NoTasks(int month, int year) => $"Không có nhiệm vụ nào có hạn trong tháng {month:00}/{year}.";

    public const string Usage = "report <MM/yyyy> [--out <tệp.txt|tệp.docx>] [--overwrite]   báo cáo kết quả thực hiện nhiệm vụ của tháng (in ra màn hình, hoặc ghi ra tệp; --overwrite: ghi đè tệp đã có)";

    public static string BadMonth(string text) => $"«{text}» không phải là tháng hợp lệ: hãy viết dạng MM/yyyy, ví dụ 03/2026.";

    public static string BadOut(string path) => $"Không ghi được báo cáo ra «{path}»: chỉ hỗ trợ tệp .txt hoặc .docx.";

    public static string Written(string path) => $"Đã ghi báo cáo ra tệp {path}.";
}
