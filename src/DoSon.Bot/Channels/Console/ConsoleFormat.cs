using System.Text;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels.Console;

internal static class ConsoleFormat
{
    /// <summary>Buttons have no place on a terminal: show what each would do as a command to type.</summary>
    public static string Render(Reply reply)
    {
        if (reply.Buttons.Count == 0)
        {
            return reply.Text;
        }

        var sb = new StringBuilder(reply.Text);
        sb.Append("\n[");
        sb.Append(string.Join(" | ", reply.Buttons.SelectMany(r => r).Select(b => b.Text)));
        sb.Append(']');
        return sb.ToString();
    }
}
