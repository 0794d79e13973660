using System.Text;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands;

/// <summary>What /nhiemvu, /donvi, /tongquan and /moc say, and how a task's history reads, in one
/// place, so that someone who is not a programmer can read and correct it. A unit's tasks are the
/// ones it leads ("chủ trì"); the ones it supports are always labelled "phối hợp".</summary>
public static class ViewTexts
{
    public const string Lead = "chủ trì";
    public const string Support = "phối hợp";

    // ------------------------------------------------------------ /nhiemvu

    public const string OwnDescription = "Nhiệm vụ của đồng chí (được giao, hoặc đơn vị đồng chí chủ trì), theo hạn";

    public static string OwnHeading(int open) => $"Nhiệm vụ của đồng chí (đang mở: {open}):";

    public const string OwnNothingOpen = "Nhiệm vụ của đồng chí: không còn nhiệm vụ nào đang mở.";

    public const string OwnHint = "Xem chi tiết: /chitiet <mã>; báo tiến độ: /capnhat <mã> <phần trăm>.";

    public static string SupportedElsewhere(int count, IEnumerable<string> units) =>
        $"Đơn vị đồng chí còn phối hợp {count} nhiệm vụ đang mở: xem {string.Join(", ", units.Select(u => "/donvi " + u))}.";

    public const string WardHint = "Toàn phường: /tongquan; từng đơn vị: /donvi <mã đơn vị>.";

    // ------------------------------------------------------------ /donvi

    public const string UnitDescription = "Nhiệm vụ đơn vị chủ trì và phối hợp (không ghi mã: danh sách đơn vị)";

    public const string UnitListHeading = "Các đơn vị (mã — tên):";

    public static string UnitHeading(Unit unit) => $"{unit.Name} ({unit.Code}):";

    public static string CountLine(string side, UnitTaskCount c) =>
        $"• {Capital(side)}: {c.Total} nhiệm vụ — {c.Done} đã xong, {c.Overdue} quá hạn, {c.Blocked} vướng mắc.";

    public static string OpenHeading(string side) => $"{Capital(side)}, đang mở:";

    public static string HiddenOpen(int count) =>
        $"(và {count} nhiệm vụ đang mở khác ngoài phạm vi của đồng chí)";

    // ------------------------------------------------------------ /tongquan

    public static string ChartCaption(DateOnly today) =>
        $"Biểu đồ nhiệm vụ theo đơn vị chủ trì, ngày {WardClock.Format(today)}: hoàn thành, quá hạn và còn lại.";

    public static string OverviewByUnitHeading =>
        $"Theo đơn vị ({Lead}: xong/tổng, quá hạn, vướng mắc; {Support}: xong/tổng):";

    public static string OverviewUnitLine(string unitCode, UnitTaskCount led, UnitTaskCount supported) =>
        $"• {unitCode}: {Lead} {led.Done}/{led.Total}, quá hạn {led.Overdue}, vướng mắc {led.Blocked}; {Support} {supported.Done}/{supported.Total}";

    // ------------------------------------------------------------ /moc

    public const string MilestoneDescription = "Các mốc sắp tới và vừa qua (7 ngày); /moc tatca: tất cả";

    public const string MilestoneUsage = "/moc [tatca]";

    public const string MilestonesHeading = "Các mốc thời gian sắp tới và vừa qua trong 7 ngày:";

    public const string AllMilestonesHeading = "Tất cả các mốc thời gian:";

    public const string NoRecentMilestones = "Không có mốc thời gian nào sắp tới hay vừa qua trong 7 ngày.";

    public static string OlderMilestones(int count) => $"({count} mốc đã qua lâu hơn: gõ /moc tatca để xem tất cả)";

    public static string MilestoneWhen(int days) => days switch
    {
        0 => "hôm nay",
        > 0 => $"còn {days} ngày",
        _ => $"đã qua {-days} ngày",
    };

    public static string MilestoneTied(int tied, int done) => $"; {tied} nhiệm vụ gắn với mốc, {done} đã xong";

    // ------------------------------------------------------------ history (/chitiet)

    /// <summary>The Vietnamese name of a field kept in history (<see cref="TaskField"/>).</summary>
    public static string FieldName(string field) => field switch
    {
        TaskField.Percent => "tiến độ",
        TaskField.Status => "trạng thái",
        TaskField.Due => "hạn",
        TaskField.Title => "tiêu đề",
        TaskField.Description => "nội dung",
        TaskField.Section => "mục",
        TaskField.LeadUnit => "đơn vị chủ trì",
        TaskField.SupportUnits => "đơn vị phối hợp",
        TaskField.Assignees => "người thực hiện",
        TaskField.Milestone => "mốc",
        _ => field,
    };

    /// <summary>"cập nhật hạn: 20/03/2026 → 25/03/2026; tiến độ: 0% → 20%".</summary>
    public static string Changes(IReadOnlyList<FieldChange> changes)
    {
        var sb = new StringBuilder();
        foreach (var c in changes)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(FieldName(c.Field)).Append(": ").Append(Value(c.Field, c.Old)).Append(" → ").Append(Value(c.Field, c.New));
        }

        return sb.ToString();
    }

    private static string Value(string field, string? value) => (field, value) switch
    {
        (_, null or "") => "(trống)",
        (TaskField.Percent, _) => value + "%",
        (TaskField.Status, _) when Enum.TryParse<WorkTaskStatus>(value, out var s) => StatusText.Of(s),
        _ => value,
    };

    // ------------------------------------------------------------ reopening (/capnhat)

    public const string ReopenWord = "mởlại";

    public const string ReopenButton = "Mở lại nhiệm vụ";

    public static string ReopenCommand(string code, int percent) => $"/capnhat {code} {percent} {ReopenWord}";

    /// <param name="withButton">Telegram: the button under the message does the same.</param>
    public static string ConfirmReopen(WorkTask task, int percent, bool withButton) =>
        $"Nhiệm vụ {task.Code} đã hoàn thành; đặt lại {percent}% sẽ mở lại nhiệm vụ này. "
        + (withButton ? "Nếu đồng chí muốn mở lại, bấm «Mở lại nhiệm vụ» hoặc gõ:" : "Nếu đồng chí muốn mở lại, gõ:")
        + $"\n{ReopenCommand(task.Code, percent)}";

    public static string Reopened(WorkTask task, DateOnly today) =>
        $"Đã mở lại nhiệm vụ {task.Code}: {StatusText.Of(task.Status)} {task.Percent}%, hạn {DueText.Deadline(task)} ({DueText.Relative(task.Due, today)}).";

    /// <summary>The short answer to a tap on «Mở lại nhiệm vụ» (Telegram shows at most 200 characters).</summary>
    public static string ReopenTapped(WorkTask task) =>
        $"Đã mở lại nhiệm vụ {task.Code}: {StatusText.Of(task.Status)} {task.Percent}%.";

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
