using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DoSon.Bot.FakeApis;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Bench;

/// <summary>Hostile (or mistakenly huge) files through the real importer and notice reader, as
/// `import --dry-run` and `notice parse` take them, with the default Import limits: whether each is
/// refused, with what, how long it takes, what it allocates and the process's peak RSS meanwhile.
/// The bombs are the tests' own (<see cref="Bombs"/>).</summary>
internal static class HostileFilesBench
{
    private const uint Declared = 0xF000_0000; // 3.75 GiB, as the tests declare

    /// <summary>The measured files in the order of the report: key, what it is, how it is read.</summary>
    public static readonly (string Key, string Name, bool Notice)[] Files =
    [
        ("bomb_xlsx", "bom.xlsx", false),
        ("rows_5001", "nam-nghin-dong.xlsx", false),
        ("rows_100000", "tram-nghin-dong.xlsx", false),
        ("bomb_docx", "bom.docx", true),
    ];

    public static async Task<Dictionary<string, string>> RunAsync(string folder)
    {
        var dir = Path.Combine(folder, "hostile-files");
        Directory.CreateDirectory(dir);
        var smallXlsx = Path.Combine(dir, "nho.xlsx");
        AssignmentWorkbook.Write(Ward(2), smallXlsx);
        var realDocx = WriteDocx(Path.Combine(dir, "that.docx"));
        File.WriteAllBytes(Path.Combine(dir, "bom.xlsx"), Bombs.Declaring(File.ReadAllBytes(smallXlsx), Declared));
        AssignmentWorkbook.Write(Ward(5_001), Path.Combine(dir, "nam-nghin-dong.xlsx"));
        AssignmentWorkbook.Write(Ward(100_000), Path.Combine(dir, "tram-nghin-dong.xlsx"));
        File.WriteAllBytes(Path.Combine(dir, "bom.docx"), Bombs.Declaring(File.ReadAllBytes(realDocx), Declared));

        using var host = BenchHost.Build(dir, Path.Combine(dir, "hostile.db"), TimeProvider.System, channel: null);
        var importer = host.Services.GetRequiredService<AssignmentImporter>();
        var drafter = host.Services.GetRequiredService<NoticeDrafter>();

        // Warm-up (JIT, MiniExcel and OpenXml loaded): a valid workbook and a valid notice.
        await ReadAsync(importer, drafter, smallXlsx, notice: false);
        await ReadAsync(importer, drafter, realDocx, notice: true);

        var perFilePeak = true;
        var result = new Dictionary<string, string>
        {
            ["declared_gib"] = (Declared / 1024.0 / 1024.0 / 1024.0).ToString("0.##", Inv),
            ["max_rows"] = importer.Limits.MaxRows.ToString(Inv),
            ["max_uncompressed_mb"] = (importer.Limits.MaxUncompressedBytes / 1024.0 / 1024.0).ToString("0.#", Inv),
        };
        using var self = Process.GetCurrentProcess();
        foreach (var (key, name, notice) in Files)
        {
            var path = Path.Combine(dir, name);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            self.Refresh();
            var rssBefore = self.WorkingSet64;
            perFilePeak &= ResetPeakRss();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();

            var refusal = await ReadAsync(importer, drafter, path, notice);

            sw.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            self.Refresh();
            result[key + "_file_kb"] = (new FileInfo(path).Length / 1024.0).ToString("F0", Inv);
            result[key + "_refused"] = refusal is null ? "no" : "yes";
            // The notice reader names the file as it was given; the report shows its name only.
            result[key + "_message"] = refusal is null ? "" : FirstWords(refusal.Replace(dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), 9);
            result[key + "_ms"] = sw.Elapsed.TotalMilliseconds.ToString("F0", Inv);
            result[key + "_allocated"] = allocated < 1024 * 1024
                ? (allocated / 1024.0).ToString("F0", Inv) + " KB"
                : (allocated / 1024.0 / 1024.0).ToString("F1", Inv) + " MB";
            result[key + "_rss_before_mb"] = (rssBefore / 1024.0 / 1024.0).ToString("F0", Inv);
            result[key + "_peak_rss_mb"] = (self.PeakWorkingSet64 / 1024.0 / 1024.0).ToString("F0", Inv);
        }

        result["peak_rss_per_file"] = perFilePeak ? "yes" : "no";
        return result;
    }

    /// <summary>The refusal's message, or null when the file was read.</summary>
    private static async Task<string?> ReadAsync(AssignmentImporter importer, NoticeDrafter drafter, string path, bool notice)
    {
        if (notice)
        {
            try
            {
                drafter.Draft(path);
                return null;
            }
            catch (NoticeRejectedException ex)
            {
                return ex.Message;
            }
        }

        var outcome = await importer.ImportAsync(path, dryRun: true, "CVP");
        return outcome.Succeeded ? null : outcome.Errors[0].Message;
    }

    /// <summary>Sets the process's peak RSS (VmHWM, which Process.PeakWorkingSet64 reads on Linux)
    /// back to its current RSS, so that each file's peak is its own; false where that is not possible.</summary>
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string FirstWords(string message, int count)
    {
        var words = message.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= count ? message : string.Join(' ', words.Take(count)) + " …";
    }

    /// <summary>A valid ward file with <paramref name="tasks"/> task rows, as the tests write
    /// (HostileFileTests: SmallWard with many tasks); copied here, the test project is not referenced.</summary>
    private static AssignmentFile Ward(int tasks) => new()
    {
        Source = new SourceDto { Number = "TB-T/2026", Date = "27/02/2026", Title = "Thông báo kết luận thử" },
        Units =
        [
            new UnitDto { Code = "UBND", Name = "Ủy ban nhân dân phường" },
            new UnitDto { Code = "CAP", Name = "Công an phường" },
        ],
        Members =
        [
            new MemberDto { Code = "CVP", Name = "Đ/c Chánh Văn phòng", Title = "Chánh Văn phòng Đảng ủy", Units = ["UBND"], Role = "admin" },
            new MemberDto { Code = "CB-DC", Name = "Đ/c Công chức Địa chính", Title = "Công chức Địa chính - Xây dựng", Units = ["UBND"], Role = "member" },
        ],
        Tasks = [.. Enumerable.Range(1, tasks).Select(i => new TaskDto { Code = $"T{i}", Title = "Việc", LeadUnit = "UBND", Due = "10/03/2026" })],
    };

    /// <summary>A real Word document with one paragraph, the base of the .docx bomb (the tests build
    /// theirs the same way, with NoticeFixtures.WriteDocx).</summary>
    private static string WriteDocx(string path)
    {
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(new Paragraph(new Run(new Text("THÔNG BÁO KẾT LUẬN")))));
        return path;
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
}
