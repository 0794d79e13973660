using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using DoSon.Bot.Reports;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reports;

/// <summary>The March 2026 report as a Word document, read back with OpenXml and set against its text version.</summary>
public sealed partial class ReportDocumentTests : IAsyncLifetime
{
    private MarchReport _march = null!;
    private WordprocessingDocument _doc = null!;

    public async Task InitializeAsync()
    {
        _march = await MarchReport.CreateAsync();
        _doc = WordprocessingDocument.Open(_march.DocxPath, false);
    }

    public async Task DisposeAsync()
    {
        _doc.Dispose();
        await _march.DisposeAsync();
    }

    private Body Body => _doc.MainDocumentPart!.Document.Body!;

    [Fact]
    public void The_document_is_valid_open_xml() =>
        new OpenXmlValidator().Validate(_doc).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();

    [Fact]
    public void The_header_is_a_borderless_two_column_table_with_the_committee_and_the_party()
    {
        var header = Body.Elements<Table>().First();
        header.Should().BeSameAs(Body.ChildElements[0], "the header opens the document");
        header.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Should().HaveCount(2);
        header.GetFirstChild<TableProperties>()!.TableBorders!.ChildElements
            .Cast<BorderType>().Should().OnlyContain(b => b.Val! == BorderValues.None);

        var cells = header.Elements<TableRow>().Select(r => r.Elements<TableCell>().ToList()).ToList();
        var left = cells.SelectMany(r => r[0].Elements<Paragraph>()).ToList();
        var right = cells.SelectMany(r => r[1].Elements<Paragraph>()).ToList();
        left.Select(p => p.InnerText).Should().Equal("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY PHƯỜNG ĐỒ SƠN", "*", "Số ........-BC/ĐU");
        IsBold(left[1]).Should().BeTrue();
        right.Select(p => p.InnerText).Should().Equal("ĐẢNG CỘNG SẢN VIỆT NAM", "Đồ Sơn, ngày 08 tháng 03 năm 2026");
        IsBold(right[0]).Should().BeTrue();
        right[0].Descendants<Underline>().Should().ContainSingle(u => u.Val! == UnderlineValues.Single);
        right[1].Descendants<Italic>().Should().NotBeEmpty();
    }

    [Fact]
    public void The_title_follows_the_header_centred_and_bold()
    {
        var title = Body.Elements<Paragraph>().Take(2).ToList();
        title.Select(p => p.InnerText).Should().Equal("BÁO CÁO", "Kết quả thực hiện nhiệm vụ tháng 03/2026");
        title.Should().OnlyContain(p => IsBold(p) && p.ParagraphProperties!.Justification!.Val! == JustificationValues.Center);
    }

    [Fact]
    public void The_headings_are_the_text_versions_blocks_and_the_fields_in_the_notices_order()
    {
        Styled(ReportDocument.HeadingStyle).Should().Equal(_march.Report.Blocks.Select(b => b.Heading));
        Styled(ReportDocument.FieldStyle).Should().Equal(
            "2.1. Công tác xây dựng Đảng, hệ thống chính trị và vận động Nhân dân",
            "2.2.1. Kinh tế - ngân sách",
            "2.2.2. Quản lý đô thị, đất đai, môi trường, giải phóng mặt bằng",
            "2.2.3. Văn hóa - xã hội",
            "2.2.4. Cải cách hành chính, chuyển đổi số",
            "2.2.5. Quốc phòng - an ninh");
    }

