using DoSon.Bot.Domain;

namespace DoSon.Bot.Channels.Members;

/// <summary>What /moi, /thanhvien and `members list` say, in one place, so that someone who is not a
/// programmer can read and correct it.</summary>
public static class MemberTexts
{
    // ------------------------------------------------------------ /moi

    public const string InviteUsage = "/moi <mã thành viên>";

    public const string InviteDescription = "Tạo mã liên kết Telegram, Zalo cho một thành viên (quản trị)";

    // ------------------------------------------------------------ /thanhvien

    public const string MembersUsage = "/thanhvien [mã thành viên]";

    public const string MembersDescription = "Thành viên và tình trạng liên kết Telegram, Zalo (quản trị)";

    public static string UnknownMember(string code) =>
        $"Không có thành viên mã «{code}». Gõ /thanhvien để xem mã các thành viên.";

    public static string ListHeading(int total, int unreachable, int neverLinked) =>
        $"Thành viên ({total}): {unreachable} không nhận được tin nhắn, {neverLinked} chưa liên kết tài khoản nào, {total - unreachable - neverLinked} đã liên kết.";

    public static string GroupHeading(LinkState state) => state switch
    {
        LinkState.Unreachable => "Không nhận được tin nhắn (tài khoản đã chặn bot hoặc không còn dùng):",
        LinkState.NeverLinked => "Chưa liên kết tài khoản nào (không nhận được nhắc việc):",
        _ => "Đã liên kết:",
    };

    public static string Line(Member m) =>
        $"• {m.Code} — {MemberName.WithTitle(m)} · Telegram: {Telegram(m)} · Zalo: {Zalo(m)}";

    public const string ListHint = "Xem một người: /thanhvien <mã thành viên>; tạo mã liên kết: /moi <mã thành viên>.";

    public static string Detail(Member m, IReadOnlyDictionary<string, string> unitNames)
    {
        var units = string.Join(", ", m.Units.Select(u => unitNames.TryGetValue(u, out var n) ? $"{n} ({u})" : u));
        var lines = new List<string>
        {
            $"{m.Code} — {MemberName.Bare(m)}",
            $"Chức danh: {m.Title}",
            $"Đơn vị: {(units.Length == 0 ? "(chưa có)" : units)}",
            $"Vai trò: {StatusText.Of(m.Role)}",
            $"Telegram: {Telegram(m)}",
            $"Zalo: {Zalo(m)}",
            "Tình trạng: " + MemberDirectory.StateOf(m) switch
            {
                LinkState.Unreachable => "tin nhắn gần nhất không gửi được (tài khoản đã chặn bot hoặc không còn dùng); liên kết lại sẽ gỡ tình trạng này.",
                LinkState.NeverLinked => "chưa liên kết tài khoản nào nên chưa nhận được nhắc việc.",
                _ => "nhận tin nhắn bình thường.",
            },
        };
        if (MemberDirectory.StateOf(m) != LinkState.Linked)
        {
            lines.Add($"Tạo mã liên kết: /moi {m.Code}");
        }

        return string.Join("\n", lines);
    }

    public static string Telegram(Member m) => m.TelegramUserId is { } id ? $"đã liên kết (mã {id})" : "chưa liên kết";

    public static string Zalo(Member m) => string.IsNullOrEmpty(m.ZaloUserId) ? "chưa liên kết" : $"đã liên kết (mã {m.ZaloUserId})";

    // ------------------------------------------------------------ command line

    /// <summary>The verb's line in --help.</summary>
    public const string VerbUsage =
        "members invite <mã thành viên> | members list   tạo mã liên kết dùng một lần (Telegram, Zalo) cho một thành viên; list: danh sách thành viên và tình trạng liên kết";

    public static string ListVerbUsageLine => "hoặc: " + Hosting.ProgramName.Command("members list");

    /// <summary>After the refusal of a `members` verb while the bot holds the database.</summary>
    public const string UseChatInstead =
        "Trong khi bot đang chạy, quản trị viên tạo mã liên kết bằng lệnh /moi <mã thành viên> và xem thành viên bằng lệnh /thanhvien trong cuộc trò chuyện với bot.";
}
