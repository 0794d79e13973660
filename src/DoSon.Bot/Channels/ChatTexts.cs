using DoSon.Bot.Hosting;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Channels;

/// <summary>What the bot says about linking, the same on Telegram and Zalo (only the platform's name
/// and how a code is sent differ), and what `members invite` prints. In one place, so that someone
/// who is not a programmer can read and correct it.</summary>
public static class ChatTexts
{
    public static string PlatformName(ChatPlatform platform) => platform == ChatPlatform.Telegram ? "Telegram" : "Zalo";

    private static string HowToLink(ChatPlatform platform) => platform == ChatPlatform.Telegram
        ? "xin Văn phòng một đường dẫn liên kết rồi bấm vào đường dẫn đó (hoặc gõ /start kèm mã liên kết)"
        : "xin Văn phòng một mã liên kết rồi gửi cho bot tin nhắn: /lienket <mã liên kết>";

    public static string Stranger(ChatAccount account) =>
        $"Xin chào đồng chí! Tài khoản {PlatformName(account.Platform)} này chưa được liên kết với thành viên nào của hệ thống nhắc việc Đảng ủy phường Đồ Sơn, nên bot chưa thể trả lời.\n"
        + $"Mã {PlatformName(account.Platform)} của đồng chí là: {account.UserId}\n"
        + $"Để được liên kết, hãy gửi mã này cho Văn phòng Đảng ủy, hoặc {HowToLink(account.Platform)}.";

    public static string Linked(Member member, ChatPlatform platform) =>
        $"Đã liên kết tài khoản {PlatformName(platform)} này với đồng chí {MemberName.WithTitle(member)}. Từ nay bot sẽ gửi nhắc việc cho đồng chí tại đây.\nGõ /nhiemvu để xem các nhiệm vụ của đồng chí, /trogiup để xem các lệnh.";

    public const string InviteUnknown =
        "Mã liên kết không đúng. Hãy kiểm tra lại mã (hoặc đường dẫn), hoặc xin Văn phòng Đảng ủy một mã mới.";

    public const string InviteLockedOut =
        "Tài khoản này đã nhập sai mã liên kết quá nhiều lần nên tạm thời bị khóa; hãy thử lại sau một giờ, hoặc liên hệ Văn phòng Đảng ủy để được giúp.";

    public const string InviteExpired =
        "Mã liên kết đã hết hạn. Hãy xin Văn phòng Đảng ủy một mã mới.";

    public const string InviteUsed =
        "Mã liên kết này đã được dùng rồi (mỗi mã chỉ dùng được một lần). Nếu cần liên kết lại, hãy xin Văn phòng Đảng ủy một mã mới.";

    // ------------------------------------------------------------ members invite (command line)

    public static string MembersUsage => "Cách dùng: " + ProgramName.Command("members invite <mã thành viên>");

    public static string InviteMemberUnknown(string code) =>
        $"Không có thành viên mã «{code}». Hãy kiểm tra lại mã (xem trong tệp phân công).";

    public const string InviteNoPlatform =
        "Chưa cấu hình Telegram hay Zalo: hãy đặt Telegram:BotToken (hoặc ít nhất Telegram:BotUsername) hoặc Zalo:BotToken để tạo mã liên kết.";

    public static string InviteCreated(Member member, string code, DateTimeOffset expires) =>
        $"Mã liên kết cho {member.Code} — {MemberName.WithTitle(member)}: {code}\n"
        + $"Mã chỉ dùng được một lần, hết hạn lúc {WardClock.Format(expires)}.";

    public static string InviteProblem(string problem) => "Lưu ý: " + problem;
}
