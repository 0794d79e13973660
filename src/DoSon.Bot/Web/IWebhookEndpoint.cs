using Microsoft.AspNetCore.Http;

namespace DoSon.Bot.Web;

/// <summary>A chat platform's webhook, served on the web console's own server (one listen setting,
/// <c>Web:ListenUrls</c>, for the console and every webhook). The endpoint needs no session and is not
/// counted by the console's rate limits (the platform proves itself with its secret header, and its
/// bursts are the ward's messages); it answers 200 only once the update is handled.</summary>
public interface IWebhookEndpoint
{
    /// <summary>The path the platform posts to (the path of its public webhook address).</summary>
    string Path { get; }

    Task<IResult> ReceiveAsync(HttpRequest request);
}
