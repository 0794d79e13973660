namespace DoSon.Bot.Storage;

public enum WebLoginRedemption
{
    SignedIn,
    Unknown,
    Expired,
    AlreadyUsed,
}

/// <param name="MemberCode">For <see cref="WebLoginRedemption.SignedIn"/>: who the link was made for.</param>
public sealed record WebLoginOutcome(WebLoginRedemption Result, string? MemberCode);

/// <summary>One-time sign-in links to the web console, made by the /web chat command. Only a hash of
/// each link's token is kept; the token itself is shown once, in the chat.</summary>
public interface IWebLoginStore
{
    /// <summary>Stores a new one-time link (only its token's hash) for a member.</summary>
    Task CreateWebLoginAsync(string tokenHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Uses the link if it is known, unused and unexpired at <paramref name="now"/>; a link
    /// works once, even when two requests bring it at the same moment.</summary>
    Task<WebLoginOutcome> RedeemWebLoginAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);
}
