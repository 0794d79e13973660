using System.Globalization;

namespace DoSon.Bot.Domain;

public enum ChatPlatform
{
    Telegram,
    Zalo,
}

/// <summary>A person's account on one chat platform: who wrote to the bot, or whom an invite code
/// links. Telegram's ids are numbers, Zalo's are strings; both are kept as text here.</summary>
public sealed record ChatAccount(ChatPlatform Platform, string UserId)
{
    public static ChatAccount Telegram(long userId) => new(ChatPlatform.Telegram, userId.ToString(CultureInfo.InvariantCulture));

    public static ChatAccount Zalo(string userId) => new(ChatPlatform.Zalo, userId);
}
