using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands;

public enum TaskAction
{
    Done,
    Percent,
    Blocker,
    Snooze,
    /// <summary>Reopen a finished task at the percent in the argument (the confirmation of /capnhat).</summary>
    Reopen,
    /// <summary>A note on a task (a reply to a reminder); there is no button for it.</summary>
    Note,
}

/// <summary>A tapped button, decoded: what to do to which task.</summary>
/// <param name="Argument">Percent for <see cref="TaskAction.Percent"/> and <see cref="TaskAction.Reopen"/>; "1h" or "am" (next morning) for <see cref="TaskAction.Snooze"/>.</param>
public sealed record TaskButtonPress(TaskAction Action, string TaskCode, string? Argument);

/// <summary>The buttons under a reminder or a task, and the callback data they carry. The data names
/// only an action and a task code (no secret, no member): who tapped is checked on arrival, against
/// the same rules as the typed commands. It stays well within Telegram's 64 bytes.</summary>
public static class TaskButtons
{
    public const string Prefix = "t";
    public const int MaxDataBytes = 64;
    public const string SnoozeHour = "1h";
    public const string SnoozeMorning = "am";

    public static readonly int[] PercentSteps = [25, 50, 75];

    public static IReadOnlyList<IReadOnlyList<ReplyButton>> For(WorkTask task) =>
    [
        [new("✅ Hoàn thành", Encode(TaskAction.Done, task.Code)), new("⚠️ Vướng mắc", Encode(TaskAction.Blocker, task.Code))],
        [.. PercentSteps.Where(p => p > task.Percent).Select(p => new ReplyButton($"📈 {p}%", Encode(TaskAction.Percent, task.Code, p.ToString(CultureInfo.InvariantCulture))))],
        [new("⏰ Nhắc lại sau 1 giờ", Encode(TaskAction.Snooze, task.Code, SnoozeHour)), new("⏰ Sáng mai", Encode(TaskAction.Snooze, task.Code, SnoozeMorning))],
    ];

    /// <summary>The one button under the question whether to reopen a finished task.</summary>
    public static IReadOnlyList<IReadOnlyList<ReplyButton>> Reopen(WorkTask task, int percent) =>
    [
        [new(ViewTexts.ReopenButton, Encode(TaskAction.Reopen, task.Code, percent.ToString(CultureInfo.InvariantCulture)))],
    ];

    public static string Encode(TaskAction action, string taskCode, string? argument = null)
    {
        var verb = action switch
        {
            TaskAction.Done => "done",
            TaskAction.Percent => "pct",
            TaskAction.Blocker => "blk",
            TaskAction.Reopen => "reo",
            TaskAction.Snooze => "snz",
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No button carries this action."),
        };
        var data = argument is null ? $"{Prefix}:{verb}:{taskCode}" : $"{Prefix}:{verb}:{taskCode}:{argument}";
        if (System.Text.Encoding.UTF8.GetByteCount(data) > MaxDataBytes)
        {
            throw new ArgumentException($"Callback data longer than {MaxDataBytes} bytes for task {taskCode}.", nameof(taskCode));
        }

        return data;
    }

    /// <summary>Decodes callback data; anything malformed or unknown gives false, never an exception.</summary>
    public static bool TryDecode(string? data, out TaskButtonPress press)
    {
        press = null!;
        if (string.IsNullOrEmpty(data) || data.Length > MaxDataBytes)
        {
            return false;
        }

        var parts = data.Split(':');
        if (parts.Length is < 3 or > 4 || parts[0] != Prefix || parts[2].Length == 0)
        {
            return false;
        }

        var arg = parts.Length == 4 ? parts[3] : null;
        TaskAction? action = parts[1] switch
        {
            "done" when arg is null => TaskAction.Done,
            "blk" when arg is null => TaskAction.Blocker,
            "pct" when int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100 => TaskAction.Percent,
            "snz" when arg is SnoozeHour or SnoozeMorning => TaskAction.Snooze,
            "reo" when int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 0 and < 100 => TaskAction.Reopen,
            _ => null,
        };
        if (action is null)
        {
            return false;
        }

        press = new TaskButtonPress(action.Value, parts[2], arg);
        return true;
    }
}
