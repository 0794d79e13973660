namespace DoSon.Bot.Messaging;

/// <summary>A picture put where a chat platform can fetch it by address (Zalo's sendPhoto takes a URL,
/// not an upload). Filled by the web console when it has a public address.</summary>
public interface IPublicPictures
{
    /// <summary>A short-lived address of <paramref name="picture"/>, or null when the bot has no public
    /// address (Web:PublicUrl not set, or the web server off): the caller then sends text only.</summary>
    string? Publish(ReplyPicture picture);
}
