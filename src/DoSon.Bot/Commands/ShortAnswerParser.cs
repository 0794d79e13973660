using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DoSon.Bot.Commands;

public enum ShortAnswerIntent
{
    /// <summary>Not a short answer.</summary>
    Unknown,
    Done,
    Percent,
    Blocker,
    Snooze,
    Note,
    Undo,
}

/// <summary>A short answer, read: what to do, and to which task of a numbered reminder.</summary>
/// <param name="Number">"2 xong": the second task of the reminder; null when no number was given.</param>
/// <param name="Text">The blocker's or the note's text (null or empty: none given).</param>
public sealed record ShortAnswer(ShortAnswerIntent Intent, int? Number = null, int Percent = 0, string? Text = null, SnoozeTime Until = SnoozeTime.OneHour);

/// <summary>Reads the short answers a member types after a reminder ("xong", "75", "vướng: chưa có
/// kinh phí", "nhắc lại mai", "2 xong", "hoàn tác"), with or without diacritics. Pure: no clock, no store.</summary>
public static partial class ShortAnswerParser
{
    private static readonly string[] DoneWords = ["xong", "da xong", "xong roi", "da xong roi", "hoan thanh", "da hoan thanh"];

    public static ShortAnswer Parse(string? text)
    {
        var original = CommandRouter.Clean(text).TrimEnd('.', '!', ' ');
        var folded = Fold(original);
        var whole = ParseOne(original, folded);
        if (whole.Intent != ShortAnswerIntent.Unknown)
        {
            return whole;
        }

        // "2 xong", "2. 50", "2) vướng: …": a number, then an answer about that task of the list.
        var match = NumberedRegex().Match(folded);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var start = match.Groups[2].Index;
            var rest = ParseOne(original[start..], folded[start..]);
            if (rest.Intent is not (ShortAnswerIntent.Unknown or ShortAnswerIntent.Undo))
            {
                return rest with { Number = number };
            }
        }

        return whole;
    }

    /// <summary>When of "nhắc lại …" and of /nhaclai: "1h", "1 giờ", "1 tiếng", "chiều", "chiều nay",
    /// "mai", "sáng mai", "ngày mai"; null for anything else.</summary>
    public static SnoozeTime? ParseWhen(string? text) =>
        Fold(CommandRouter.Clean(text)).Replace(" ", "", StringComparison.Ordinal) switch
        {
            "1h" or "1gio" or "1tieng" or "motgio" or "mottieng" => SnoozeTime.OneHour,
            "chieu" or "chieunay" => SnoozeTime.ThisAfternoon,
            "mai" or "sangmai" or "ngaymai" => SnoozeTime.NextMorning,
            _ => null,
        };

    private static ShortAnswer ParseOne(string original, string folded)
    {
        if (DoneWords.Contains(folded, StringComparer.Ordinal))
        {
            return new(ShortAnswerIntent.Done);
        }

        if (folded is "hoan tac")
        {
            return new(ShortAnswerIntent.Undo);
        }

        if (PercentRegex().Match(folded) is { Success: true } percent
            && int.TryParse(percent.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100)
        {
            return new(ShortAnswerIntent.Percent, Percent: value);
        }

        if ((Prefix(folded, "vuong mac") ?? Prefix(folded, "vuong")) is { } blocker)
        {
            return new(ShortAnswerIntent.Blocker, Text: Rest(original, blocker));
        }

        if ((Prefix(folded, "ghi chu") ?? Prefix(folded, "note")) is { } note && Rest(original, note) is { Length: > 0 } noteText)
        {
            return new(ShortAnswerIntent.Note, Text: noteText);
        }

        if (Prefix(folded, "nhac lai") is { } snooze)
        {
            var when = folded[snooze..].Trim();
            if (when.StartsWith("sau ", StringComparison.Ordinal))
            {
                when = when[4..];
            }

            if ((when.Length == 0 ? SnoozeTime.OneHour : ParseWhen(when)) is { } until)
            {
                return new(ShortAnswerIntent.Snooze, Until: until);
            }
        }

        return new(ShortAnswerIntent.Unknown);
    }

    /// <summary>Where the text after <paramref name="word"/> starts, when the folded text begins with
    /// that word on its own ("vướng: …", "vướng mắc …", not "vướngx").</summary>
    private static int? Prefix(string folded, string word) =>
        folded.StartsWith(word, StringComparison.Ordinal) && (folded.Length == word.Length || !char.IsLetterOrDigit(folded[word.Length]))
            ? word.Length
            : null;

    private static string Rest(string original, int start) => original[start..].TrimStart(' ', ':', '-', '–', ',', '.', '\n').Trim();

    /// <summary>Lowercase, without diacritics, one character for one: the offsets of the folded text are
    /// those of the original (NFC), so what the member wrote can be cut from it.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var baseChar = c == 'đ' ? 'd' : char.IsSurrogate(c) ? c : c.ToString().Normalize(NormalizationForm.FormD)[0];
            sb.Append(c == '\n' ? ' ' : baseChar);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(\d{1,3})\s*%?$")]
    private static partial Regex PercentRegex();

    [GeneratedRegex(@"^(\d{1,2})\s*[.)]?\s+(\S)")]
    private static partial Regex NumberedRegex();
}
