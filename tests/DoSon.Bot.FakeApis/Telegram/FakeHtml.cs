using System.Globalization;
using System.Text;

namespace DoSon.Bot.FakeApis.Telegram;

/// <summary>Telegram's HTML parse mode, parsed the way the Bot API does it: the supported tags only,
/// the entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones. It is stricter than Telegram on
/// one point on purpose: a bare '&amp;' or '&gt;' is refused too, so that text that was not escaped is
/// caught by the tests even where Telegram would let it through.</summary>
public static class FakeHtml
{
    private static readonly HashSet<string> SupportedTags = new(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
        "blockquote", "tg-emoji",
    };

    /// <summary>The text a user sees, or the Bot API's error description.</summary>
    public static bool TryParse(string html, out string plain, out string? error)
    {
        var sb = new StringBuilder(html.Length);
        var open = new Stack<string>();
        error = null;
        plain = "";
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            var offset = Encoding.UTF8.GetByteCount(html.AsSpan(0, i));
            if (c == '<')
            {
                var close = html.IndexOf('>', i + 1);
                var isEnd = i + 1 < html.Length && html[i + 1] == '/';
                var nameStart = isEnd ? i + 2 : i + 1;
                var nameEnd = nameStart;
                while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                {
                    nameEnd++;
                }

                var name = html[nameStart..nameEnd].ToLowerInvariant();
                if (isEnd)
                {
                    if (close < 0 || html[nameEnd..close].Trim().Length > 0)
                    {
                        error = $"can't parse entities: Unexpected end of name token at byte offset {offset}";
                        return false;
                    }

                    if (open.Count == 0 || open.Peek() != name)
                    {
                        error = open.Count == 0
                            ? $"can't parse entities: Unexpected end tag at byte offset {offset}"
                            : $"can't parse entities: Unmatched end tag at byte offset {offset}, expected \"</{open.Peek()}>\", found \"</{name}>\"";
                        return false;
                    }

                    open.Pop();
                    i = close + 1;
                    continue;
                }

                if (name.Length == 0 || !SupportedTags.Contains(name))
                {
                    var shown = name.Length == 0 ? html.Substring(i + 1, Math.Min(1, html.Length - i - 1)) : name;
                    error = $"can't parse entities: Unsupported start tag \"{shown}\" at byte offset {offset}";
                    return false;
                }

                if (close < 0)
                {
                    error = $"can't parse entities: Unclosed start tag at byte offset {offset}";
                    return false;
                }

                open.Push(name);
                i = close + 1;
                continue;
            }

            if (c == '>')
            {
                error = $"can't parse entities: Character '>' is reserved and must be escaped as &gt; at byte offset {offset}";
                return false;
            }

            if (c == '&')
            {
                var semi = html.IndexOf(';', i + 1);
                var entity = semi > i && semi - i <= 10 ? html[(i + 1)..semi] : "";
                var decoded = Decode(entity);
                if (decoded is null)
                {
                    error = $"can't parse entities: Character '&' is reserved and must be escaped as &amp; at byte offset {offset}";
                    return false;
                }

                sb.Append(decoded);
                i = semi + 1;
                continue;
            }

            sb.Append(c);
            i++;
        }

        if (open.Count > 0)
        {
            error = $"can't parse entities: Can't find end tag corresponding to start tag \"{open.Peek()}\"";
            return false;
        }

        plain = sb.ToString();
        return true;
    }

    private static string? Decode(string entity)
    {
        switch (entity)
        {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
        }

        if (entity.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(entity.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex)
            && IsScalar(hex))
        {
            return char.ConvertFromUtf32(hex);
        }

        if (entity.StartsWith('#') && int.TryParse(entity.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var dec) && IsScalar(dec))
        {
            return char.ConvertFromUtf32(dec);
        }

        return null;
    }

    private static bool IsScalar(int codePoint) => codePoint is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);
}
