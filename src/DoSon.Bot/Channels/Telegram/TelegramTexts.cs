using System.Globalization;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Every sentence the Telegram adapter says, in one place, so that someone who is not a
/// programmer can read and correct it. All plain text: the channel escapes it for HTML.</summary>
public static class TelegramTexts
{
    /// <summary>The token is still the example's (deploy/env.example), never the real one.</summary>
    public const string TokenNeverFilledIn =
        "Telegram:BotToken chưa được điền: giá trị hiện có là token mẫu (như trong deploy/env.example), hãy thay bằng token thật mà @BotFather đã gửi.";

    public const string WebhookListenUrlReplaced =
        "Telegram:WebhookListenUrl không còn dùng: webhook Telegram nay được nhận trên máy chủ web của bot (Web:ListenUrls), tại đường dẫn của Telegram:WebhookUrl; đồng chí xoá Telegram:WebhookListenUrl và đặt địa chỉ lắng nghe vào Web:ListenUrls.";

    public const string WebhookNeedsWebServer =
        "Telegram:WebhookUrl cần máy chủ web của bot để nhận cập nhật: đồng chí đặt Web:Enabled = true (hoặc xoá Telegram:WebhookUrl để dùng cách hỏi tin thường kỳ).";

    public static string Stranger(long userId) => ChatTexts.Stranger(ChatAccount.Telegram(userId));

    public const string LinkInPrivateChat =
        "Hãy liên kết tài khoản trong cuộc trò chuyện riêng với bot, không phải trong nhóm.";

    public const string OnlyText =
        "Tôi chỉ hiểu tin nhắn chữ và các lệnh bắt đầu bằng dấu /. Gõ /trogiup để xem danh sách lệnh.\nĐể gửi tệp cho một nhiệm vụ, hãy trả lời (reply) tin nhắn nhắc việc của nhiệm vụ đó.";

    public const string InternalError =
        "Xin lỗi, đã có lỗi khi xử lý tin nhắn này. Lỗi đã được ghi vào nhật ký; đồng chí hãy thử lại sau ít phút.";

    // ------------------------------------------------------------ groups

    public const string GroupOnly =
        "Lệnh này dùng trong nhóm: hãy thêm bot vào nhóm rồi gõ lệnh trong nhóm đó.";

    public const string GroupAdminOnly =
        "Chỉ quản trị viên của hệ thống nhắc việc mới đăng ký hoặc hủy đăng ký nhóm.";

    public static string GroupRegistered(string title) =>
        $"Đã đăng ký nhóm «{title}» nhận báo cáo tổng hợp nhiệm vụ của phường (hằng ngày và hằng tuần). Gõ /huydangkynhom để thôi nhận.";

    public static string GroupUnregistered(string title) =>
        $"Nhóm «{title}» sẽ không nhận báo cáo tổng hợp nữa.";

    public static string GroupNotRegistered(string title) =>
        $"Nhóm «{title}» chưa đăng ký nhận báo cáo tổng hợp.";

    public const string RegisterGroupDescription = "(dùng trong nhóm) Đăng ký nhóm nhận báo cáo tổng hợp";

    public const string UnregisterGroupDescription = "(dùng trong nhóm) Thôi nhận báo cáo tổng hợp";

    // ------------------------------------------------------------ replies to task messages

    public static string WhichTask(IReadOnlyList<string> codes) =>
        $"Tin nhắn đồng chí trả lời nói về {codes.Count} nhiệm vụ: {string.Join(", ", codes)}.\nHãy trả lời lại, bắt đầu bằng mã nhiệm vụ, ví dụ: «{codes[0]} đã họp triển khai xong».";

    public static string AttachmentNote(string fileName, string? caption) =>
        string.IsNullOrWhiteSpace(caption) ? $"📎 Tệp đính kèm: {fileName}" : $"📎 Tệp đính kèm: {fileName} — {caption.Trim()}";

    // ------------------------------------------------------------ buttons

    public const string NotLinkedTap =
        "Tài khoản Telegram của đồng chí chưa được liên kết, nên không thể cập nhật nhiệm vụ. Hãy gõ /start để biết cách liên kết.";

    public const string ButtonUnknown = "Nút này không còn dùng được. Gõ /nhiemvu để xem các nhiệm vụ của đồng chí.";

    public static string BlockerPrompt(WorkTask task) =>
        $"⚠️ Vướng mắc của nhiệm vụ {task.Code} — {task.Title}\nHãy trả lời (reply) tin nhắn này, ghi rõ vướng mắc là gì và cần ai hỗ trợ.";

    public const string BlockerPromptPlaceholder = "Nội dung vướng mắc…";

