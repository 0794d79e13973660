using System.Globalization;
using System.Text.RegularExpressions;

namespace DoSon.Bot.Notices;

/// <summary>Reads the structure of a "Thông báo kết luận" from its lines: the header, part 1
/// (context), the numbered sections of part 2 with their items, and the closing. Pure: no files,
/// no settings, no guessing of dates or units (that is <see cref="NoticeDraftBuilder"/>'s job).</summary>
public static partial class NoticeParser
{
    [GeneratedRegex(@"^THÔNG\s+BÁO\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"(?:^|\s)Số\s*:?\s*(?<n>\d*\s*-?\s*[\p{Lu}]+(?:/[\p{Lu}\d\-]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<place>[\p{Lu}][\p{Ll}]+(?:\s[\p{Lu}][\p{Ll}]+){0,3})\s*,\s*ngày\s*[.…]*\s*(?<d>\d{1,2})?\s*[.…]*\s*tháng\s*(?<m>\d{1,2})\s*năm\s*(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDatePattern();

    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2}/\d{1,2}/\d{4})[^.;]{0,80}?\bhọp\b|\bhọp\b[^.;]{0,40}?ngày\s+(?<d>\d{1,2}/\d{1,2}/\d{4})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MeetingPattern();

    [GeneratedRegex(@"trọng\s+tâm(?:\s+công\s+tác)?\s+tháng\s+(?<m>\d{1,2})(?:\s*(?:năm|/)\s*(?<y>\d{4}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FocusMonthPattern();

    [GeneratedRegex(@"tháng\s+(?<m>\d{1,2})(?:\s*(?:năm|/)\s*(?<y>\d{4}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnyMonthPattern();

    [GeneratedRegex(@"^1\.\s*(?!\d)\S", RegexOptions.CultureInvariant)]
    private static partial Regex PartOneHeading();

    [GeneratedRegex(@"^2\.\s*(?!\d)(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartTwoHeading();

    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"chịu\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thực\s+hiện\s+Thông\s+báo|thực\s+hiện\s+(?:tốt\s+|nghiêm\s+túc\s+)?Thông\s+báo\s+này|chịu\s+trách\s+nhiệm\s+giúp|^Giao\s+(?:cho\s+)?các\s+đồng\s+chí|^Nơi\s+nhận|^(?:T/L|TL\.|TM\.|T\.M\.|K/T|KT\.)\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClosingPattern();

    private const string DashMarkers = "-–—−‐‑•·\uF0B7\uF02D";

    /// <summary>Parses the lines of a notice (any Unicode form; a line may hold several lines).</summary>
    /// <exception cref="NoticeRejectedException">The text is empty, is not a notice, or has no part 2
    /// or no task in it.</exception>
    public static ParsedNotice Parse(IEnumerable<string> rawLines, string fileName)
    {
        var lines = rawLines
            .SelectMany(l => l.Split('\n'))
            .Select(Tidy)
            .ToList();
        if (lines.All(l => l.Length == 0))
        {
            throw new NoticeRejectedException(NoticeTexts.EmptyFile(fileName));
        }

        var warnings = new List<string>();
        var titleIndex = lines.FindIndex(l => TitleStart().IsMatch(l));
        var headerEnd = titleIndex >= 0 ? titleIndex : Math.Min(lines.Count, 15);
        var headerText = string.Join("\n", lines.Take(headerEnd));

        var (titleLines, bodyStart) = ReadTitle(lines, titleIndex);
        var paragraphs = JoinParagraphs(lines.Skip(bodyStart));

        var partTwo = paragraphs.FindIndex(p => PartTwoHeading().Match(p) is { Success: true } m
            && Regex.IsMatch(m.Groups["title"].Value, "nhiệm vụ|phương hướng|nhiệm vụ trọng tâm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        if (partTwo < 0)
        {
            var looksLikeNotice = titleIndex >= 0 || lines.Any(l => l.Contains("kết luận", StringComparison.OrdinalIgnoreCase));
            throw new NoticeRejectedException(looksLikeNotice ? NoticeTexts.NoPartTwo(fileName) : NoticeTexts.NotANotice(fileName));
        }

        var title = string.Join(" ", titleLines);
        var header = ReadHeader(headerText, title, paragraphs.Take(partTwo), warnings);
        var (year, month) = ReadMonth(paragraphs[partTwo], title, header, fileName, warnings);

        var partOne = paragraphs.FindIndex(0, partTwo, p => PartOneHeading().IsMatch(p));
        var results = paragraphs.Skip(partOne + 1).Take(partTwo - partOne - 1).ToList();

        var (sections, closing) = ReadPartTwo(paragraphs, partTwo, warnings);
        if (sections.Sum(s => s.Items.Count) == 0)
        {
            throw new NoticeRejectedException(NoticeTexts.NoTasks(fileName));
        }

        return new ParsedNotice(fileName, header, year, month, results, sections, closing, warnings);
    }

    private static string Tidy(string raw)
    {
        var line = VietnameseText.Clean(raw);

        // Markdown-style bold left by some converters ("**T/L BAN THƯỜNG VỤ").
        line = line.Trim('*', '_').Trim();
        if (line.All(c => c is '*' or '-' or '_' or '=' or '.' or '…' or '~'))
        {
            return "";
        }

        if (DashMarkers.Contains(line[0], StringComparison.Ordinal))
        {
            line = "- " + line[1..].TrimStart(DashMarkers.ToCharArray()).TrimStart();
        }

        return line;
    }

    private static (List<string> Lines, int BodyStart) ReadTitle(List<string> lines, int titleIndex)
    {
        if (titleIndex < 0)
        {
            return ([], 0);
        }

        var title = new List<string> { lines[titleIndex] };
        var i = titleIndex + 1;
        var end = i;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var titleLike = line.Length < 200 && !line.StartsWith('-') && !SectionHeading().IsMatch(line)
                && (IsUpperCase(line) || VietnameseText.StartsLowerCase(line) || (line.StartsWith("Về ", StringComparison.Ordinal) && title.Count <= 2));
            if (!titleLike)
            {
                break;
            }

            title.Add(line);
            end = i + 1;
        }

        return (title, end);
    }

    private static bool IsUpperCase(string line)
    {
        var letters = line.Where(char.IsLetter).ToList();
        return letters.Count >= 3 && letters.All(char.IsUpper);
    }

    /// <summary>Paragraphs, with the pieces a page break cut apart joined again: a line starting in
    /// lower case continues the one before, even with blank lines between; so does a line starting
    /// with a digit when the one before stops mid-sentence ("nhiệm kỳ" / "2026 - 2031 ...").</summary>
    private static List<string> JoinParagraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (paragraphs.Count > 0 && ContinuesPrevious(paragraphs[^1], line))
            {
                paragraphs[^1] = paragraphs[^1] + " " + line;
            }
            else
            {
                paragraphs.Add(line);
            }
        }

        return paragraphs;
    }

    private static bool ContinuesPrevious(string previous, string line)
    {
        if (VietnameseText.StartsLowerCase(line))
        {
            return true;
        }

        return char.IsDigit(line[0])
            && !SectionHeading().IsMatch(line) && !PartOneHeading().IsMatch(line) && !PartTwoHeading().IsMatch(line)
            && !IsHeading(previous)
            && !".;:!?…\")”".Contains(previous[^1], StringComparison.Ordinal);
    }

    private static bool IsHeading(string paragraph) =>
        SectionHeading().IsMatch(paragraph) || PartOneHeading().IsMatch(paragraph) || PartTwoHeading().IsMatch(paragraph);

    private static NoticeHeader ReadHeader(string headerText, string title, IEnumerable<string> beforePartTwo, List<string> warnings)
    {
        string? number = null;
        var numberBlank = true;
        if (NumberPattern().Match(headerText) is { Success: true } n)
        {
            number = Regex.Replace(n.Groups["n"].Value, @"\s+", "");
            numberBlank = !char.IsDigit(number[0]);
        }

        if (number is null)
        {
            warnings.Add(NoticeTexts.NumberMissing);
        }
        else if (numberBlank)
        {
            warnings.Add(NoticeTexts.NumberBlank(number));
        }

        string? place = null;
        DateOnly? date = null;
        (int, int)? issueMonth = null;
        if (PlaceDatePattern().Match(headerText) is { Success: true } pd)
        {
            place = pd.Groups["place"].Value;
            var y = int.Parse(pd.Groups["y"].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(pd.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (m is >= 1 and <= 12)
            {
                issueMonth = (y, m);
                if (pd.Groups["d"].Success && int.Parse(pd.Groups["d"].Value, CultureInfo.InvariantCulture) is var d
                    && d >= 1 && d <= DateTime.DaysInMonth(y, m))
                {
                    date = new DateOnly(y, m, d);
                }
                else
                {
                    warnings.Add(NoticeTexts.DayBlank(m, y));
                }
            }
        }
        else
        {
            warnings.Add(NoticeTexts.IssueDateMissing);
        }

        if (title.Length == 0)
        {
            warnings.Add(NoticeTexts.TitleMissing);
        }

        DateOnly? meeting = null;
        foreach (var p in beforePartTwo)
        {
            if (MeetingPattern().Match(p) is { Success: true } mm && WardDate(mm.Groups["d"].Value) is { } md)
            {
                meeting = md;
                break;
            }
        }

        return new NoticeHeader(number, numberBlank, place, date, issueMonth, title, meeting);
    }

    private static DateOnly? WardDate(string text) =>
        DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static (int Year, int Month) ReadMonth(string partTwoHeading, string title, NoticeHeader header, string fileName, List<string> warnings)
    {
        var fromHeading = MonthIn(partTwoHeading, FocusMonthPattern()) ?? MonthIn(partTwoHeading, AnyMonthPattern());
        var fromTitle = MonthIn(title, FocusMonthPattern());
        var chosen = fromHeading ?? fromTitle
            ?? throw new NoticeRejectedException(NoticeTexts.NoMonth(fileName));

        var year = chosen.Year ?? (fromHeading?.Month == fromTitle?.Month ? fromTitle?.Year : null);
        if (year is null && header.IssueMonth is { } issue)
        {
            // A notice issued in December for "tháng 01" is about the coming year.
            year = chosen.Month < issue.Month - 6 ? issue.Year + 1 : issue.Year;
        }

        if (year is null)
        {
            throw new NoticeRejectedException(NoticeTexts.NoMonth(fileName));
        }

        if (fromHeading is { } h && fromTitle is { } t && (h.Month != t.Month || (h.Year ?? year) != (t.Year ?? year)))
        {
            warnings.Add(NoticeTexts.MonthsDisagree(t.Month, t.Year ?? year.Value, h.Month, h.Year ?? year.Value));
        }

        return (year.Value, chosen.Month);
    }

    private static (int Month, int? Year)? MonthIn(string text, Regex pattern)
    {
        foreach (Match m in pattern.Matches(text))
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12)
            {
                int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
                return (month, year);
            }
        }

        return null;
    }

    private sealed class SectionBuilder(string number, string title)
    {
        public string Number { get; } = number;
        public string Title { get; } = title;
        public List<(bool Dash, string Text)> Paragraphs { get; } = [];
    }

    private static (List<NoticeSection> Sections, List<string> Closing) ReadPartTwo(List<string> paragraphs, int partTwo, List<string> warnings)
    {
        var partTitle = PartTwoHeading().Match(paragraphs[partTwo]).Groups["title"].Value;
        var builders = new List<SectionBuilder> { new("2", partTitle) };
        var closing = new List<string>();
        for (var i = partTwo + 1; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var isDash = p.StartsWith("- ", StringComparison.Ordinal) || p == "-";
            if (!isDash && ClosingPattern().IsMatch(p))
            {
                closing.AddRange(paragraphs.Skip(i));
                break;
            }

            if (SectionHeading().Match(p) is { Success: true } heading && heading.Groups["num"].Value.StartsWith("2.", StringComparison.Ordinal))
            {
                builders.Add(new SectionBuilder(heading.Groups["num"].Value, heading.Groups["title"].Value.Trim().TrimEnd('.', ':', ' ')));
                continue;
            }

            var current = builders[^1];
            if (p.StartsWith('+') && current.Paragraphs.Count > 0)
            {
                // "+" lines detail the item above them.
                var last = current.Paragraphs[^1];
                current.Paragraphs[^1] = (last.Dash, last.Text + "\n" + p);
                continue;
            }

            current.Paragraphs.Add((isDash, isDash ? p[1..].Trim() : p));
        }

        var sections = new List<NoticeSection>();
        foreach (var b in builders)
        {
            if (b.Number == "2" && b.Paragraphs.Count == 0)
            {
                continue;
            }

            sections.Add(new NoticeSection(b.Number, b.Title, ToItems(b, warnings)));
        }

        return (sections, closing);
    }

    /// <summary>A section with "-" items has one task per item; a paragraph written before the first
    /// item introduces them, one written after an item continues it. A section without "-" items has
    /// one task per paragraph.</summary>
    private static List<NoticeItem> ToItems(SectionBuilder section, List<string> warnings)
    {
        var items = new List<NoticeItem>();
        if (!section.Paragraphs.Any(p => p.Dash))
        {
            foreach (var (_, text) in section.Paragraphs)
            {
                items.Add(new NoticeItem(section.Number, items.Count + 1, text, IsDashItem: false));
            }

            return items;
        }

        var texts = new List<string>();
        foreach (var (dash, text) in section.Paragraphs)
        {
            if (dash)
            {
                texts.Add(text);
            }
            else if (texts.Count == 0)
            {
                warnings.Add(NoticeTexts.IntroNotATask(section.Number, text));
            }
            else
            {
                texts[^1] = texts[^1] + "\n" + text;
            }
        }

        foreach (var text in texts.Where(t => t.Length > 0))
        {
            items.Add(new NoticeItem(section.Number, items.Count + 1, text, IsDashItem: true));
        }

        return items;
    }
}
