using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DoSon.Bot.Reports;

/// <summary>Writes the monthly report in the form of a Party committee's document (as the monthly
/// notice is laid out): the two-column header, the title, the sections with one table per field of the
/// notice, the blockers in the reporters' words, and the signature block. The number and the signer
/// are left as dots to be filled in by hand, as the office registers and signs the report.</summary>
public static class ReportDocument
{
    public const string Font = "Times New Roman";

    /// <summary>Half-points: 14 pt for the text, 13 pt in tables and the header.</summary>
    public const int BodySize = 28;
    public const int SmallSize = 26;

    /// <summary>A4 in twips.</summary>
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;

    /// <summary>Margins of an administrative document (Nghị định 30/2020/NĐ-CP): top and bottom
    /// 20 mm, left 30 mm, right 20 mm, in twips (1 mm = 56.7 twips).</summary>
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int MarginLeft = 1701;
    public const int MarginRight = 1134;

    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    public const string HeadingStyle = "Heading1";
    public const string FieldStyle = "Heading2";
    public const string TableTextStyle = "TableText";

    private static readonly int[] TaskColumns = [620, 2780, 1560, 1400, 1150, 860, 701];

    public static void WriteDocx(MonthlyReport report, string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        Write(document, report, null);
    }

    /// <summary>The same document into a stream (the web console's download), with the chart of
    /// section VI as a picture under it when <paramref name="unitChartPng"/> is given.</summary>
    public static void WriteDocx(MonthlyReport report, Stream stream, byte[]? unitChartPng = null)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        Write(document, report, unitChartPng);
    }

    private static void Write(WordprocessingDocument document, MonthlyReport report, byte[]? unitChartPng)
    {
        var main = document.AddMainDocumentPart();
        AddStyles(main);

        var body = new Body();
        body.Append(HeaderTable(report));
        body.Append(Paragraph(ReportTexts.DocumentKind, bold: true, center: true, spaceBefore: 240));
        body.Append(Paragraph(ReportTexts.DocumentSubject(report.Month, report.Year), bold: true, center: true));
        body.Append(Paragraph(report.AsOf, italic: true, center: true, size: SmallSize, spaceAfter: 240));

        foreach (var block in report.Blocks)
        {
            body.Append(Styled(HeadingStyle, block.Heading));
            if (block.Heading == ReportTexts.ByField && report.Sections.Count > 0)
            {
                foreach (var section in report.Sections)
                {
                    body.Append(Styled(FieldStyle, section.Name));
                    body.Append(Paragraph(ReportTexts.SectionCount(section)));
                    body.Append(TaskTable(section));
                }
            }
            else if (block.Heading == ReportTexts.Blockers && report.BlockerNotes.Count > 0)
            {
                foreach (var blocker in report.BlockerNotes)
                {
                    body.Append(BlockerParagraph(blocker));
                }
            }
            else
            {
                foreach (var line in block.Lines)
                {
                    body.Append(Paragraph(line));
                }

                if (block.Heading == ReportTexts.ByUnit && unitChartPng is not null)
                {
                    body.Append(Picture(document.MainDocumentPart!, unitChartPng));
                }
            }
        }

        body.Append(SignatureTable());
        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = MarginTop, Bottom = MarginBottom, Left = (uint)MarginLeft, Right = (uint)MarginRight,
                Header = 567, Footer = 567, Gutter = 0,
            }));

        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>The chart's picture, as wide as the text and in the chart's own proportions (720 × 360).</summary>
    private static Paragraph Picture(MainDocumentPart main, byte[] png)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            image.FeedData(data);
        }

        const long emuPerTwip = 635;
        long width = TextWidth * emuPerTwip, height = width / 2;
        var id = main.GetIdOfPart(image);
        var graphic = new DocumentFormat.OpenXml.Drawing.Graphic(new DocumentFormat.OpenXml.Drawing.GraphicData(
            new DocumentFormat.OpenXml.Drawing.Pictures.Picture(
                new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureProperties(
                    new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualDrawingProperties { Id = 0U, Name = "bieu-do.png" },
                    new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureDrawingProperties()),
                new DocumentFormat.OpenXml.Drawing.Pictures.BlipFill(
                    new DocumentFormat.OpenXml.Drawing.Blip { Embed = id },
                    new DocumentFormat.OpenXml.Drawing.Stretch(new DocumentFormat.OpenXml.Drawing.FillRectangle())),
                new DocumentFormat.OpenXml.Drawing.Pictures.ShapeProperties(
                    new DocumentFormat.OpenXml.Drawing.Transform2D(
                        new DocumentFormat.OpenXml.Drawing.Offset { X = 0L, Y = 0L },
                        new DocumentFormat.OpenXml.Drawing.Extents { Cx = width, Cy = height }),
                    new DocumentFormat.OpenXml.Drawing.PresetGeometry(new DocumentFormat.OpenXml.Drawing.AdjustValueList())
                    { Preset = DocumentFormat.OpenXml.Drawing.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = width, Cy = height },
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = 1U, Name = "Biểu đồ" },
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.NonVisualGraphicFrameDrawingProperties(
                new DocumentFormat.OpenXml.Drawing.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }

    /// <summary>The font and size live in the document defaults and the styles, so that text the office
    /// types into the document later comes out the same.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = Half(BodySize) },
                    new FontSizeComplexScript { Val = Half(BodySize) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties(RunFontsAll(), new FontSize { Val = Half(BodySize) }, new FontSizeComplexScript { Val = Half(BodySize) }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "heading 1" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new KeepNext(),
                    new SpacingBetweenLines { Before = "180", After = "60" },
                    new Justification { Val = JustificationValues.Left },
                    new OutlineLevel { Val = 0 }),
                new StyleRunProperties(RunFontsAll(), new Bold(), new BoldComplexScript(), new FontSize { Val = Half(BodySize) }, new FontSizeComplexScript { Val = Half(BodySize) }))
            { Type = StyleValues.Paragraph, StyleId = HeadingStyle },
            new Style(
                new StyleName { Val = "heading 2" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new KeepNext(),
                    new SpacingBetweenLines { Before = "120", After = "60" },
                    new OutlineLevel { Val = 1 }),
                new StyleRunProperties(RunFontsAll(), new Bold(), new BoldComplexScript(), new Italic(), new FontSize { Val = Half(BodySize) }, new FontSizeComplexScript { Val = Half(BodySize) }))
            { Type = StyleValues.Paragraph, StyleId = FieldStyle },
            new Style(
                new StyleName { Val = "Table Text" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(RunFontsAll(), new FontSize { Val = Half(SmallSize) }, new FontSizeComplexScript { Val = Half(SmallSize) }))
            { Type = StyleValues.Paragraph, StyleId = TableTextStyle, CustomStyle = true });
        styles.Styles.Save();
    }

    private static Table HeaderTable(MonthlyReport report)
    {
        // Wide enough on the left for the superior committee's name on one line.
        const int left = 4820;
        var table = BorderlessTable(left, TextWidth - left);
        table.Append(new TableRow(
            Cell(left,
                HeaderLine(ReportTexts.SuperiorCommittee),
                HeaderLine(ReportTexts.Committee, bold: true),
                HeaderLine(ReportTexts.Star)),
            Cell(TextWidth - left,
                HeaderLine(ReportTexts.Party, bold: true, underline: true))));
        table.Append(new TableRow(
            Cell(left, HeaderLine(ReportTexts.Number)),
            Cell(TextWidth - left, HeaderLine(ReportTexts.PlaceAndDate(report.MadeOn == default ? null : report.MadeOn), italic: true))));
        return table;
    }

    private static Paragraph HeaderLine(string text, bool bold = false, bool italic = false, bool underline = false) =>
        Paragraph(text, bold, italic, center: true, size: SmallSize, underline: underline, spaceAfter: 0, style: TableTextStyle);

    private static Table TaskTable(ReportSection section)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Twips(TextWidth), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })),
            new TableGrid(TaskColumns.Select(w => new GridColumn { Width = Twips(w) })));

        // The header row is repeated on every page the table runs onto.
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < TaskColumns.Length; i++)
        {
            header.Append(Cell(TaskColumns[i], TableParagraph(ReportTexts.TableHeader[i], bold: true, center: true)));
        }

        table.Append(header);
        var number = 0;
        foreach (var row in section.Rows)
        {
            number++;
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Cell(TaskColumns[0], TableParagraph(number.ToString(CultureInfo.InvariantCulture), center: true)),
                Cell(TaskColumns[1], TableParagraph(row.Title), TableParagraph($"({row.Code})", italic: true)),
                Cell(TaskColumns[2], TableParagraph(row.LeadUnit)),
                Cell(TaskColumns[3], TableParagraph(row.Due, center: true)),
                Cell(TaskColumns[4], TableParagraph(row.StatusText, center: true)),
                Cell(TaskColumns[5], TableParagraph(row.PercentText, center: true)),
                Cell(TaskColumns[6], TableParagraph(row.DaysOverdueText, center: true))));
        }

        return table;
    }

    private static Paragraph BlockerParagraph(ReportBlocker blocker)
    {
        var paragraph = new Paragraph(
            Run(ReportTexts.BlockerTask(blocker)),
            Run(ReportTexts.Quoted(blocker.Words), italic: true));
        if (blocker.Who is not null)
        {
            paragraph.Append(Run(" — " + ReportTexts.BlockerSource(blocker)));
        }

        return paragraph;
    }

    private static Table SignatureTable()
    {
        const int left = 4535;
        var table = BorderlessTable(left, TextWidth - left);
        var recipients = Cell(left, Paragraph(ReportTexts.Recipients, bold: true, italic: true, size: SmallSize, spaceAfter: 0, style: TableTextStyle));
        foreach (var line in ReportTexts.RecipientLines)
        {
            recipients.Append(Paragraph(line, size: SmallSize, spaceAfter: 0, style: TableTextStyle));
        }

        table.Append(new TableRow(
            new TableRowProperties(new CantSplit()),
            recipients,
            Cell(TextWidth - left,
                Paragraph(ReportTexts.OnBehalf, bold: true, center: true, spaceAfter: 0, style: TableTextStyle, size: BodySize),
                Paragraph(ReportTexts.SignerOffice, bold: true, center: true, spaceAfter: 0, style: TableTextStyle, size: BodySize),
                Paragraph("", style: TableTextStyle, spaceAfter: 0),
                Paragraph("", style: TableTextStyle, spaceAfter: 0),
                Paragraph("", style: TableTextStyle, spaceAfter: 0),
                Paragraph(ReportTexts.SignerName, bold: true, center: true, spaceAfter: 0, style: TableTextStyle, size: BodySize))));
        return table;
    }

    private static Table BorderlessTable(params int[] widths) => new(
        new TableProperties(
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));

    private static TableCell Cell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph TableParagraph(string text, bool bold = false, bool italic = false, bool center = false) =>
        Paragraph(text, bold, italic, center, style: TableTextStyle, spaceAfter: null);

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    private static Paragraph Paragraph(
        string text, bool bold = false, bool italic = false, bool center = false, int? size = null,
        bool underline = false, int? spaceBefore = null, int? spaceAfter = null, string? style = null)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (spaceBefore is not null || spaceAfter is not null)
        {
            // An attribute set to null is written empty, which is invalid: set only those given.
            var spacing = new SpacingBetweenLines();
            if (spaceBefore is { } before)
            {
                spacing.Before = Twips(before);
            }

            if (spaceAfter is { } after)
            {
                spacing.After = Twips(after);
            }

            properties.Append(spacing);
        }

        if (center)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(text, bold, italic, size, underline));
        }

        return paragraph;
    }

    private static Run Run(string text, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        // The schema's order: size before underline.
        if (size is { } s)
        {
            properties.Append(new FontSize { Val = Half(s) }, new FontSizeComplexScript { Val = Half(s) });
        }

        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static RunFonts RunFontsAll() => new() { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };

    private static string Half(int size) => size.ToString(CultureInfo.InvariantCulture);

    private static string Twips(int width) => width.ToString(CultureInfo.InvariantCulture);
}
