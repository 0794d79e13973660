using System.Text;

namespace DoSon.Bot.Notices;

/// <summary>Vietnamese text as the parser sees it: one Unicode form, one kind of space, one kind of
/// dash; and a matching key in which the old and new tone placements ("uỷ"/"ủy", "hoá"/"hóa") agree.</summary>
internal static class VietnameseText
{
    /// <summary>The same text in NFC with its spaces tidied. Word exports and copy-paste from PDF
    /// bring decomposed letters (NFD), non-breaking spaces, tabs and zero-width characters.</summary>
    public static string Clean(string line)
    {
        var text = line.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var ch = c switch
            {
                '\u00A0' or '\u2007' or '\u202F' or '\t' or '\u2002' or '\u2003' or '\u2009' => ' ',
                // Icelandic eth looks like Đ and turns up in documents converted from old TCVN3 fonts.
                '\u00D0' => 'Đ',
                '\u00F0' => 'đ',
                _ => c,
            };
            if (ch is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\r')
            {
                continue;
            }

            if (ch == ' ')
            {
                if (lastWasSpace)
                {
                    continue;
                }

                lastWasSpace = true;
            }
            else
            {
                lastWasSpace = false;
            }

            sb.Append(ch);
        }

        return sb.ToString().Trim();
    }

    /// <summary>Lower case, with the tone of "oa", "oe", "uy" moved to the first vowel (the newer
    /// placement), so that "Đảng uỷ" and "Đảng ủy" give the same key. The key has the same length
    /// as the (NFC) text, so positions found in the key are positions in the text.</summary>
    public static string MatchKey(string nfcText)
    {
        var chars = nfcText.ToLowerInvariant().ToCharArray();
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            var first = chars[i];
            if (first is not ('o' or 'u'))
            {
                continue;
            }

            var second = chars[i + 1];
            if (OldTone.TryGetValue((first, second), out var moved))
            {
                chars[i] = moved.First;
                chars[i + 1] = moved.Second;
            }
        }

        return new string(chars);
    }

    private static readonly Dictionary<(char, char), (char First, char Second)> OldTone = BuildOldTone();

    private static Dictionary<(char, char), (char, char)> BuildOldTone()
    {
        // Tones in the order grave, acute, hook, tilde, dot.
        const string o = "òóỏõọ";
        const string u = "ùúủũụ";
        const string a = "àáảãạ";
        const string e = "èéẻẽẹ";
        const string y = "ỳýỷỹỵ";
        var map = new Dictionary<(char, char), (char, char)>();
        for (var t = 0; t < 5; t++)
        {
            map[('o', a[t])] = (o[t], 'a');
            map[('o', e[t])] = (o[t], 'e');
            map[('u', y[t])] = (u[t], 'y');
        }

        return map;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>A line that begins with a lower-case letter continues the paragraph before it: a Word
    /// page break, or a line wrapped by the export.</summary>
    public static bool StartsLowerCase(string line) => line.Length > 0 && char.IsLetter(line[0]) && char.IsLower(line[0]);

    /// <summary>The same words without diacritics, for codes derived from names.</summary>
    public static string WithoutDiacritics(string text)
    {
        var decomposed = text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
