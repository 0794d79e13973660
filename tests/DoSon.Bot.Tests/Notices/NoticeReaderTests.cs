using System.Text;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using FluentAssertions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Notices;

public sealed class NoticeReaderTests : IDisposable
{
    private readonly NoticeFixtures _files = new();

    private static readonly string MarchJson = DraftWriter.ToJson(NoticeFixtures.March.File);

    private static NoticeDraft DraftOf(string path, NoticeOptions? options = null) =>
        new NoticeDrafter(Options.Create(options ?? new NoticeOptions())).Draft(path);

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Draft_FromTheExampleFile_ShouldGiveTheSameDraftAsTheParsedLines()
    {
        var draft = DraftOf(NoticeFixtures.TestData(NoticeFixtures.MarchFile));

        DraftWriter.ToJson(draft.File).Should().Be(MarchJson);
        draft.Report.TaskCount.Should().Be(23);
    }

    [Fact]
    public void Draft_FromContentSentInAChat_ShouldGiveTheSameDraftAndNameTheFileAsSent()
    {
        var drafter = new NoticeDrafter(Options.Create(new NoticeOptions { MaxFileBytes = 100 }));
        var bytes = File.ReadAllBytes(NoticeFixtures.TestData(NoticeFixtures.MarchFile));

        var big = () => drafter.Draft(bytes, "thong-bao.txt");
        var empty = () => drafter.Draft([], "thong-bao.docx");
        var draft = new NoticeDrafter(Options.Create(new NoticeOptions())).Draft(bytes, "thong-bao.txt");

        DraftWriter.ToJson(draft.File).Should().Be(MarchJson);
        draft.Report.FileName.Should().Be("thong-bao.txt");
        big.Should().Throw<NoticeRejectedException>().WithMessage($"*«thong-bao.txt» quá lớn*");
        empty.Should().Throw<NoticeRejectedException>().Which.Message.Should().Be(NoticeTexts.EmptyFile("thong-bao.docx"));
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16")]
    [InlineData("crlf")]
    public void Draft_FromATextFileInAnotherEncoding_ShouldGiveTheSameDraft(string variant)
    {
        var text = File.ReadAllText(NoticeFixtures.TestData(NoticeFixtures.MarchFile));
        var path = variant switch
        {
            "utf8-bom" => _files.WriteText("bom.txt", text, new UTF8Encoding(true)),
            "utf16" => _files.WriteText("utf16.txt", text, new UnicodeEncoding(false, true)),
            _ => _files.WriteText("crlf.txt", text.Replace("\n", "\r\n", StringComparison.Ordinal)),
        };

        DraftWriter.ToJson(DraftOf(path).File).Should().Be(MarchJson);
    }

    [Fact]
    public void Draft_FromDecomposedUnicode_ShouldGiveTheSameDraft()
    {
        var text = File.ReadAllText(NoticeFixtures.TestData(NoticeFixtures.MarchFile)).Normalize(NormalizationForm.FormD);
        var path = _files.WriteText("nfd.txt", text);

        var json = DraftWriter.ToJson(DraftOf(path).File);

        json.Should().Be(MarchJson);
        json.IsNormalized(NormalizationForm.FormC).Should().BeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Draft_FromAWordDocumentWithTheSameContent_ShouldGiveTheSameDraft(bool bulletsAsNumbering)
    {
        var path = _files.WriteDocx("thong-bao.docx", NoticeFixtures.Lines(NoticeFixtures.MarchFile), bulletsAsNumbering);

        var draft = DraftOf(path);

        DraftWriter.ToJson(draft.File).Should().Be(MarchJson);
        draft.Notice.FileName.Should().Be(path);
        draft.Notice.Sections.Single(s => s.Number == "2.1").Items.Should().OnlyContain(i => i.IsDashItem,
            "Word's bullets are read as the \"-\" of each item");
    }

    [Fact]
    public void ReadDocx_ShouldWriteWordsListNumbersInFrontOfTheParagraphs()
    {
        var path = _files.WriteNumberedHeadingsDocx("so-tu-dong.docx",
        [
            (0, "Kết quả thực hiện nhiệm vụ tháng 3"),
            (-1, "Nội dung phần 1."),
            (0, "Nhiệm vụ trọng tâm tháng 4 năm 2026"),
            (1, "Về xây dựng Đảng"),
            (3, "Việc thứ nhất."),
            (1, "Về kinh tế - xã hội"),
            (2, "Về kinh tế - ngân sách"),
            (2, "Về văn hóa - xã hội"),
        ]);

        var lines = NoticeReader.Read(path, 1_000_000).Where(l => l.Length > 0);

        lines.Should().Equal(
            "1. Kết quả thực hiện nhiệm vụ tháng 3",
            "Nội dung phần 1.",
            "2. Nhiệm vụ trọng tâm tháng 4 năm 2026",
            "2.1. Về xây dựng Đảng",
            "- Việc thứ nhất.",
            "2.2. Về kinh tế - xã hội",
            "2.2.1. Về kinh tế - ngân sách",
            "2.2.2. Về văn hóa - xã hội");
    }

    [Fact]
    public void Read_WhenTheFileIsEmpty_ShouldRefuseNamingIt()
    {
        var path = _files.WriteBytes("rong.txt", []);

        var act = () => NoticeReader.Read(path, 1000);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"*«{path}» rỗng*");
    }

    [Fact]
    public void Read_WhenTheFileIsTooLarge_ShouldRefuseNamingTheLimit()
    {
        var path = _files.WriteText("lon.txt", new string('a', 2048));

        var act = () => NoticeReader.Read(path, 1024);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"*«{path}» quá lớn (2 KB)*1 KB*Notices:MaxFileBytes*");
    }

