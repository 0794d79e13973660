using System.Globalization;
using System.Text;

namespace DoSon.Bot.Import;

/// <summary>One column of a sheet: the JSON field it carries and the header written in row 1.
/// The header's part before "(" is its label, used to find the column and to name it in errors.
/// Width is in Excel's characters; a wrapped column breaks long text into lines instead of hiding it.</summary>
internal sealed record WorkbookColumn(string JsonName, string Header, bool Required, double Width = WorkbookColumns.CodeWidth, bool Wrap = false)
{
    public string Label { get; } = Header.Split('(')[0].Trim();

    public string Key { get; } = WorkbookColumns.Normalize(Header.Split('(')[0]);
}

internal sealed record WorkbookSheet(FileSection Section, string Name, IReadOnlyList<WorkbookColumn> Columns)
{
    public string Key { get; } = WorkbookColumns.Normalize(Name).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>The workbook's sheets and columns. Sheets and headers are found without regard to
/// diacritics, case or spaces ("NhiemVu" finds "Nhiệm vụ"), because a sheet renamed by hand or a
/// header typed on a keyboard without Vietnamese input should still be read.</summary>
internal static class WorkbookColumns
{
    public const string InstructionsSheet = "Hướng dẫn";

    /// <summary>Codes (T2603-223-02, CB-DOANKET) and short values.</summary>
    public const double CodeWidth = 15;

    /// <summary>A task's full text or a notice's abstract: wide, and wrapped.</summary>
    public const double LongWidth = 60;

    /// <summary>The instructions sheet's one column.</summary>
    public const double InstructionsWidth = 100;

    public static readonly WorkbookSheet Source = new(FileSection.Source, "Nguồn",
    [
        new("number", "Số hiệu", true),
        new("date", "Ngày (dd/MM/yyyy)", false),
        new("title", "Trích yếu", true, WorkbookColumns.LongWidth, Wrap: true),
    ]);

    public static readonly WorkbookSheet Units = new(FileSection.Units, "Đơn vị",
    [
        new("code", "Mã", true),
        new("name", "Tên", true, 40, Wrap: true),
    ]);

    public static readonly WorkbookSheet Members = new(FileSection.Members, "Thành viên",
    [
        new("code", "Mã", true),
        new("name", "Họ tên", true, 28, Wrap: true),
        new("title", "Chức danh", false, 36, Wrap: true),
        new("units", "Đơn vị (mã, cách nhau bởi dấu phẩy)", false, 20, Wrap: true),
        new("role", "Vai trò (admin/leader/member)", true, 16),
        new("telegramUserId", "Telegram user id (để trống nếu chưa có)", false, 20),
        new("zaloUserId", "Zalo user id (để trống nếu chưa có)", false, 22),
    ]);

    public static readonly WorkbookSheet Milestones = new(FileSection.Milestones, "Mốc",
    [
        new("code", "Mã", true),
        new("name", "Tên", true, 50, Wrap: true),
        new("date", "Ngày (dd/MM/yyyy)", true, 13),
    ]);

    public static readonly WorkbookSheet Tasks = new(FileSection.Tasks, "Nhiệm vụ",
    [
        new("code", "Mã", true),
        new("title", "Tiêu đề", true, 50, Wrap: true),
        new("description", "Nội dung", false, WorkbookColumns.LongWidth, Wrap: true),
        new("section", "Mục", false, 8),
        new("leadUnit", "Đơn vị chủ trì (mã)", true, 16),
        new("supportUnits", "Đơn vị phối hợp (mã, cách nhau bởi dấu phẩy)", false, 20, Wrap: true),
        new("assignees", "Người thực hiện (mã thành viên, cách nhau bởi dấu phẩy)", false, 22, Wrap: true),
        new("due", "Hạn (dd/MM/yyyy hoặc dd/MM/yyyy HH:mm)", true, 18),
        new("milestone", "Mốc (mã)", false, 12),
        new("note", "Ghi chú (không nhập vào bot)", false, 30, Wrap: true),
    ]);

    public static IReadOnlyList<WorkbookSheet> All { get; } = [Source, Units, Members, Milestones, Tasks];

    public static WorkbookSheet SheetOf(FileSection section) => All.First(s => s.Section == section);

    /// <summary>Lower case, without diacritics (đ as d), single spaces.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
