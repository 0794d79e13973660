using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DoSon.Bot.Import;

/// <summary>Gives a written workbook the widths of <see cref="WorkbookColumns"/> and wraps the long
/// columns and the header row, so a person filling it in reads a title without widening the column.
/// MiniExcel sizes columns by their text (an empty template's "Tiêu đề" came out 11 characters wide),
/// so the layout is set afterwards with OpenXml on the same stream.</summary>
internal static class WorkbookColumnWidths
{
    public static void Apply(Stream stream) => Apply(stream, name => name == WorkbookColumns.InstructionsSheet
        ? ([(WorkbookColumns.InstructionsWidth, true)], false)
        : WorkbookColumns.All.FirstOrDefault(s => s.Name == name) is { } sheet
            ? (sheet.Columns.Select(c => (c.Width, c.Wrap)).ToList(), true)
            : null);

    /// <summary>Any workbook's widths and wrapping, by sheet name (the monthly report's workbook uses it).</summary>
    public static void Apply(Stream stream, Func<string?, (List<(double Width, bool Wrap)> Layout, bool HeaderWraps)?> layoutOf)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, true);
        var workbook = document.WorkbookPart ?? throw new InvalidOperationException("workbook part missing");
        var wrapped = new WrapStyles(workbook);
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            if (layoutOf(sheet.Name?.Value) is not { } layout)
            {
                continue;
            }

            SetColumns(part.Worksheet, layout.Layout, wrapped, layout.HeaderWraps);
        }

        document.Save();
    }

    private static void SetColumns(Worksheet worksheet, List<(double Width, bool Wrap)> layout, WrapStyles wrapped, bool headerWraps)
    {
        worksheet.GetFirstChild<Columns>()?.Remove();
        var columns = new Columns();
        for (var i = 0; i < layout.Count; i++)
        {
            var column = new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = layout[i].Width, CustomWidth = true };
            if (layout[i].Wrap)
            {
                // The column's style applies to the cells a person types in later.
                column.Style = wrapped.Of(0);
            }

            columns.Append(column);
        }

        var sheetData = worksheet.GetFirstChild<SheetData>() ?? throw new InvalidOperationException("sheet data missing");
        worksheet.InsertBefore(columns, sheetData);

        foreach (var row in sheetData.Elements<Row>())
        {
            var header = row.RowIndex?.Value == 1;
            var index = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : index;
                index = column + 1;
                if ((header && headerWraps) || (column < layout.Count && layout[column].Wrap))
                {
                    cell.StyleIndex = wrapped.Of(cell.StyleIndex?.Value ?? 0);
                }
            }
        }
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>For each cell style in use, the same style with text wrapped at the top of the cell.</summary>
    private sealed class WrapStyles(WorkbookPart workbook)
    {
        private readonly Dictionary<uint, uint> _made = [];
        private CellFormats? _formats;

        public uint Of(uint style)
        {
            if (_made.TryGetValue(style, out var made))
            {
                return made;
            }

            _formats ??= Formats();
            var list = _formats.Elements<CellFormat>().ToList();
            var copy = style < list.Count ? (CellFormat)list[(int)style].CloneNode(true) : new CellFormat();
            copy.RemoveAllChildren<Alignment>();
            copy.PrependChild(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
            copy.ApplyAlignment = true;
            _formats.Append(copy);
            _formats.Count = (uint)_formats.Elements<CellFormat>().Count();
            return _made[style] = _formats.Count.Value - 1;
        }

        private CellFormats Formats()
        {
            var styles = workbook.WorkbookStylesPart ?? workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet ??= new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat()) { Count = 1 });
            return styles.Stylesheet.CellFormats ??= new CellFormats(new CellFormat()) { Count = 1 };
        }
    }
}