    [Fact]
    public void Read_WhenTheTextFileHoldsRandomBytes_ShouldSayItIsNotText()
    {
        var path = _files.WriteBytes("nhi-phan.txt", RandomBytes());

        var act = () => NoticeReader.Read(path, 1_000_000);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"*«{path}» không phải tệp văn bản*");
    }

    [Fact]
    public void Read_WhenTheDocxHoldsRandomBytes_ShouldSayItIsDamaged()
    {
        var path = _files.WriteBytes("hong.docx", RandomBytes());

        var act = () => NoticeReader.Read(path, 1_000_000);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"*«{path}» bị hỏng*");
    }

    [Fact]
    public void Read_WhenTheDocxIsCutShort_ShouldSayItIsDamaged()
    {
        var whole = File.ReadAllBytes(_files.WriteDocx("nguyen.docx", NoticeFixtures.Lines(NoticeFixtures.MarchFile), false));
        var path = _files.WriteBytes("cut.docx", whole[..(whole.Length / 2)]);

        var act = () => NoticeReader.Read(path, 1_000_000);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"*«{path}» bị hỏng*");
    }

    [Fact]
    public void Read_WhenTheDocxIsAZipOfSomethingElse_ShouldSaySo()
    {
        var path = _files.WriteZip("nen.docx");

        var act = () => NoticeReader.Read(path, 1_000_000);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"*«{path}» là tệp nén nhưng không phải tài liệu Word*");
    }

    [Theory]
    [InlineData("thong-bao.pdf", "không phải .txt hoặc .docx")]
    [InlineData("thong-bao.doc", "định dạng Word cũ (.doc)")]
    public void Read_WhenTheFileIsOfAnotherType_ShouldSayWhatToDo(string name, string message)
    {
        var path = _files.WriteText(name, "THÔNG BÁO");

        var act = () => NoticeReader.Read(path, 1_000_000);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"*«{path}»*{message}*");
    }

    [Fact]
    public void Read_WhenTheFileIsMissing_ShouldSaySo()
    {
        var path = _files.PathOf("khong-co.txt");

        var act = () => NoticeReader.Read(path, 1_000_000);

        act.Should().Throw<NoticeRejectedException>().WithMessage($"Không tìm thấy tệp «{path}».");
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(20260315).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void ToJson_ShouldKeepVietnameseReadable()
    {
        MarchJson.Should().Contain("\"title\": \"Chỉ đạo sản xuất, đẩy mạnh khai thác vụ cá Bắc\"");
        MarchJson.Should().NotContain("\\u");
        var back = System.Text.Json.JsonSerializer.Deserialize<AssignmentFile>(MarchJson)!;
        back.Tasks.Should().HaveCount(23);
        back.Milestones.Should().HaveCount(5);
    }
}
