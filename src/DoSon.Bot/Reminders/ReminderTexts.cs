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

    /// <summary>Tasks the person is assigned, or whose lead unit they lead (or carry while nobody is named).</summary>
    public const string OwnHeading = "🔔 Nhiệm vụ của đồng chí:";

    /// <summary>Tasks a unit of the person's only supports (phối hợp).</summary>
    public const string SupportHeading = "🤝 Nhiệm vụ đơn vị đồng chí phối hợp:";

    /// <summary>Overdue tasks of others that the person is to chase (lead unit's leaders, admins).</summary>
    public const string EscalationHeading = "⚠️ Nhiệm vụ quá hạn cần đồng chí chỉ đạo, đôn đốc:";

    /// <summary>Other tasks in the person's view (an admin's digest covers the whole ward).</summary>
    public const string WatchHeading = "📋 Nhiệm vụ khác đồng chí theo dõi:";

    public static string DigestHeading(DateOnly today) => $"📋 Tổng hợp nhiệm vụ ngày {WardClock.Format(today)}:";

    public const string DigestNothing = "Không có nhiệm vụ nào quá hạn hoặc sắp đến hạn.";

    public const string NoticeHeading = "ℹ️ Thông báo cho quản trị viên về việc gửi nhắc việc:";

    /// <summary>One line per milestone counting down, above the tasks tied to it.</summary>
    public static string MilestoneLine(Milestone milestone, DateOnly today) =>
        $"📅 Mốc «{milestone.Name}» ngày {WardClock.Format(milestone.Date)} ({DueText.Until(milestone.Date, today)}).";

    /// <summary>Under a task: why it is in the message besides its deadline.</summary>
    public static string TiedTo(Milestone milestone) => $"📅 Gắn với mốc «{milestone.Name}»";

    public const string Snoozed = "⏰ Nhắc lại theo yêu cầu của đồng chí";

    public const string ToChase = "⚠️ Quá hạn, cần đồng chí chỉ đạo, đôn đốc";

    public static string Carriers(string who) => $"Người thực hiện: {who}";

    public static string LeadUnitLeaders(string unit) => $"lãnh đạo đơn vị chủ trì {unit}";

    public const string ReplyHint = "Bấm nút bên dưới hoặc gõ /capnhat <mã> <phần trăm>, /xong <mã> để báo tiến độ.";

    public const string ReplyHintNoButtons = "Gõ /capnhat <mã> <phần trăm> hoặc /xong <mã> để báo tiến độ.";

    /// <summary>Under a reminder about several tasks, numbered 1., 2., …: a short answer names the task by its number.</summary>
    public const string ReplyHintNumbered =
        "Trả lời kèm số thứ tự, ví dụ «2 xong», «2 50», «2 vướng: <nội dung>», «2 nhắc lại mai»; hoặc gõ /capnhat <mã> <phần trăm>, /xong <mã> để báo tiến độ.";

    /// <summary>Code and title (numbered when the message lists several tasks); then the deadline as a distance, status and percent; then the reasons.</summary>
    public static string TaskLine(WorkTask task, DateOnly today, IEnumerable<string>? reasons = null, int? number = null)
    {
        var bullet = number is { } n ? $"{n}." : "•";
        var sb = new StringBuilder($"{bullet} {task.Code} — {task.Title}\n   {DueText.Capitalized(DueText.Of(task, today))} · {StatusText.Of(task.Status)} {task.Percent}%");
        foreach (var reason in reasons ?? [])
        {
            sb.Append("\n   ").Append(reason);
        }

        return sb.ToString();
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
        $"• {MemberName.WithCode(member)} chưa liên kết tài khoản {channels} nên không nhận được nhắc việc.";

    public static string Blocked(Member member, string channel) =>
        $"• {MemberName.WithCode(member)} đã chặn bot hoặc chưa bắt đầu trò chuyện trên {channel}; đã ngừng gửi nhắc việc cho đồng chí này. Khi đồng chí liên kết lại, nhắc việc sẽ tiếp tục.";

    public static string Failed(Member member, string channel, int attempts, string? error) =>
        $"• Không gửi được nhắc việc cho {MemberName.WithCode(member)} qua {channel} sau {attempts} lần thử{(string.IsNullOrWhiteSpace(error) ? "" : $" (lỗi: {Shorten(error)})")}.";

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
