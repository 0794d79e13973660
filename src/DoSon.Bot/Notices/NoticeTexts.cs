using DoSon.Bot.Hosting;
using System.Globalization;
using System.Text;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Notices;

/// <summary>Every sentence the notice parser says, in one place, so that someone who is not a
/// programmer can read and correct it.</summary>
public static class NoticeTexts
{
    public const string Usage =
        "notice parse <tệp.txt|tệp.docx> --out <bản-nháp.json|bản-nháp.xlsx> [--overwrite]   đọc thông báo kết luận thành bản nháp nhiệm vụ";

    // --- The file -------------------------------------------------------------------------

    public static string FileNotFound(string file) => $"Không tìm thấy tệp «{file}».";

    public static string EmptyFile(string file) => $"Tệp «{file}» rỗng: không có nội dung nào để đọc.";

    public static string TooLarge(string file, long bytes, long max) =>
        $"Tệp «{file}» quá lớn ({Size(bytes)}); giới hạn là {Size(max)} (cài đặt Notices:MaxFileBytes). Thông báo kết luận thường chỉ vài chục KB: hãy kiểm tra lại có đúng tệp không.";

    /// <summary>A file beyond the import limits (section Import): the reason says which.</summary>
    public static string Refused(string file, string reason) => $"Tệp «{file}» {reason}";

    public static string UnsupportedType(string file) =>
        $"Tệp «{file}» không phải .txt hoặc .docx. Hãy lưu thông báo thành .docx (Word) hoặc .txt (văn bản UTF-8).";

    public static string OldWordFormat(string file) =>
        $"Tệp «{file}» là định dạng Word cũ (.doc). Hãy mở bằng Word và «Lưu thành» .docx rồi đọc lại.";

    public static string NotText(string file) =>
        $"Tệp «{file}» không phải tệp văn bản (.txt UTF-8): có ký tự lạ hoặc là tệp nhị phân. Hãy lưu lại thông báo dưới dạng .txt mã UTF-8 hoặc dùng tệp .docx.";

    public static string DamagedDocx(string file) =>
        $"Tệp «{file}» bị hỏng hoặc không phải tệp Word (.docx) đọc được. Hãy mở thử bằng Word, lưu lại thành .docx rồi đọc lại.";

    public static string NotADocx(string file) =>
        $"Tệp «{file}» là tệp nén nhưng không phải tài liệu Word (.docx): không có phần nội dung văn bản.";

    public static string CannotRead(string file, string reason) => $"Không đọc được tệp «{file}»: {reason}";

    // --- The notice -----------------------------------------------------------------------

    public static string NotANotice(string file) =>
        $"Tệp «{file}» không phải thông báo kết luận: không thấy tiêu đề «THÔNG BÁO KẾT LUẬN» và phần «2. Nhiệm vụ trọng tâm tháng ...».";

    public static string NoPartTwo(string file) =>
        $"Tệp «{file}» không có phần nhiệm vụ: không thấy đề mục «2. Nhiệm vụ trọng tâm tháng ...». Kiểm tra lại tệp, hoặc sửa đề mục cho đúng mẫu rồi đọc lại.";

    public static string NoTasks(string file) =>
        $"Tệp «{file}» có phần «2. Nhiệm vụ trọng tâm» nhưng không đọc được nhiệm vụ nào trong đó (không có đoạn văn hoặc gạch đầu dòng «-» nào).";

    public static string NoMonth(string file) =>
        $"Tệp «{file}»: không xác định được nhiệm vụ là của tháng nào. Đề mục phần 2 hoặc tiêu đề phải ghi «nhiệm vụ trọng tâm tháng N năm YYYY».";

    public const string NumberMissing = "Không thấy số thông báo («Số ...-TB/ĐU») ở đầu văn bản.";

    public static string NumberBlank(string number) =>
        $"Số thông báo còn để trống («Số {number}»): điền số vào mục «source.number» của bản nháp trước khi nạp.";

    public static string DayBlank(int month, int year) =>
        $"Ngày ban hành còn để trống («ngày ... tháng {month:00} năm {year}»): điền ngày vào mục «source.date» nếu cần.";

    public const string IssueDateMissing = "Không thấy địa danh, ngày tháng ban hành («Đồ Sơn, ngày ... tháng ... năm ...»).";

    public const string TitleMissing = "Không thấy tiêu đề «THÔNG BÁO KẾT LUẬN ...».";

    public static string MonthsDisagree(int titleMonth, int titleYear, int headingMonth, int headingYear) =>
        $"Tiêu đề ghi tháng {titleMonth:00}/{titleYear} nhưng đề mục phần 2 ghi tháng {headingMonth:00}/{headingYear}: đã lấy theo đề mục phần 2.";