    [Fact]
    public void Each_fields_table_holds_the_same_tasks_as_the_text_version()
    {
        var fromText = TextSections(_march.Text);
        fromText.Keys.Should().Equal(Styled(ReportDocument.FieldStyle));
        fromText.Values.Sum(rows => rows.Count).Should().Be(23);

        var tables = TaskTables();
        tables.Should().HaveCount(fromText.Count);
        foreach (var (table, (field, expected)) in tables.Zip(fromText))
        {
            var rows = table.Elements<TableRow>().ToList();
            rows[0].Elements<TableCell>().Select(c => c.InnerText).Should().Equal(ReportTexts.TableHeader, field);
            rows.Skip(1).Select(r =>
            {
                var cells = r.Elements<TableCell>().ToList();
                var task = cells[1].Elements<Paragraph>().ToList();
                return new TextRow(
                    task[1].InnerText.Trim('(', ')'), task[0].InnerText, cells[2].InnerText, cells[3].InnerText,
                    cells[4].InnerText, cells[5].InnerText, cells[6].InnerText);
            }).Should().Equal(expected, field);
            rows.Skip(1).Select(r => r.Elements<TableCell>().First().InnerText)
                .Should().Equal(Enumerable.Range(1, expected.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void The_tables_show_done_overdue_and_blocked_tasks_as_chat_left_them()
    {
        var rows = TextSections(_march.Text).Values.SelectMany(r => r).ToDictionary(r => r.Code);
        rows["T2603-223-02"].Should().Be(rows["T2603-223-02"] with { Status = "hoàn thành", Percent = "100%", Late = "" });
        rows["T2603-225-01"].Should().Be(rows["T2603-225-01"] with { Due = "05/03/2026 07:30", Status = "chưa bắt đầu", Late = "3" });
        rows["T2603-225-02"].Status.Should().Be("vướng mắc");
        rows["T2603-21-07"].Percent.Should().Be("40%");
    }

    [Fact]
    public void The_header_row_of_every_task_table_repeats_across_pages() =>
        TaskTables().Should().OnlyContain(t =>
            t.Elements<TableRow>().First().TableRowProperties!.Elements<TableHeader>().Any()
            && t.Elements<TableRow>().Skip(1).All(r => !r.TableRowProperties!.Elements<TableHeader>().Any()));

    [Fact]
    public void No_title_is_cut_with_an_ellipsis_in_either_version()
    {
        Body.InnerText.Should().NotContain("…");
        _march.Text.Should().NotContain("…");
        const string full = "Hội đồng nhân dân phường tiếp tục triển khai các nhiệm vụ phục vụ cho công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031, đảm bảo cuộc bầu cử diễn ra thành công trên địa bàn phường";
        TaskTables().SelectMany(t => t.Descendants<Paragraph>()).Select(p => p.InnerText).Should().Contain(full);
        _march.Text.Should().Contain($"T2603-21-07: {full} — ");
    }

    [Fact]
    public void Blockers_are_in_the_reporters_words_with_who_and_when()
    {
        var line = $"- T2603-225-02 (Công an phường): {MarchReport.BlockerWords} — đồng chí Trưởng Công an phường báo ngày 08/03/2026.";
        _march.Text.Should().Contain($"{ReportTexts.Blockers}\n{line}");
        var paragraph = Body.Elements<Paragraph>().Single(p => p.InnerText.Contains(MarchReport.BlockerWords, StringComparison.Ordinal));
        paragraph.InnerText.Should().Contain($"“{MarchReport.BlockerWords}”").And.EndWith("đồng chí Trưởng Công an phường báo ngày 08/03/2026.");
        paragraph.Descendants<Run>().Single(r => r.InnerText.Contains(MarchReport.BlockerWords, StringComparison.Ordinal))
            .RunProperties!.Italic.Should().NotBeNull();
    }

    [Fact]
    public void The_signature_block_closes_the_document_with_recipients_left_and_the_signer_to_fill_right()
    {
        var last = Body.Elements<Table>().Last();
        last.Should().BeSameAs(Body.ChildElements[^2], "only the section properties follow it");
        var cells = last.Elements<TableRow>().Single().Elements<TableCell>().ToList();
        cells[0].Elements<Paragraph>().First().InnerText.Should().Be("Nơi nhận:");
        var right = cells[1].Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        right[0].Should().Be("T/M BAN THƯỜNG VỤ");
        right.Skip(1).Should().OnlyContain(t => Regex.IsMatch(t, @"^\.{10,}$"), "the signer's office and name are filled in by hand");
    }

    [Fact]
    public void Times_new_roman_at_13_to_14_points_throughout_on_an_a4_page_with_administrative_margins()
    {
        var styles = _doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        defaults.RunFonts!.Ascii!.Value.Should().Be("Times New Roman");
        defaults.RunFonts.HighAnsi!.Value.Should().Be("Times New Roman");
        defaults.RunFonts.ComplexScript!.Value.Should().Be("Times New Roman");
        defaults.FontSize!.Val!.Value.Should().Be("28");

        var fonts = styles.Descendants<RunFonts>().Concat(Body.Descendants<RunFonts>());
        fonts.Should().OnlyContain(f => f.Ascii!.Value == "Times New Roman" && f.HighAnsi!.Value == "Times New Roman");
        var sizes = styles.Descendants<FontSize>().Select(s => s.Val!.Value!)
            .Concat(Body.Descendants<FontSize>().Select(s => s.Val!.Value!)).Select(int.Parse).ToList();
        sizes.Should().NotBeEmpty().And.OnlyContain(s => s >= 26 && s <= 28);
        styles.Elements<Style>().Where(s => s.Type! == StyleValues.Paragraph).Select(s => s.StyleId!.Value)
            .Should().Contain(["Normal", ReportDocument.HeadingStyle, ReportDocument.FieldStyle]);

        var section = Body.Elements<SectionProperties>().Single();
        var page = section.GetFirstChild<PageSize>()!;
        (page.Width!.Value, page.Height!.Value).Should().Be((11906u, 16838u));
        var margin = section.GetFirstChild<PageMargin>()!;
        Mm(margin.Top!.Value).Should().BeInRange(20, 25);
        Mm(margin.Bottom!.Value).Should().BeInRange(20, 25);
        Mm(margin.Left!.Value).Should().BeInRange(30, 35);
        Mm(margin.Right!.Value).Should().BeInRange(15, 20);
    }

    internal sealed record TextRow(string Code, string Title, string Unit, string Due, string Status, string Percent, string Late);

    /// <summary>Section II of the text version: each field's summary line, then its tasks.</summary>
    internal static Dictionary<string, List<TextRow>> TextSections(string text)
    {
        var block = text.Split("\n\n").Single(b => b.StartsWith(ReportTexts.ByField, StringComparison.Ordinal));
        var sections = new Dictionary<string, List<TextRow>>();
        List<TextRow>? current = null;
        foreach (var line in block.Split('\n').Skip(1))
        {
            if (FieldLine().Match(line) is { Success: true } field)
            {
                sections[field.Groups["name"].Value] = current = [];
                continue;
            }

            var m = TaskLine().Match(line);
            m.Success.Should().BeTrue(line);
            current!.Add(new TextRow(m.Groups["code"].Value, m.Groups["title"].Value, m.Groups["unit"].Value, m.Groups["due"].Value,
                m.Groups["status"].Value, m.Groups["pct"].Value, m.Groups["late"].Value));
        }

        return sections;
    }

    private List<Table> TaskTables() =>
        Body.Elements<Table>().Where(t => t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count() == 7).ToList();

    private List<string> Styled(string style) =>
        Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText).ToList();

    private static bool IsBold(Paragraph p) => p.Descendants<Run>().All(r => r.RunProperties?.Bold is not null);

    private static double Mm(double twips) => Math.Round(twips / 56.7, 1);

    [GeneratedRegex(@"^- (?<name>.+): hoàn thành \d+/\d+, bình quân \d+%\.$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^  \+ (?<code>\S+): (?<title>.+) — (?<unit>[^—]+) chủ trì; (?<status>[^;]+) (?<pct>\d+%); hạn (?<due>\d\d/\d\d/\d{4}(?: \d\d:\d\d)?)(?: \(quá hạn (?<late>\d+) ngày\))?\.$")]
    private static partial Regex TaskLine();
}
