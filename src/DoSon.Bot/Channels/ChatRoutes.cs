using DoSon.Bot.Domain;

namespace DoSon.Bot.Channels;

/// <summary>A member's private chat on one platform.</summary>
public sealed record ChatRoute(IChatChannel Channel, string ChatId);

public static class ChatRoutes
{
    /// <summary>Every platform the member can be reached on, in the order the channels were registered
    /// (Telegram before Zalo). With Telegram and Zalo both running, IChatChannel resolves to several
    /// channels; a message meant for a member goes to each of these routes.</summary>
    public static IReadOnlyList<ChatRoute> To(this IEnumerable<IChatChannel> channels, Member member) =>
        channels
            .Select(c => (Channel: c, ChatId: c.ChatIdOf(member)))
            .Where(r => !string.IsNullOrWhiteSpace(r.ChatId))
            .Select(r => new ChatRoute(r.Channel, r.ChatId!))
            .ToList();
}
