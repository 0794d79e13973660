using System.Text.RegularExpressions;

namespace DoSon.Bot.Notices;

internal enum DeadlineKind
{
    /// <summary>A written date: 15/03/2026, 15/3, (08/03), "ngày 20/4".</summary>
    Date,
    /// <summary>"quý I": the quarter's last day.</summary>
    QuarterEnd,
    /// <summary>"trong tháng", "trong tháng 4": the month's last day.</summary>
    MonthEnd,
}

internal sealed record FoundDeadline(DateOnly Date, DeadlineKind Kind, int Position, int Length, string Text, int? Quarter = null);

/// <summary>Finds the dates in a task's text that can be its deadline, leaving out the dates of the
/// documents it cites ("Nghị quyết số 02-NQ/ĐU ngày 17/12/2025") and things that only look like
/// dates ("24/24h").</summary>
internal static partial class DeadlineFinder
{
    // No digit or slash around it, so "154/2025/NĐ-CP" and "3/2026" are not read as d/m; no "h"
    // after it, so "24/24h" is not a date.
    [GeneratedRegex(@"(?<![\d/])(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{4}))?(?![\d/]|\s*h\b|h)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\bq[uú][yý]\s+(?<q>IV|III|II|I|[1-4])(?![\p{L}\d])(?:\s*(?:năm|/)\s*(?<y>\d{4}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\btrong\s+tháng(?:\s+(?<m>\d{1,2})(?:\s*(?:năm|/)\s*(?<y>\d{4}))?)?(?![\p{L}\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InMonthPattern();

    // A document code right before the date: "số 02-NQ/ĐU ngày", "05-CT/TU, ngày",
    // "154/2025/NĐ-CP ngày", "57-NQ/TW ngày".
    [GeneratedRegex(@"(?<code>[\p{L}\d]+(?:[-/][\p{L}\d]+)+)\s*,?\s*(?:ban hành\s+)?(?:ngày\s*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CitationBefore();

    public static IReadOnlyList<FoundDeadline> Find(string text, int year, int month, ICollection<FoundDeadline>? ignored = null)
    {
        var found = new List<FoundDeadline>();
        foreach (Match m in DatePattern().Matches(text))
        {
            if (ToDate(m, year, month) is not { } date)
            {
                continue;
            }

            if (IsCitation(text, m.Index))
            {
                continue;
            }

            found.Add(new FoundDeadline(date, DeadlineKind.Date, m.Index, m.Length, m.Value));
        }

        foreach (Match m in QuarterPattern().Matches(text))
        {
            var q = m.Groups["q"].Value.ToUpperInvariant() switch
            {
                "I" or "1" => 1,
                "II" or "2" => 2,
                "III" or "3" => 3,
                _ => 4,
            };
            var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : year;
            var end = new DateOnly(y, q * 3, 1).AddMonths(1).AddDays(-1);
            found.Add(new FoundDeadline(end, DeadlineKind.QuarterEnd, m.Index, m.Length, m.Value, q));
        }

        foreach (Match m in InMonthPattern().Matches(text))
        {
            var mm = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value) : month;
            if (mm is < 1 or > 12)
            {
                continue;
            }

            var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : YearFor(mm, year, month);
            found.Add(new FoundDeadline(new DateOnly(y, mm, 1).AddMonths(1).AddDays(-1), DeadlineKind.MonthEnd, m.Index, m.Length, m.Value));
        }

        // A date before the month the tasks are for cannot be their deadline: it is a past event or
        // a citation written in a way we did not recognise. Say so rather than drop it silently.
        var monthStart = new DateOnly(year, month, 1);
        foreach (var past in found.Where(f => f.Date < monthStart).ToList())
        {
            found.Remove(past);
            ignored?.Add(past);
        }

        return [.. found.OrderBy(f => f.Position)];
    }

    /// <summary>True when the date at <paramref name="index"/> is the date of a cited document.</summary>
    public static bool IsCitation(string text, int index)
    {
        var from = Math.Max(0, index - 80);
        var before = text[from..index];
        var m = CitationBefore().Match(before);
        if (!m.Success)
        {
            return false;
        }

        // A document code has letters and digits (02-NQ/ĐU); "2026-2031" is a term of office.
        var code = m.Groups["code"].Value;
        return code.Any(char.IsLetter) && code.Any(char.IsDigit);
    }

    public static IEnumerable<(DateOnly Date, int Position, int Length)> DatesIn(string text, int year, int month)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            if (ToDate(m, year, month) is { } date && !IsCitation(text, m.Index))
            {
                yield return (date, m.Index, m.Length);
            }
        }
    }

    private static DateOnly? ToDate(Match m, int year, int month)
    {
        var d = int.Parse(m.Groups["d"].Value);
        var mm = int.Parse(m.Groups["m"].Value);
        var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : YearFor(mm, year, month);
        if (mm is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mm))
        {
            return null;
        }

        return new DateOnly(y, mm, d);
    }

    /// <summary>The year of a day written without one: the notice's, except that a December notice
    /// speaking of "15/01" means the coming January.</summary>
    private static int YearFor(int dateMonth, int year, int month) => dateMonth < month - 6 ? year + 1 : year;
}
