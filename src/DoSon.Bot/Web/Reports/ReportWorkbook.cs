using DoSon.Bot.Import;
using DoSon.Bot.Reports;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace DoSon.Bot.Web.Reports;

/// <summary>The monthly report as a workbook, one sheet per view of the web page (by unit, by field,
/// carried over, blockers), read from the same rows as the text and the Word document, so the three
/// cannot disagree.</summary>
public static class ReportWorkbook
{
    private const double Code = 15;
    private const double Short = 12;
    private const double Long = 60;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(MonthlyReport report)
    {
        var sections = report.Sections.SelectMany(s => s.Rows.Select(r => (Section: s.Name, Row: r))).ToList();
        var sheets = new (string Name, (string Header, double Width, bool Wrap)[] Columns, IEnumerable<object?[]> Rows)[]
        {
            (WebTexts.SheetByUnit,
                [(WebTexts.ColumnCode, Code, false), (WebTexts.ColumnUnit, 40, true), (WebTexts.ColumnDone, Short, false), (WebTexts.ColumnLed, Short, false),
                 (WebTexts.ColumnOverdue, Short, false), (WebTexts.ColumnBlocked, Short, false), (WebTexts.ColumnSupported, Short, false)],
                report.Units.Select(u => new object?[] { u.Code, u.Name, u.Done, u.Total, u.Overdue, u.Blocked, u.Supported })),
            (WebTexts.SheetBySection, TaskColumns, sections.Select(x => TaskCells(x.Section, x.Row))),
            (WebTexts.SheetCarriedOver, TaskColumns, sections.Where(x => x.Row.Status != Domain.WorkTaskStatus.Done).Select(x => TaskCells(x.Section, x.Row))),
            (WebTexts.SheetBlockers,
                [(WebTexts.ColumnCode, Code, false), (WebTexts.ColumnTask, Long, true), (WebTexts.ColumnUnit, 28, true),
                 (WebTexts.ColumnWords, Long, true), (WebTexts.ColumnWho, 24, true), (WebTexts.ColumnWhen, Short, false)],
                report.BlockerNotes.Select(b => new object?[] { b.Code, b.Title, b.LeadUnit, b.Words, b.Who, b.When })),
        };

        // The header row is written as a row of its own (printHeader: false), so an empty sheet still has it.
        var workbook = sheets.ToDictionary(
            s => s.Name,
            s => (object)new[] { s.Columns.Select(c => (object?)c.Header).ToArray() }.Concat(s.Rows).Select(Row).ToList());
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, printHeader: false, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, FreezeRowCount = 1 });
        var layouts = sheets.ToDictionary(s => s.Name, s => s.Columns.Select(c => (c.Width, c.Wrap)).ToList());
        WorkbookColumnWidths.Apply(stream, name => name is not null && layouts.TryGetValue(name, out var layout) ? (layout, true) : null);
        return stream.ToArray();
    }

    private static readonly (string Header, double Width, bool Wrap)[] TaskColumns =
    [
        (WebTexts.ColumnSection, 30, true), (WebTexts.ColumnCode, Code, false), (WebTexts.ColumnTask, Long, true), (WebTexts.ColumnUnit, 28, true),
        (WebTexts.ColumnDue, Short, false), (WebTexts.ColumnStatus, 16, false), (WebTexts.ColumnPercent, Short, false), (WebTexts.ColumnDaysOverdue, Short, false),
    ];

    private static object?[] TaskCells(string section, ReportRow row) =>
        [section, row.Code, row.Title, row.LeadUnit, row.Due, row.StatusText, row.Percent, row.DaysOverdue];

    private static Dictionary<string, object?> Row(object?[] cells) =>
        cells.Select((c, i) => (Key: ((char)('A' + i)).ToString(), Value: c)).ToDictionary(x => x.Key, x => x.Value);
}
