using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DoSon.Bot.Cli;
using DoSon.Bot.Import;
using FluentAssertions;

namespace DoSon.Bot.Tests.Import;

/// <summary>The `template` workbook read back with OpenXml: widths a person can read, long columns wrapped.</summary>
public sealed class TemplateWorkbookLayoutTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"doson-template-{Guid.NewGuid():N}");

    public TemplateWorkbookLayoutTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> TemplateAsync()
    {
        var path = Path.Combine(_folder, "mau.xlsx");
        (await new TemplateVerb().RunAsync([path], new StringWriter(), CancellationToken.None)).Should().Be(0);
        return path;
    }

    [Fact]
    public async Task The_task_sheets_title_and_content_columns_are_50_to_60_characters_wide_and_wrap()
    {
        using var doc = SpreadsheetDocument.Open(await TemplateAsync(), false);
        var columns = Columns(doc, "Nhiệm vụ");

        columns[1].Width!.Value.Should().BeInRange(50, 60, "Tiêu đề");
        columns[2].Width!.Value.Should().BeInRange(50, 60, "Nội dung");
        Wraps(doc, columns[1].Style?.Value).Should().BeTrue();
        Wraps(doc, columns[2].Style?.Value).Should().BeTrue();
        Wraps(doc, columns[0].Style?.Value).Should().BeFalse("codes are short");
    }

    [Fact]
    public async Task Every_column_fits_its_header_label_and_the_header_row_wraps()
    {
        var path = await TemplateAsync();
        using var doc = SpreadsheetDocument.Open(path, false);
        foreach (var sheet in new[] { "Nguồn", "Đơn vị", "Thành viên", "Mốc", "Nhiệm vụ" })
        {
            var columns = Columns(doc, sheet);
            var headers = Rows(doc, sheet).First().Elements<Cell>().ToList();
            headers.Should().HaveCount(columns.Count, sheet);
            for (var i = 0; i < headers.Count; i++)
            {
                var label = Text(doc, headers[i]).Split('(')[0].Trim();
                columns[i].Width!.Value.Should().BeGreaterThanOrEqualTo(Math.Max(label.Length + 1, 8), $"{sheet}: {label}");
                columns[i].CustomWidth!.Value.Should().BeTrue();
                Wraps(doc, headers[i].StyleIndex?.Value).Should().BeTrue($"{sheet}: {label}");
            }
        }
    }

    [Fact]
    public void A_written_workbook_with_long_titles_wraps_them_and_still_reads_back()
    {
        var path = Path.Combine(_folder, "du-lieu.xlsx");
        var title = string.Concat(Enumerable.Repeat("Tổ chức thành công Lễ hội đảo Dấu năm 2026 ", 3)).Trim();
        var file = new AssignmentFile { Tasks = [new TaskDto { Code = "T1", Title = title, LeadUnit = "UBND", Due = "31/03/2026" }] };

        AssignmentWorkbook.Write(file, path);

        using (var doc = SpreadsheetDocument.Open(path, false))
        {
            var cell = Rows(doc, "Nhiệm vụ").ElementAt(1).Elements<Cell>().Single(c => c.CellReference!.Value == "B2");
            Text(doc, cell).Should().Be(title);
            Wraps(doc, cell.StyleIndex?.Value).Should().BeTrue();
            new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc)
                .Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        }

        AssignmentWorkbook.Read(path).Tasks!.Single().Title.Should().Be(title);
    }

    private static List<Column> Columns(SpreadsheetDocument doc, string sheet) =>
        Part(doc, sheet).Worksheet.GetFirstChild<Columns>()!.Elements<Column>().OrderBy(c => c.Min!.Value).ToList();

    private static IEnumerable<Row> Rows(SpreadsheetDocument doc, string sheet) =>
        Part(doc, sheet).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>();

    private static WorksheetPart Part(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value == name);
        return (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static bool Wraps(SpreadsheetDocument doc, uint? style) =>
        style is { } s
        && doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)s).Alignment?.WrapText?.Value == true;

    private static string Text(SpreadsheetDocument doc, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.InnerText, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cell.InnerText;
}