    public static string IntroNotATask(string section, string text) =>
        $"Đoạn mở đầu mục {section} không thành nhiệm vụ: «{Excerpt(text)}».";

    public static string FallbackTitle(int month, int year) =>
        $"Thông báo kết luận của Ban Thường vụ Đảng ủy về nhiệm vụ trọng tâm tháng {month:00} năm {year}";

    public static string QuarterEndName(string roman, int year) => $"Hết quý {roman} năm {year}";

    // --- Per task -------------------------------------------------------------------------

    public static string NoDateFound(DateOnly monthEnd) =>
        $"Không thấy hạn trong văn bản: tạm lấy ngày cuối tháng {WardClock.Format(monthEnd)}";

    public static string MaybeDueAtMilestone(string code, DateOnly date) =>
        $"Nhiệm vụ nhắc tới mốc {code} ({WardClock.Format(date)}): xem có nên lấy hạn theo mốc không";

    public static string SeveralDates(IEnumerable<DateOnly> dates, DateOnly chosen) =>
        $"Văn bản có nhiều ngày ({string.Join(", ", dates.Select(WardClock.Format))}): tạm lấy ngày muộn nhất {WardClock.Format(chosen)} làm hạn";

    public static string PastDateIgnored(string written, DateOnly date, int month, int year) =>
        $"«{written}» ({WardClock.Format(date)}) trong văn bản ở trước tháng {month:00}/{year}: không lấy làm hạn";

    public static string NoUnitFound(string unit, string section) =>
        $"Không thấy đơn vị trong văn bản: tạm giao {unit} chủ trì (mặc định của mục {section})";

    public static string NoUnitNoDefault(string section) =>
        $"Không thấy đơn vị trong văn bản và mục {section} không có đơn vị mặc định (Notices:DefaultLeadUnits): phải điền «leadUnit»";

    public static string AlsoMentions(IEnumerable<(string Code, DateOnly Date)> milestones) =>
        "Còn nhắc tới mốc: " + string.Join(", ", milestones.Select(m => $"{m.Code} ({WardClock.Format(m.Date)})"));

    public static string MilestoneTwoDates(string code, DateOnly first, DateOnly second) =>
        $"Mốc {code} được ghi hai ngày khác nhau ({WardClock.Format(first)} và {WardClock.Format(second)}): đã lấy {WardClock.Format(first)}";

    // --- The command ----------------------------------------------------------------------

    public static string UsageError(string problem) => $"{problem}\nCách dùng: {ProgramName.Command(Usage)}";

    public const string MissingInput = "Thiếu tệp thông báo cần đọc.";

    public const string MissingOut = "Thiếu --out <bản-nháp.json|bản-nháp.xlsx>: nơi ghi bản nháp.";

    public static string UnknownSubcommand(string? sub) =>
        sub is null ? "Thiếu lệnh con: dùng «notice parse»." : $"Không có lệnh «notice {sub}»: dùng «notice parse».";

    public static string UnknownOption(string option) => $"Không hiểu tùy chọn «{option}».";

    public static string UnsupportedOut(string file) =>
        $"Không ghi được bản nháp ra «{file}»: chỉ ghi được tệp .json hoặc .xlsx.";

    public static string OutIsInput(string file) => $"Tệp ghi ra «{file}» trùng với tệp thông báo: chọn tên khác.";

    /// <summary>The same sentence as export and template, so every verb that writes a file says it alike.</summary>
    public static string OutExists(string file) => Import.ImportTexts.AlreadyExists(file);

    public static string CannotWrite(string file, string reason) => $"Không ghi được tệp «{file}»: {reason}";

    public static string NothingWritten => "Chưa ghi tệp nào.";

    public static string Written(string file, int tasks) =>
        $"Đã ghi bản nháp {tasks} nhiệm vụ ra «{file}».\nXem lại, sửa những chỗ cần xem lại, rồi nạp bằng lệnh: {ProgramName.Command($"import {file}")}";

    // --- The report -----------------------------------------------------------------------

