using System.Text;
using DoSon.Bot.Messaging;
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

    /// <summary>Splits plain text into parts Telegram accepts (see <see cref="TextSplitter"/>).</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxMessageLength) => TextSplitter.Split(text, max);

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
