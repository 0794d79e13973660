namespace DoSon.Bot.Channels.Zalo;

/// <summary>Every sentence the Zalo adapter says of its own, in one place, so that someone who is not
/// a programmer can read and correct it. Linking and strangers: <see cref="ChatTexts"/>.</summary>
public static class ZaloTexts
{
    /// <summary>The token is still the example's (deploy/env.example), never the real one.</summary>
    public const string TokenNeverFilledIn =
        "Zalo:BotToken chưa được điền: giá trị hiện có là token mẫu (như trong deploy/env.example), hãy thay bằng Bot Token thật mà Zalo Bot Manager đã gửi.";

    public const string BadWebhookUrl =
        "Zalo:WebhookUrl phải là địa chỉ https đầy đủ mà Zalo gọi tới, ví dụ https://bot.example.vn/zalo/webhook (để trống: nhận tin bằng getUpdates).";

    public const string BadWebhookSecret =
        "Zalo:WebhookSecret là bắt buộc khi dùng webhook Zalo: từ 8 đến 256 ký tự, không dấu, không khoảng trắng.";

    public const string WebhookNeedsWebServer =
        "Zalo:WebhookUrl cần máy chủ web của bot để nhận cập nhật: đồng chí đặt Web:Enabled = true (hoặc xoá Zalo:WebhookUrl để nhận tin bằng getUpdates).";

    public const string OnlyText =
        "Tôi chỉ hiểu tin nhắn chữ và các lệnh bắt đầu bằng dấu /. Ảnh, nhãn dán và các loại tin nhắn khác tôi chưa đọc được.\nGõ /trogiup để xem danh sách lệnh.";

    /// <summary>A photo a member sent with no one current task: Zalo gives its address, which the member can put on a task.</summary>
    public static string PhotoReceived(string address) =>
        $"Tôi đã nhận ảnh của đồng chí: {address}\nĐể lưu ảnh vào một nhiệm vụ, đồng chí gõ /chitiet <mã> rồi gửi lại ảnh (hoặc /capnhat <mã> <phần trăm> Ảnh: {address}).";

    public const string LinkUsage =
        "Hãy gõ /lienket kèm mã liên kết mà Văn phòng Đảng ủy gửi cho đồng chí, ví dụ: /lienket K7M2P9QX4T3A";

    // ------------------------------------------------------------ buttons, as commands to type

    /// <summary>Zalo has no buttons: the commands they stand for are written under the message.</summary>
    public static string TypedCommands(IEnumerable<string> commands) => "Trả lời: " + string.Join(" · ", commands);

    public const string BlockerPlaceholder = "<nội dung>";

    /// <summary>Under a message about one task: the short answers that do what its buttons would.</summary>
    public static string ShortAnswers(IEnumerable<string> answers) => "Trả lời ngắn: " + string.Join(" · ", answers.Select(a => $"«{a}»"));

    public const string DoneAnswer = "xong";

    public const string BlockerAnswer = "vướng: <nội dung>";

    public const string SnoozeAnswer = "nhắc lại mai";

    public const string NoteAnswer = "ghi chú: <nội dung>";

    // ------------------------------------------------------------ members invite (command line)

    public static string InviteHowTo(string? botName, string code) =>
        (botName is null
            ? "Zalo: đồng chí ấy mở bot nhắc việc của Đảng ủy trên Zalo và gửi tin nhắn:\n"
            : $"Zalo: đồng chí ấy mở bot «{botName}» trên Zalo và gửi tin nhắn:\n")
        + $"/lienket {code}";

    public const string InviteTokenRefused =
        "Zalo từ chối token (401): mã này chưa dùng được trên Zalo. Hãy kiểm tra Zalo:BotToken.";
}
