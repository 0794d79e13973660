using System.Globalization;
using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace DoSon.Bot.Import;

/// <summary>The Excel form of an assignment file: an instructions sheet, then one sheet per kind
/// (Nguồn, Đơn vị, Thành viên, Mốc, Nhiệm vụ) with Vietnamese headers in row 1. Independent of the
/// store, so that other features (the notice parser's drafts) can write workbooks too.</summary>
public static class AssignmentWorkbook
{
    /// <summary>Reads the workbook; throws <see cref="AssignmentFileException"/> listing every problem.</summary>
    public static AssignmentFile Read(string path)
    {
        var read = ReadDetailed(path, new ImportOptions());
        return read.Errors.Count == 0 && read.File is not null ? read.File : throw new AssignmentFileException(read.Errors);
    }

    /// <summary>Writes every sheet, even empty ones (header row only), so that the workbook can be
    /// filled in and imported back.</summary>
    public static void Write(AssignmentFile file, string path)
    {
        var sheets = new Dictionary<string, object>
        {
            [WorkbookColumns.InstructionsSheet] = ImportTexts.Instructions
                .Select(line => new Dictionary<string, object?> { ["A"] = line[0] })
                .ToList(),
            [WorkbookColumns.Source.Name] = Rows(WorkbookColumns.Source, file.Source is { } s ? [SourceCells(s)] : []),
            [WorkbookColumns.Units.Name] = Rows(WorkbookColumns.Units, (file.Units ?? []).Select(UnitCells)),
            [WorkbookColumns.Members.Name] = Rows(WorkbookColumns.Members, (file.Members ?? []).Select(MemberCells)),
            [WorkbookColumns.Milestones.Name] = Rows(WorkbookColumns.Milestones, (file.Milestones ?? []).Select(MilestoneCells)),
            [WorkbookColumns.Tasks.Name] = Rows(WorkbookColumns.Tasks, (file.Tasks ?? []).Select(TaskCells)),
        };
        // The header row kept in view, and widths and wrapping set per column afterwards, for a
        // person filling the sheet in.
        var configuration = new OpenXmlConfiguration { FastMode = true, FreezeRowCount = 1 };
        AssignmentReader.WriteAtomically(path, stream =>
        {
            stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration);
            WorkbookColumnWidths.Apply(stream);
        });
    }

    private static List<Dictionary<string, object?>> Rows(WorkbookSheet sheet, IEnumerable<Dictionary<string, string?>> items)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            sheet.Columns.Select((c, i) => (c, i)).ToDictionary(x => Letter(x.i), x => (object?)x.c.Header),
        };
        foreach (var item in items)
        {
            rows.Add(sheet.Columns.Select((c, i) => (c, i))
                .ToDictionary(x => Letter(x.i), x => (object?)item.GetValueOrDefault(x.c.JsonName)));
        }

        return rows;
    }

    private static string Letter(int index) => ((char)('A' + index)).ToString();

    private static string? Join(List<string>? codes) => codes is null or [] ? null : string.Join(", ", codes);

    private static Dictionary<string, string?> SourceCells(SourceDto s) =>
        new() { ["number"] = s.Number, ["date"] = s.Date, ["title"] = s.Title };

    private static Dictionary<string, string?> UnitCells(UnitDto u) => new() { ["code"] = u.Code, ["name"] = u.Name };

    private static Dictionary<string, string?> MemberCells(MemberDto m) => new()
    {
        ["code"] = m.Code,
        ["name"] = m.Name,
        ["title"] = m.Title,
        ["units"] = Join(m.Units),
        ["role"] = m.Role,
        // As text: Excel shows long numbers in scientific notation.
        ["telegramUserId"] = m.TelegramUserId?.ToString(CultureInfo.InvariantCulture),
        ["zaloUserId"] = m.ZaloUserId,
    };

    private static Dictionary<string, string?> MilestoneCells(MilestoneDto m) =>
        new() { ["code"] = m.Code, ["name"] = m.Name, ["date"] = m.Date };

    private static Dictionary<string, string?> TaskCells(TaskDto t) => new()
    {
        ["code"] = t.Code,
        ["title"] = t.Title,
        ["description"] = t.Description,
        ["section"] = t.Section,
        ["leadUnit"] = t.LeadUnit,
        ["supportUnits"] = Join(t.SupportUnits),
        ["assignees"] = Join(t.Assignees),
        ["due"] = t.Due,
        ["milestone"] = t.Milestone,
        ["note"] = t.Note,
    };

    internal static FileRead ReadDetailed(string path, ImportOptions limits)
    {
        var fileName = Path.GetFileName(path);
        var errors = new List<ImportError>();
        var rows = new Dictionary<FileSection, IReadOnlyList<int>>();
        var layout = new WorkbookLayout(fileName, rows);

        // MiniExcel reads only the checked copy: a workbook that inflates beyond the limits is
        // refused before any sheet is parsed.
        var zip = Guarded(() => Checked(path, limits), out var failure);
        if (zip is null)
        {
            return AssignmentReader.Failed(fileName, failure!);
        }

        var sheets = Guarded(() => new MemoryStream(zip, writable: false).GetSheetNames(), out failure);
        if (sheets is null)
        {
            return AssignmentReader.Failed(fileName, failure!);
        }

        var file = new AssignmentFile();
        foreach (var sheet in WorkbookColumns.All)
        {
            var actual = sheets.FirstOrDefault(s => WorkbookColumns.Normalize(s).Replace(" ", "", StringComparison.Ordinal) == sheet.Key);
            if (actual is null)
            {
                errors.Add(new ImportError(fileName, ImportTexts.WholeFile, null, ImportTexts.MissingSheet(sheet.Name)));
                continue;
            }

            var cells = Guarded(() => ReadSheet(zip, actual, limits.MaxRows), out failure);
            if (cells is null)
            {
                return AssignmentReader.Failed(fileName, failure!);
            }

            var items = new SheetReader(fileName, sheet, errors).Items(cells);
            rows[sheet.Section] = items.Select(i => i.Row).ToList();
            switch (sheet.Section)
            {
                case FileSection.Source:
                    if (items.Count > 1)
                    {
                        errors.Add(new ImportError(fileName, ImportTexts.SheetRow(sheet.Name, items[1].Row), null, ImportTexts.OneSourceRow)
                        {
                            Order = ((int)sheet.Section, items[1].Row),
                        });
                    }

                    file.Source = items.Select(i => new SourceDto { Number = i.Text("number"), Date = i.Text("date"), Title = i.Text("title") }).FirstOrDefault();
                    break;
                case FileSection.Units:
                    file.Units = [.. items.Select(i => new UnitDto { Code = i.Text("code"), Name = i.Text("name") })];
                    break;
                case FileSection.Members:
                    file.Members = [.. items.Select(i => new MemberDto
                    {
                        Code = i.Text("code"),
                        Name = i.Text("name"),
                        Title = i.Text("title"),
                        Units = i.Codes("units"),
                        Role = i.Text("role"),
                        TelegramUserId = i.UserId("telegramUserId"),
                        ZaloUserId = i.Text("zaloUserId"),
                    })];
                    break;
                case FileSection.Milestones:
                    file.Milestones = [.. items.Select(i => new MilestoneDto { Code = i.Text("code"), Name = i.Text("name"), Date = i.Text("date") })];
                    break;
                default:
                    file.Tasks = [.. items.Select(i => new TaskDto
                    {
                        Code = i.Text("code"),
                        Title = i.Text("title"),
                        Description = i.Text("description"),
                        Section = i.Text("section"),
                        LeadUnit = i.Text("leadUnit"),
                        SupportUnits = i.Codes("supportUnits"),
                        Assignees = i.Codes("assignees"),
                        Due = i.Text("due"),
                        Milestone = i.Text("milestone"),
                        Note = i.Text("note"),
                    })];
                    break;
            }
        }

        return new(file, layout, errors);
    }

    private static byte[] Checked(string path, ImportOptions limits)
    {
        using var file = File.OpenRead(path);
        if (file.Length > limits.MaxFileBytes)
        {
            throw new FileRefusedException(ImportTexts.FileTooLarge(file.Length, limits.MaxFileBytes));
        }

        return ZipGuard.Checked(file, limits);
    }

    /// <summary>MiniExcel reads rows lazily: they are counted as they come, so that a sheet of
    /// 100,000 rows is refused after the first rows over the limit, not after all of them.</summary>
    private static List<IDictionary<string, object?>> ReadSheet(byte[] zip, string sheetName, int maxRows)
    {
        using var stream = new MemoryStream(zip, writable: false);
        var rows = new List<IDictionary<string, object?>>();
        foreach (var row in stream.Query(useHeaderRow: false, sheetName: sheetName))
        {
            // Row 1 is the header.
            if (rows.Count > maxRows)
            {
                throw new FileRefusedException(ImportTexts.TooManyRows(sheetName, maxRows));
            }

            rows.Add((IDictionary<string, object?>)row);
        }

        return rows;
    }

    /// <summary>MiniExcel throws InvalidDataException for a damaged zip and InvalidOperationException
    /// ("Sequence contains no elements") for a zip that holds no workbook; both become one clear
    /// sentence instead of a stack trace.</summary>
    private static T? Guarded<T>(Func<T> read, out string? failure)
        where T : class
    {
        failure = null;
        try
        {
            return read();
        }
        catch (FileRefusedException ex)
        {
            failure = ex.Message;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or EndOfStreamException)
        {
            failure = ImportTexts.WorkbookDamaged;
        }
        catch (InvalidOperationException)
        {
            failure = ImportTexts.NotAWorkbook;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = ImportTexts.CannotRead;
        }

        return null;
    }

    /// <summary>One data row: its Excel row number and its cells by JSON field name.</summary>
    private sealed class SheetItem(int row, Dictionary<string, string?> cells, Action<string, string> error)
    {
        public int Row => row;

        public string? Text(string field) => cells.GetValueOrDefault(field);

        public List<string>? Codes(string field) => Text(field) is { } text ? AssignmentJson.SplitCodes(text) : null;

        public long? UserId(string field)
        {
            var text = Text(field);
            if (text is null)
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }

            error(field, ImportTexts.MustBePositiveNumber);
            return null;
        }
    }

    private sealed class SheetReader(string fileName, WorkbookSheet sheet, List<ImportError> errors)
    {
        public List<SheetItem> Items(List<IDictionary<string, object?>> rows)
        {
            var items = new List<SheetItem>();
            if (rows.Count == 0)
            {
                return items;
            }

            // Row 1 names the columns; they may come in any order.
            var columns = new Dictionary<string, WorkbookColumn>();
            foreach (var (letter, value) in rows[0])
            {
                var header = Cell(value);
                var column = header is null ? null : sheet.Columns.FirstOrDefault(c => c.Key == WorkbookColumns.Normalize(header.Split('(')[0]));
                if (column is not null && !columns.ContainsValue(column))
                {
                    columns[letter] = column;
                }
            }

            var missing = sheet.Columns.Where(c => c.Required && !columns.ContainsValue(c)).ToList();
            foreach (var column in missing)
            {
                errors.Add(new ImportError(fileName, ImportTexts.Sheet(sheet.Name), column.Label, ImportTexts.MissingColumn(column.Header))
                {
                    Order = ((int)sheet.Section, 0),
                });
            }

            if (missing.Count > 0)
            {
                return items;
            }

            for (var i = 1; i < rows.Count; i++)
            {
                var row = i + 1;
                var cells = columns.ToDictionary(c => c.Value.JsonName, c => Cell(rows[i].TryGetValue(c.Key, out var v) ? v : null));
                if (cells.Values.All(v => v is null))
                {
                    continue;
                }

                items.Add(new SheetItem(row, cells, (field, message) => errors.Add(new ImportError(
                    fileName, ImportTexts.SheetRow(sheet.Name, row), sheet.Columns.First(c => c.JsonName == field).Label, message)
                {
                    Order = ((int)sheet.Section, row),
                })));
            }

            return items;
        }
    }

    /// <summary>A cell as the text a person sees. A date typed into Excel arrives as a DateTime and
    /// a number as a double; both are turned back into the text form the checks expect.</summary>
    internal static string? Cell(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
            double n => n.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