    /// <summary>Marks the line the bot appends to a reminder after a tap, so a later tap replaces it.</summary>
    public const string StateMarker = "\n\n📌 ";

    public static string StateLine(WorkTask task, Member by, DateTimeOffset at) =>
        task.IsDone
            ? $"Đã hoàn thành ({WardClock.Format(at)}, {by.Name})."
            : $"{Capitalize(StatusText.Of(task.Status))} {task.Percent}% ({WardClock.Format(at)}, {by.Name}).";

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.GetCultureInfo("vi-VN")) + s[1..];

    // ------------------------------------------------------------ notices and assignment files sent to the bot

    public const string FilesAdminOnly =
        "Chỉ Văn phòng Đảng ủy (quản trị viên của hệ thống) mới gửi thông báo kết luận hoặc tệp giao việc cho bot.\n"
        + "Để gửi tệp cho một nhiệm vụ, hãy trả lời (reply) tin nhắn nhắc việc của nhiệm vụ đó.";

    public static string FileTypeNotAccepted(string fileName) =>
        $"Tôi chưa đọc được tệp «{fileName}». Bot nhận các tệp sau, gửi trong cuộc trò chuyện riêng:\n"
        + "• Thông báo kết luận dạng .docx (Word) hoặc .txt: bot đọc thành bản nháp nhiệm vụ để xem lại.\n"
        + "• Tệp giao việc dạng .xlsx (Excel, ví dụ bản nháp đã sửa) hoặc .json: bot nhập vào hệ thống.\n"
        + "Để gửi tệp cho một nhiệm vụ, hãy trả lời (reply) tin nhắn nhắc việc của nhiệm vụ đó.";

    public static string FileTooLarge(string fileName, long bytes, long max) =>
        $"Tệp «{fileName}» quá lớn ({DoSon.Bot.Notices.NoticeTexts.Size(bytes)}); bot chỉ nhận tệp đến {DoSon.Bot.Notices.NoticeTexts.Size(max)} (cài đặt Notices:MaxFileBytes). Hãy kiểm tra lại có đúng tệp không.";

    public static string FileNotDownloaded(string fileName) =>
        $"Không tải được tệp «{fileName}» từ Telegram. Hãy gửi lại tệp sau ít phút.";

    public static string DraftCaption(int tasks, int month, int year, string noticeFile, DateTimeOffset expires) =>
        $"📄 Bản nháp {tasks} nhiệm vụ tháng {month:00}/{year} đọc từ «{noticeFile}».\n"
        + $"• Bấm «{ImportDraftButton}» để nhập bản nháp như hiện tại; hoặc\n"
        + "• mở tệp Excel này, sửa những chỗ cần xem lại (đơn vị, hạn, người thực hiện), rồi gửi lại tệp .xlsx đã sửa cho tôi để nhập.\n"
        + $"Nút nhập dùng được một lần, đến {WardClock.Format(expires)}. Nhập theo nguyên tắc: có lỗi thì không ghi gì.";

    public const string ImportDraftButton = "✅ Nhập bản nháp này";

    public static string DraftImportedLine(DateTimeOffset at, Member by) =>
        $"✅ Đã nhập vào hệ thống lúc {WardClock.Format(at)} ({by.Name}).";

    public static string DraftImportedTap(int tasks) => $"✅ Đã nhập bản nháp ({tasks} nhiệm vụ).";

    public const string DraftHasErrorsTap = "Chưa nhập: bản nháp có lỗi, xem tin nhắn bên dưới.";

    public const string DraftsAdminOnly = "Chỉ quản trị viên của hệ thống mới nhập được bản nháp.";

    public static string DraftAlreadyImported(DateTimeOffset at, string by) =>
        $"Bản nháp này đã được nhập lúc {WardClock.Format(at)} ({by}); không nhập lại.";

    public const string DraftExpired =
        "Bản nháp này đã hết hạn, không nhập được nữa. Hãy gửi lại thông báo để có bản nháp mới, hoặc gửi tệp .xlsx đã sửa.";

    public const string DraftUnknown =
        "Không còn bản nháp này. Hãy gửi lại thông báo để có bản nháp mới.";

    // ------------------------------------------------------------ members invite (command line)

    public static string InviteHowTo(string link, string code) =>
        $"Telegram: gửi đường dẫn này cho đồng chí ấy:\n{link}\n(hoặc đồng chí ấy mở bot trên Telegram và gõ: /start {code})";

    public static string InviteNoUsername(string problem) =>
        $"Không hỏi được tên bot từ Telegram ({problem}). Hãy đặt Telegram:BotUsername rồi thử lại.";
}
