using System.Text;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reminders;

/// <summary>Every sentence the reminders say, in one place, so that someone who is not a programmer
/// can read and correct it.</summary>
public static class ReminderTexts
{
    /// <summary>Telegram allows 4096 characters; leave room for the platform's own escaping.</summary>
    public const int MaxLength = 3800;

    public static string Late(DateTimeOffset plannedAt) =>
        $"⏳ Nhắc bù do hệ thống tạm dừng: nhắc việc này lẽ ra đã gửi lúc {WardClock.Format(plannedAt)}.";

    public const string TaskHeading = "🔔 Nhắc việc:";

    public const string SnoozeHeading = "⏰ Nhắc lại theo yêu cầu của đồng chí:";

    public const string EscalationHeading = "⚠️ Nhiệm vụ quá hạn cần đồng chí chỉ đạo, đôn đốc:";

    public static string DigestHeading(DateOnly today) => $"📋 Tổng hợp nhiệm vụ ngày {WardClock.Format(today)}:";

    public const string DigestNothing = "Không có nhiệm vụ nào quá hạn hoặc sắp đến hạn.";

    public const string NoticeHeading = "ℹ️ Thông báo cho quản trị viên về việc gửi nhắc việc:";

    public static string MilestoneHeading(Milestone milestone, DateOnly today) =>
        $"📅 Mốc «{milestone.Name}» ngày {WardClock.Format(milestone.Date)} ({MilestoneRelative(milestone.Date, today)}). Nhiệm vụ của đồng chí gắn với mốc này:";

    public static string MilestoneRelative(DateOnly date, DateOnly today)
    {
        var days = DueText.DaysLeft(date, today);
        return days switch
        {
            0 => "hôm nay",
            1 => "ngày mai",
            > 1 => $"còn {days} ngày",
            _ => $"đã qua {-days} ngày",
        };
    }

    public const string ReplyHint = "Bấm nút bên dưới hoặc gõ /capnhat <mã> <phần trăm>, /xong <mã> để báo tiến độ.";

    public const string ReplyHintNoButtons = "Gõ /capnhat <mã> <phần trăm> hoặc /xong <mã> để báo tiến độ.";

    /// <summary>Code, title, due date, days left or overdue, status and percent.</summary>
    public static string TaskLine(WorkTask task, DateOnly today, string? who = null)
    {
        var line = $"• {task.Code} — {task.Title}\n   Hạn {DueText.Deadline(task)} ({DueText.Relative(task.Due, today)}) · {StatusText.Of(task.Status)} {task.Percent}%";
        return who is null ? line : $"{line}\n   Người thực hiện: {who}";
    }

    public static string More(int count) => $"… và {count} nhiệm vụ khác (gõ /nhiemvu để xem đủ).";

    public static string MoreNotices(int count) => $"… và {count} thông báo khác (xem nhật ký của bot).";

    /// <summary>Reminders whose time passed while the bot was stopped, beyond the catch-up window:
    /// how many, and from when to when (ward time).</summary>
    public static string SkippedAfterDowntime(int count, DateTimeOffset first, DateTimeOffset last) =>
        $"Bỏ qua {count} nhắc việc lẽ ra gửi từ {WardClock.Format(first)} đến {WardClock.Format(last)}: quá thời hạn nhắc bù sau khi hệ thống tạm dừng.";

    public static string InviteLockouts(int accounts) =>
        $"{accounts} tài khoản bị tạm khóa do nhập sai mã mời nhiều lần trong 24 giờ qua.";

    public static string NoChat(Member member, string channels) =>
        $"• {member.Name} ({member.Code}) chưa liên kết tài khoản {channels} nên không nhận được nhắc việc.";

    public static string Blocked(Member member, string channel) =>
        $"• {member.Name} ({member.Code}) đã chặn bot hoặc chưa bắt đầu trò chuyện trên {channel}; đã ngừng gửi nhắc việc cho đồng chí này. Khi đồng chí liên kết lại, nhắc việc sẽ tiếp tục.";

    public static string Failed(Member member, string channel, int attempts, string? error) =>
        $"• Không gửi được nhắc việc cho {member.Name} ({member.Code}) qua {channel} sau {attempts} lần thử{(string.IsNullOrWhiteSpace(error) ? "" : $" (lỗi: {Shorten(error)})")}.";

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + "…";

    /// <summary>Joins sections, cutting whole lines once the platform's length would be passed.</summary>
    public static string Join(IEnumerable<string> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(block);
        }

        return sb.ToString();
    }
}
