namespace DoSon.Bot.Import;

internal enum FileSection
{
    Source,
    Units,
    Members,
    Milestones,
    Tasks,
}

/// <summary>How a place in an assignment file is named in an error: a JSON path and field name,
/// or a sheet, a row number and a column header. The checks are the same for both formats; only
/// this naming differs, so that the office can find the cell to fix.</summary>
internal interface IFileLayout
{
    string FileName { get; }

    /// <summary>The item at <paramref name="index"/> of the section's list (the source has index 0).</summary>
    string Where(FileSection section, int index);

    /// <summary>The item's place in the file as written (JSON index, Excel row), for sorting errors.</summary>
    int Position(FileSection section, int index);

    /// <summary>The section as a whole, e.g. "units" or "trang «Đơn vị»".</summary>
    string SectionName(FileSection section);

    /// <summary>The name the user sees for a field given by its JSON name.</summary>
    string Field(FileSection section, string jsonName);
}

/// <summary>Paths count the items of the file as written (from 0, as JSON paths do), also when an
/// item that is not an object was left out of the lists.</summary>
internal sealed class JsonLayout(string fileName, IReadOnlyDictionary<FileSection, IReadOnlyList<int>>? indexes = null) : IFileLayout
{
    public string FileName => fileName;

    public string Where(FileSection section, int index) => Path(section, Position(section, index));

    public int Position(FileSection section, int index) =>
        indexes is not null && indexes.TryGetValue(section, out var map) && index < map.Count ? map[index] : index;

    public static string Path(FileSection section, int index) =>
        section == FileSection.Source ? "source" : $"{Name(section)}[{index}]";

    public string SectionName(FileSection section) => Name(section);

    public static string Name(FileSection section) => section switch
    {
        FileSection.Source => "source",
        FileSection.Units => "units",
        FileSection.Members => "members",
        FileSection.Milestones => "milestones",
        _ => "tasks",
    };

    public string Field(FileSection section, string jsonName) => jsonName;
}

/// <summary>Row numbers are those Excel shows (the header is row 1), kept per item as read, since
/// empty rows are skipped.</summary>
internal sealed class WorkbookLayout(string fileName, IReadOnlyDictionary<FileSection, IReadOnlyList<int>> rows) : IFileLayout
{
    public string FileName => fileName;

    public string Where(FileSection section, int index) =>
        rows.TryGetValue(section, out var numbers) && index < numbers.Count
            ? ImportTexts.SheetRow(WorkbookColumns.SheetOf(section).Name, numbers[index])
            : SectionName(section);

    public int Position(FileSection section, int index) =>
        rows.TryGetValue(section, out var numbers) && index < numbers.Count ? numbers[index] : 0;

    public string SectionName(FileSection section) => ImportTexts.Sheet(WorkbookColumns.SheetOf(section).Name);

    public string Field(FileSection section, string jsonName) =>
        WorkbookColumns.SheetOf(section).Columns.FirstOrDefault(c => c.JsonName == jsonName)?.Label ?? jsonName;
}
