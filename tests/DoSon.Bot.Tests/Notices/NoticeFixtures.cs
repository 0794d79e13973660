using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DoSon.Bot.Notices;

namespace DoSon.Bot.Tests.Notices;

/// <summary>The example notices, the default settings, and files made for a test in a folder of
/// its own that is deleted afterwards.</summary>
internal sealed class NoticeFixtures : IDisposable
{
    public const string MarchFile = "thong-bao-ket-luan-2026-03.txt";
    public const string AprilFile = "thong-bao-ket-luan-2026-04.txt";

    public NoticeFixtures()
    {
        Folder = Path.Combine(Path.GetTempPath(), "doson-bot-tests", "notices-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "Notices", file);

    public static string[] Lines(string file) => File.ReadAllLines(TestData(file), Encoding.UTF8);

    public static ParsedNotice Parse(string file) => NoticeParser.Parse(Lines(file), file);

    public static NoticeDraft Draft(string file, NoticeOptions? options = null) =>
        NoticeDrafter.Builder(options ?? new NoticeOptions()).Build(Parse(file));

    public static NoticeDraft March { get; } = Draft(MarchFile);

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string WriteText(string name, string text, Encoding? encoding = null)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A zip that holds a text file and nothing of Word.</summary>
    public string WriteZip(string name)
    {
        var path = PathOf(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
        writer.Write("Không phải tài liệu Word.");
        return path;
    }

    /// <summary>A Word document with the text's blocks (separated by blank lines) as paragraphs and
    /// the lines of a block joined by line breaks, as the notice was written in Word. With
    /// <paramref name="bulletsAsNumbering"/>, "- " items become Word bullet-list paragraphs whose
    /// text has no dash.</summary>
    public string WriteDocx(string name, IEnumerable<string> lines, bool bulletsAsNumbering)
    {
        var path = PathOf(name);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "–" }) { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });

        foreach (var block in Blocks(lines))
        {
            var paragraph = new Paragraph();
            var text = block;
            if (bulletsAsNumbering && text[0].StartsWith("- ", StringComparison.Ordinal))
            {
                paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
                text = [text[0][2..], .. text.Skip(1)];
            }

            var run = new Run();
            for (var i = 0; i < text.Count; i++)
            {
                if (i > 0)
                {
                    run.Append(new Break());
                }

                run.Append(new Text(text[i]) { Space = SpaceProcessingModeValues.Preserve });
            }

            paragraph.Append(run);
            body.Append(paragraph);
        }

        return path;
    }

    /// <summary>A Word document whose headings are numbered by Word's multilevel list (1., 2.,
    /// 2.1., 2.2., 2.2.1.), not typed.</summary>
    public string WriteNumberedHeadingsDocx(string name, IEnumerable<(int Level, string Text)> paragraphs)
    {
        var path = PathOf(name);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                DecimalLevel(0, "%1."),
                DecimalLevel(1, "%1.%2."),
                DecimalLevel(2, "%1.%2.%3."),
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "" }) { LevelIndex = 3 })
            { AbstractNumberId = 7 },
            new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 3 });

        foreach (var (level, text) in paragraphs)
        {
            var paragraph = new Paragraph();
            if (level >= 0)
            {
                paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 3 })));
            }

            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(paragraph);
        }

        return path;

        static Level DecimalLevel(int index, string text) =>
            new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = text }) { LevelIndex = index };
    }

    private static IEnumerable<List<string>> Blocks(IEnumerable<string> lines)
    {
        var block = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }

                continue;
            }

            block.Add(line);
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a test that failed; the temp folder is cleaned by the OS.
        }
    }
}
