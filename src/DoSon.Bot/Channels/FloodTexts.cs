namespace DoSon.Bot.Channels;

/// <summary>What a person sees of flood control, the same on Telegram and Zalo. In one place, so that
/// someone who is not a programmer can read and correct it.</summary>
public static class FloodTexts
{
    /// <summary>The one answer a member gets on going over Chat:MaxMessagesPerMinute.</summary>
    public const string SlowDown =
        "Đồng chí gửi quá nhanh; bot tạm bỏ qua tin nhắn trong ít phút, hãy gửi lại sau một phút.";
}
