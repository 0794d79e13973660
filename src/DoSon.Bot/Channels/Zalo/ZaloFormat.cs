using System.Globalization;
using DoSon.Bot.Commands;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>A reply as Zalo can show it: plain text (Zalo's markdown/html modes are not used, so what
/// members typed is never read as markup), the buttons as commands to type, parts of at most 2000
/// characters.</summary>
public static class ZaloFormat
{
    /// <summary>Zalo's limit for one message.</summary>
    public const int MaxMessageLength = 2000;

    public static IReadOnlyList<string> Render(Reply reply)
    {
        var text = reply.Text;
        if (TypedCommands(reply.Buttons) is { } commands)
        {
            text = text.TrimEnd() + "\n\n" + commands;
        }

        return TextSplitter.Split(text, MaxMessageLength);
    }

    /// <summary>The task buttons as the commands that do the same, e.g. "Trả lời: /xong T2603-21-01 ·
    /// /capnhat T2603-21-01 50 · /vuongmac T2603-21-01 &lt;nội dung&gt;" (the smallest percent step
    /// offered; snoozing has no command). Null when no button has a command.</summary>
    public static string? TypedCommands(IReadOnlyList<IReadOnlyList<ReplyButton>> rows)
    {
        var presses = rows.SelectMany(r => r)
            .Select(b => TaskButtons.TryDecode(b.Data, out var press) ? press : null)
            .OfType<TaskButtonPress>()
            .ToList();
        var commands = new List<string>();
        foreach (var task in presses.GroupBy(p => p.TaskCode, StringComparer.Ordinal))
        {
            if (task.Any(p => p.Action == TaskAction.Done))
            {
                commands.Add($"/xong {task.Key}");
            }

            var step = task.Where(p => p.Action == TaskAction.Percent)
                .Select(p => int.Parse(p.Argument!, CultureInfo.InvariantCulture))
                .Order()
                .Select(p => (int?)p)
                .FirstOrDefault();
            if (step is { } percent)
            {
                commands.Add(string.Create(CultureInfo.InvariantCulture, $"/capnhat {task.Key} {percent}"));
            }

            if (task.Any(p => p.Action == TaskAction.Blocker))
            {
                commands.Add($"/vuongmac {task.Key} {ZaloTexts.BlockerPlaceholder}");
            }
        }

        return commands.Count == 0 ? null : ZaloTexts.TypedCommands(commands);
    }
}
