namespace DoSon.Bot.Channels;

/// <summary>Long answers in several messages, for platforms that limit a message's length (Telegram
/// 4096 characters, Zalo 2000).</summary>
public static class TextSplitter
{
    /// <summary>Splits plain text into parts of at most <paramref name="max"/> characters, at line
    /// breaks where possible, else at a space, else anywhere (never inside a surrogate pair).</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (text.Length <= max)
        {
            return [text];
        }

        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = window.LastIndexOf('\n');
            var skip = 1;
            if (cut <= 0)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(window[max - 1]) ? max - 1 : max;
                skip = 0;
            }

            var part = rest[..cut].ToString().TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            rest = rest[(cut + skip)..];
        }

        if (rest.Trim().Length > 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }
}
