using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DoSon.Bot.Notices;

/// <summary>The text of a Word document as its reader sees it, automatic numbering included:
/// "2.2.1." headings and "-" items are often Word list numbering, not typed characters.</summary>
internal sealed class DocxText
{
    private sealed record LevelFormat(string Format, string Text, int Start);

    private readonly Dictionary<int, Dictionary<int, LevelFormat>> _levelsByNum = [];
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = new(StringComparer.Ordinal);

    private DocxText(MainDocumentPart main)
    {
        ReadNumbering(main.NumberingDefinitionsPart?.Numbering);
        ReadStyles(main.StyleDefinitionsPart?.Styles);
    }

    public static IReadOnlyList<string> Lines(MainDocumentPart main, Body body)
    {
        var reader = new DocxText(main);
        var lines = new List<string>();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            // Text boxes are stored twice (modern and fallback form); read the modern one only.
            if (paragraph.Ancestors<AlternateContentFallback>().Any())
            {
                continue;
            }

            var text = reader.Prefix(paragraph) + ParagraphText(paragraph);
            lines.AddRange(text.Split('\n'));
            lines.Add("");
        }

        return lines;
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t when !t.Ancestors<Paragraph>().First().Equals(paragraph):
                    // Text of a nested paragraph (a text box inside this one) is read with that paragraph.
                    break;
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
            }
        }

        return sb.ToString();
    }

    private string Prefix(Paragraph paragraph)
    {
        var (numId, level) = NumberingOf(paragraph);
        if (numId <= 0 || !_levelsByNum.TryGetValue(numId, out var levels) || !levels.TryGetValue(level, out var format))
        {
            return "";
        }

        if (format.Format == "bullet")
        {
            return "- ";
        }

        if (!_counters.TryGetValue(numId, out var counters))
        {
            counters = Enumerable.Repeat(int.MinValue, 9).ToArray();
            _counters[numId] = counters;
        }

        counters[level] = counters[level] == int.MinValue ? format.Start : counters[level] + 1;
        for (var deeper = level + 1; deeper < counters.Length; deeper++)
        {
            counters[deeper] = int.MinValue;
        }

        var label = format.Text;
        for (var l = 0; l <= level; l++)
        {
            var value = counters[l] == int.MinValue ? (levels.TryGetValue(l, out var lf) ? lf.Start : 1) : counters[l];
            var fmt = levels.TryGetValue(l, out var f) ? f.Format : "decimal";
            label = label.Replace($"%{l + 1}", Render(value, fmt), StringComparison.Ordinal);
        }

        return label.Length == 0 || format.Format == "none" ? "" : label + " ";
    }

    private (int NumId, int Level) NumberingOf(Paragraph paragraph)
    {
        var props = paragraph.ParagraphProperties;
        var direct = props?.NumberingProperties;
        var styleId = props?.ParagraphStyleId?.Val?.Value;
        var fromStyle = styleId is not null && _styleNumbering.TryGetValue(styleId, out var s) ? s : (0, 0);
        var numId = direct?.NumberingId?.Val?.Value ?? fromStyle.Item1;
        var level = direct?.NumberingLevelReference?.Val?.Value ?? fromStyle.Item2;
        return (numId, Math.Clamp(level, 0, 8));
    }

    private void ReadNumbering(Numbering? numbering)
    {
        if (numbering is null)
        {
            return;
        }

        var abstracts = new Dictionary<int, Dictionary<int, LevelFormat>>();
        foreach (var an in numbering.Elements<AbstractNum>())
        {
            if (an.AbstractNumberId?.Value is not { } id)
            {
                continue;
            }

            abstracts[id] = an.Elements<Level>().ToDictionary(
                l => l.LevelIndex?.Value ?? 0,
                l => new LevelFormat(
                    l.NumberingFormat?.Val?.InnerText ?? "decimal",
                    l.LevelText?.Val?.Value ?? "",
                    l.StartNumberingValue?.Val?.Value ?? 1));
        }

        foreach (var num in numbering.Elements<NumberingInstance>())
        {
            if (num.NumberID?.Value is not { } numId || num.AbstractNumId?.Val?.Value is not { } abstractId
                || !abstracts.TryGetValue(abstractId, out var levels))
            {
                continue;
            }

            var copy = new Dictionary<int, LevelFormat>(levels);
            foreach (var o in num.Elements<LevelOverride>())
            {
                if (o.LevelIndex?.Value is { } li && o.StartOverrideNumberingValue?.Val?.Value is { } start && copy.TryGetValue(li, out var lf))
                {
                    copy[li] = lf with { Start = start };
                }
            }

            _levelsByNum[numId] = copy;
        }
    }

    private void ReadStyles(Styles? styles)
    {
        if (styles is null)
        {
            return;
        }

        var all = styles.Elements<Style>().Where(s => s.StyleId?.Value is not null).ToDictionary(s => s.StyleId!.Value!, StringComparer.Ordinal);
        foreach (var (id, style) in all)
        {
            // Follow basedOn a few steps: a heading style often inherits its numbering.
            var current = style;
            for (var depth = 0; current is not null && depth < 5; depth++)
            {
                var np = current.StyleParagraphProperties?.NumberingProperties;
                if (np?.NumberingId?.Val?.Value is { } numId)
                {
                    _styleNumbering[id] = (numId, np.NumberingLevelReference?.Val?.Value ?? 0);
                    break;
                }

                var basedOn = current.BasedOn?.Val?.Value;
                current = basedOn is not null && all.TryGetValue(basedOn, out var parent) ? parent : null;
            }
        }
    }

    private static string Render(int value, string format) => format switch
    {
        "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
        "lowerLetter" => Letters(value).ToLowerInvariant(),
        "upperLetter" => Letters(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int value)
    {
        if (value < 1)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var letter = (char)('A' + ((value - 1) % 26));
        return new string(letter, ((value - 1) / 26) + 1);
    }

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        foreach (var (n, s) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            while (value >= n)
            {
                sb.Append(s);
                value -= n;
            }
        }

        return sb.ToString();
    }
}
