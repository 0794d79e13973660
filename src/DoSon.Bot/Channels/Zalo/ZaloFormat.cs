using System.Globalization;
using DoSon.Bot.Commands;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;

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
            // The reminder's hint speaks of buttons Zalo does not have: the answers below replace it.
            var hint = text.LastIndexOf(ReminderTexts.ReplyHint, StringComparison.Ordinal);
            text = (hint > 0 && hint + ReminderTexts.ReplyHint.Length == text.TrimEnd().Length ? text[..hint] : text).TrimEnd() + "\n\n" + commands;
        }

        return TextSplitter.Split(text, MaxMessageLength);
    }

    /// <summary>The task buttons as what to type instead. About one task (a reminder, /chitiet, an
    /// answer), the short answers that act on the member's current task: "Trả lời ngắn: «xong» · «50» ·
    /// «vướng: &lt;nội dung&gt;» · «nhắc lại mai» · «ghi chú: &lt;nội dung&gt;»" (the smallest percent step offered).
    /// About several, the commands, e.g. "Trả lời: /xong T2603-21-01 · /capnhat T2603-21-01 50 ·
    /// /vuongmac T2603-21-01 &lt;nội dung&gt;". Null when no button has an answer.</summary>
    public static string? TypedCommands(IReadOnlyList<IReadOnlyList<ReplyButton>> rows)
    {
        var presses = rows.SelectMany(r => r)
            .Select(b => TaskButtons.TryDecode(b.Data, out var press) ? press : null)
            .OfType<TaskButtonPress>()
            .ToList();
        if (presses.Select(p => p.TaskCode).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return ShortAnswersFor(presses);
        }

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

    private static string? ShortAnswersFor(IReadOnlyList<TaskButtonPress> presses)
    {
        var answers = new List<string>();
        if (presses.Any(p => p.Action == TaskAction.Done))
        {
            answers.Add(ZaloTexts.DoneAnswer);
        }

        if (SmallestStep(presses) is { } percent)
        {
            answers.Add(percent.ToString(CultureInfo.InvariantCulture));
        }

        if (presses.Any(p => p.Action == TaskAction.Blocker))
        {
            answers.Add(ZaloTexts.BlockerAnswer);
        }

        if (answers.Count == 0)
        {
            return null;
        }

        if (presses.Any(p => p.Action == TaskAction.Snooze))
        {
            answers.Add(ZaloTexts.SnoozeAnswer);
        }

        answers.Add(ZaloTexts.NoteAnswer);
        return ZaloTexts.ShortAnswers(answers);
    }

    private static int? SmallestStep(IEnumerable<TaskButtonPress> presses) =>
        presses.Where(p => p.Action == TaskAction.Percent)
            .Select(p => int.Parse(p.Argument!, CultureInfo.InvariantCulture))
            .Order()
            .Select(p => (int?)p)
            .FirstOrDefault();
}