    public static string Report(NoticeReport report)
    {
        var h = report.Header;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Thông báo «{report.FileName}»");
        sb.Append("\n  Số: ").Append(h.Number is null ? "(không thấy)" : h.NumberBlank ? $"{h.Number} (chưa điền số)" : h.Number);
        sb.Append("\n  Ngày ban hành: ").Append(h.Date is { } d ? WardClock.Format(d)
            : h.IssueMonth is { } im ? $"(chưa điền ngày) tháng {im.Month:00}/{im.Year}" : "(không thấy)");
        if (h.Place is not null)
        {
            sb.Append(", tại ").Append(h.Place);
        }

        sb.Append("\n  Tiêu đề: ").Append(h.Title.Length > 0 ? h.Title : "(không thấy)");
        sb.Append("\n  Ngày họp Ban Thường vụ: ").Append(h.MeetingDate is { } md ? WardClock.Format(md) : "(không thấy)");
        sb.Append(CultureInfo.InvariantCulture, $"\n  Nhiệm vụ của tháng {report.Month:00}/{report.Year}: {report.TaskCount} nhiệm vụ.");
        sb.Append(CultureInfo.InvariantCulture, $"\n  Phần 1 (kết quả, hạn chế): {report.ResultParagraphs} đoạn, chỉ để tham khảo, không thành nhiệm vụ.");
        sb.Append(CultureInfo.InvariantCulture, $"\n  Phần kết (tổ chức thực hiện, nơi nhận): {report.ClosingParagraphs} đoạn, không thành nhiệm vụ.");

        sb.Append("\n\nNhiệm vụ theo mục:");
        foreach (var s in report.Sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  {s.Number}. {s.Title}: ");
            sb.Append(s.TaskCodes.Count switch
            {
                0 => "(đề mục nhóm, không có nhiệm vụ riêng)",
                1 => $"1 nhiệm vụ ({s.TaskCodes[0]})",
                _ => $"{s.TaskCodes.Count} nhiệm vụ ({s.TaskCodes[0]} … {s.TaskCodes[^1]})",
            });
        }

        sb.Append("\n\nMốc thời gian tìm thấy:");
        if (report.Milestones.Count == 0)
        {
            sb.Append(" không có.");
        }

        foreach (var m in report.Milestones)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  {WardClock.Format(m.Date)} {m.Code} — {m.Name}");
            if (!m.Known)
            {
                sb.Append(" (mã tự đặt từ tên, sửa nếu cần)");
            }

            sb.Append(m.TaskCodes.Count == 0 ? ": chưa gắn nhiệm vụ nào" : $": gắn {m.TaskCodes.Count} nhiệm vụ ({string.Join(", ", m.TaskCodes)})");
            if (m.MentionedBy.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"; được nhắc trong {string.Join(", ", m.MentionedBy)} (nhiệm vụ đó gắn mốc khác)");
            }
        }

        sb.Append("\n\nĐơn vị (đoán từ tên trong văn bản):");
        foreach (var u in report.Units)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  {u.Code} — {u.Name}: chủ trì {u.Lead}");
            if (u.LeadByDefault > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $" (trong đó {u.LeadByDefault} giao tạm theo mục)");
            }

            sb.Append(CultureInfo.InvariantCulture, $", phối hợp {u.Support}");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\n\nCần người xem lại ({report.Attention.Count}):");
        if (report.Attention.Count == 0)
        {
            sb.Append(" không có.");
        }

        foreach (var group in report.Attention.GroupBy(a => a.Kind).OrderBy(g => g.Key))
        {
            sb.Append("\n  ").Append(KindTitle(group.Key, group.Count())).Append(':');
            if (group.Key is AttentionKind.NoUnit or AttentionKind.NoDate)
            {
                // Many tasks share these: list them by what was put in, one line each.
                foreach (var byDetail in group.GroupBy(a => a.Detail ?? "?"))
                {
                    sb.Append("\n    ").Append(byDetail.Key == "?" ? "(chưa có đơn vị)" : byDetail.Key).Append(": ")
                        .Append(string.Join(", ", byDetail.Select(a => a.TaskCode)));
                }

                continue;
            }

            foreach (var a in group)
            {
                sb.Append("\n    ").Append(a.TaskCode is null ? "" : a.TaskCode + ": ").Append(a.Message);
            }
        }

        return sb.ToString();
    }

    private static string KindTitle(AttentionKind kind, int count) => kind switch
    {
        AttentionKind.Document => $"Về văn bản ({count})",
        AttentionKind.NoUnit => $"Không thấy đơn vị nào trong văn bản, đã giao tạm chủ trì theo mục ({count})",
        AttentionKind.NoDate => $"Không thấy hạn trong văn bản, đã lấy tạm ngày cuối tháng ({count})",
        AttentionKind.AmbiguousDate => $"Nhiều ngày, chưa rõ hạn ({count})",
        AttentionKind.PastDate => $"Ngày đã qua, không lấy làm hạn ({count})",
        _ => kind.ToString(),
    };

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>A file size as people say it (1,5 MB, 200 KB).</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024d / 1024d).ToString("0.#", Vietnamese) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", Vietnamese) + " KB",
        _ => $"{bytes} byte",
    };

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
