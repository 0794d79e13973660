using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DoSon.Bot.Reports;

/// <summary>Writes the monthly report as a Word document the office can edit into the next notice.</summary>
public static class ReportDocument
{
    public static void WriteDocx(MonthlyReport report, string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        body.Append(Paragraph(report.Title, bold: true, center: true, size: 28));
        body.Append(Paragraph(report.AsOf, italic: true, center: true));
        foreach (var block in report.Blocks)
        {
            body.Append(Paragraph(block.Heading, bold: true));
            foreach (var line in block.Lines)
            {
                body.Append(Paragraph(line));
            }
        }

        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, bool center = false, int size = 26)
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (italic)
        {
            runProperties.Append(new Italic());
        }

        var paragraph = new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        return paragraph;
    }
}
