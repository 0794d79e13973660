using System.Text;
using DoSon.Bot.Commands;
using Telegram.Bot.Types.ReplyMarkups;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Plain text to Telegram's HTML parse mode, and Telegram's length limit.</summary>
public static class TelegramFormat
{
    /// <summary>Telegram's limit for one message, counted after entities are parsed.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Telegram's limit for a caption under a document or photo.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>Every piece of text (titles from the notice, what members typed) goes through here:
    /// in HTML mode an unescaped &lt;, &gt; or &amp; either breaks the message (400) or becomes markup.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Splits plain text into parts of at most <paramref name="max"/> characters, at line
    /// breaks where possible, else at a space, else anywhere (never inside a surrogate pair).</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxMessageLength)
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

    /// <summary>The reply's buttons as an inline keyboard, or null when it has none.</summary>
    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<ReplyButton>> rows)
    {
        var keyboard = rows
            .Where(r => r.Count > 0)
            .Select(r => r.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data)).ToArray())
            .ToArray();
        return keyboard.Length == 0 ? null : new InlineKeyboardMarkup { InlineKeyboard = keyboard };
    }
}
