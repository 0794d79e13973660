using DoSon.Bot.Domain;

namespace DoSon.Bot.Channels.Console;

internal static class ConsoleTexts
{
    public static string Welcome(Member member) =>
        $"DoSon.Bot đang chạy trên màn hình (chưa cấu hình Telegram hay Zalo). Đang trò chuyện với tư cách {MemberName.WithTitle(member)} ({StatusText.Of(member.Role)}).\nGõ /trogiup để xem các lệnh; Ctrl+C để dừng.";

    /// <summary>Above each message the bot prints: for whom it is, and whether that is the member
    /// at the keyboard.</summary>
    public static string Heading(Member? to, string chatId, bool atKeyboard) =>
        $"🔔 Bot → {(to is null ? chatId : $"{MemberName.Address(to)} ({to.Code})")}{(atKeyboard ? " (đồng chí đang trò chuyện)" : "")}:";

    public static string UnknownMember(string code) =>
        $"Không có thành viên mã «{code}» trong cơ sở dữ liệu, nên không thể trò chuyện trên màn hình. Hãy đặt Console:Member là mã một thành viên đã nhập.";

    public const string EndOfInput = "Đã hết dữ liệu vào. Bot vẫn chạy (nhắc việc vẫn hiện ra) cho đến khi đồng chí nhấn Ctrl+C.";

    public const string InternalError = "Xin lỗi, đã có lỗi khi xử lý tin nhắn này. Lỗi đã được ghi vào nhật ký.";
}
