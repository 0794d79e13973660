using DoSon.Bot.FakeApis;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using DoSon.Bot.Tests.Notices;
using FluentAssertions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Import;

/// <summary>Files made to hurt (or huge by mistake) are refused before MiniExcel or OpenXml parse
/// them, with one sentence naming the file and the limit, without the memory growing, and nothing
/// is written. Allocation is measured on the test's thread: the readers run synchronously on it.</summary>
public sealed class HostileFileTests : IDisposable
{
    private const long Megabyte = 1024 * 1024;

    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static readonly string FiftyMegabytes = ImportTexts.InflatesTooMuch(50 * Megabyte);

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _f.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private byte[] WorkbookBytes(AssignmentFile file) => File.ReadAllBytes(_f.WriteWorkbook("real.xlsx", file));

    /// <summary>Imports and returns the one error with the bytes this thread allocated meanwhile;
    /// the database must be as it was.</summary>
    private async Task<(ImportError Error, long Allocated)> RefusedAsync(string path, ImportOptions? limits = null)
    {
        var before = await _f.DumpAsync();
        var importer = new AssignmentImporter(_f.Store, _f.Time, Options.Create(limits ?? new ImportOptions()));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var outcome = await importer.ImportAsync(path, dryRun: false, "CVP");

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        outcome.Succeeded.Should().BeFalse();
        outcome.Applied.Should().BeFalse();
        (await _f.DumpAsync()).Should().Be(before, "a refused file writes nothing");
        return (outcome.Errors.Should().ContainSingle().Subject, allocated);
    }

    [Fact]
    public async Task A_workbook_that_declares_gigabytes_is_refused_from_its_directory_without_inflating_anything()
    {
        var path = WriteBytes("bom.xlsx", Bombs.Declaring(WorkbookBytes(SmallWard.File()), 0xF000_0000));

        var (error, allocated) = await RefusedAsync(path);

        error.ToString().Should().Be($"bom.xlsx, {ImportTexts.WholeFile}: {FiftyMegabytes}");
        error.Message.Should().Contain("50 MB").And.Contain("Import:MaxUncompressedBytes");
        allocated.Should().BeLessThan(5 * Megabyte);
    }

    [Fact]
    public async Task A_workbook_whose_headers_understate_its_size_is_refused_without_inflating_it()
    {
        // 200 MB of zeros in a 200 KB file whose headers say 1,000 bytes: the reader gets no more
        // than the counted bytes, the cut XML is not a workbook.
        var path = WriteBytes("noi-doi.xlsx", Bombs.Lying(200 * (int)Megabyte));

        var (error, allocated) = await RefusedAsync(path);

        error.Where.Should().Be(ImportTexts.WholeFile);
        error.Message.Should().BeOneOf(ImportTexts.WorkbookDamaged, ImportTexts.NotAWorkbook, FiftyMegabytes);
        allocated.Should().BeLessThan(20 * Megabyte);
    }

    [Fact]
    public async Task A_workbook_beyond_the_uncompressed_limit_is_refused_naming_the_limit()
    {
        var path = WriteBytes("lon.xlsx", WorkbookBytes(SmallWard.File()));
        var limits = new ImportOptions { MaxUncompressedBytes = 2000 };

        var (error, _) = await RefusedAsync(path, limits);

        error.Message.Should().Be(ImportTexts.InflatesTooMuch(2000)).And.Contain("2 KB");
    }

    [Fact]
    public async Task A_zip_of_thousands_of_parts_is_refused_naming_the_count_and_the_limit()
    {
        var path = WriteBytes("nhieu-phan.xlsx", Bombs.ManyParts(1001));

        var (error, _) = await RefusedAsync(path);

        error.Message.Should().Be(ImportTexts.TooManyParts(1001, 1000)).And.Contain("Import:MaxZipEntries");
    }

    [Fact]
    public async Task A_part_compressed_a_thousand_times_is_refused_naming_the_ratio()
    {
        var path = WriteBytes("nen-chat.xlsx", Bombs.Zeros(4 * (int)Megabyte));

        var (error, _) = await RefusedAsync(path);

        error.Message.Should().Contain("«word/document.xml» nén chặt bất thường").And.Contain("giới hạn 100:1");
    }

    [Fact]
    public async Task A_workbook_with_5001_task_rows_is_refused_naming_the_sheet_and_the_limit()
    {
        var file = SmallWard.File();
        file.Tasks = [.. Enumerable.Range(1, 5001).Select(i => new TaskDto { Code = $"T{i}", Title = "Việc", LeadUnit = "UBND", Due = "10/03/2026" })];
        var path = _f.WriteWorkbook("nam-nghin-dong.xlsx", file);

        var (error, allocated) = await RefusedAsync(path);

        error.Message.Should().Be(ImportTexts.TooManyRows("Nhiệm vụ", 5000));
        error.Message.Should().Contain("Import:MaxRows = 5000");
        allocated.Should().BeLessThan(300 * Megabyte);
    }

    [Fact]
    public async Task Rows_up_to_the_limit_are_read_and_one_more_is_refused()
    {
        // The small ward has 3 members, the most rows of its sheets.
        var limits = new ImportOptions { MaxRows = 3 };
        var file = SmallWard.File();
        file.Tasks!.Add(new TaskDto { Code = "T3", Title = "Việc ba", LeadUnit = "UBND", Due = "10/03/2026" });
        (await new AssignmentImporter(_f.Store, _f.Time, Options.Create(limits))
            .ImportAsync(_f.WriteWorkbook("ba.xlsx", file), dryRun: true, "CVP")).Errors.Should().BeEmpty();
        file.Tasks!.Add(new TaskDto { Code = "T4", Title = "Việc bốn", LeadUnit = "UBND", Due = "10/03/2026" });

        var (error, _) = await RefusedAsync(_f.WriteWorkbook("bon.xlsx", file), limits);

        error.Message.Should().Be(ImportTexts.TooManyRows("Nhiệm vụ", 3));
    }

    [Fact]
    public async Task A_json_file_beyond_the_file_size_limit_is_refused_before_it_is_read()
    {
        var path = _f.WriteJson("ward.json", SmallWard.File());
        var size = new FileInfo(path).Length;

        var (error, _) = await RefusedAsync(path, new ImportOptions { MaxFileBytes = 100 });

        error.Message.Should().Be(ImportTexts.FileTooLarge(size, 100)).And.Contain("Import:MaxFileBytes");
    }

    [Fact]
    public async Task A_json_list_longer_than_the_row_limit_is_refused_naming_the_list()
    {
        var (error, _) = await RefusedAsync(_f.WriteJson("ward.json", SmallWard.File()), new ImportOptions { MaxRows = 1 });

        error.Message.Should().Be(ImportTexts.TooManyItems("units", 1));
    }

    [Fact]
    public void A_docx_that_declares_gigabytes_is_refused_naming_the_file_and_the_limit()
    {
        using var files = new NoticeFixtures();
        var real = File.ReadAllBytes(files.WriteDocx("that.docx", ["THÔNG BÁO KẾT LUẬN"], bulletsAsNumbering: false));
        var bomb = Bombs.Declaring(real, 0xF000_0000);
        var drafter = new NoticeDrafter(Options.Create(new NoticeOptions()), Options.Create(new ImportOptions()));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var act = () => drafter.Draft(bomb, "bom.docx");

        act.Should().Throw<NoticeRejectedException>().WithMessage($"Tệp «bom.docx» {FiftyMegabytes}");
        (GC.GetAllocatedBytesForCurrentThread() - allocated).Should().BeLessThan(5 * Megabyte);
    }

    [Fact]
    public void A_docx_whose_headers_understate_its_size_is_refused_as_damaged()
    {
        var drafter = new NoticeDrafter(Options.Create(new NoticeOptions()), Options.Create(new ImportOptions()));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var act = () => drafter.Draft(Bombs.Lying(200 * (int)Megabyte), "noi-doi.docx");

        act.Should().Throw<NoticeRejectedException>().Which.Message.Should().StartWith("Tệp «noi-doi.docx»");
        (GC.GetAllocatedBytesForCurrentThread() - allocated).Should().BeLessThan(20 * Megabyte);
    }

    [Fact]
    public void Import_limits_are_checked_at_start_naming_the_key()
    {
        var result = new ImportOptionsValidator().Validate(null, new ImportOptions { MaxRows = 0, MaxUncompressedBytes = -1 });

        result.Failed.Should().BeTrue();
        result.Failures.Should().Contain(f => f.StartsWith("Import:MaxRows phải là số dương", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("Import:MaxUncompressedBytes phải là số dương", StringComparison.Ordinal));
        new ImportOptionsValidator().Validate(null, new ImportOptions()).Succeeded.Should().BeTrue();
    }
}
