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

    /// <summary>Gives the member a new calendar feed address (only its token's hash is stored),
    /// replacing the one they had: the old address stops working at once.</summary>
    Task SetCalendarFeedAsync(string memberCode, string tokenHash, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    /// <summary>The member whose current calendar feed token has this hash, or null.</summary>
    Task<string?> FindCalendarFeedMemberAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>When the member's current calendar feed address was made; null when they have none.</summary>
    Task<DateTimeOffset?> CalendarFeedCreatedAsync(string memberCode, CancellationToken cancellationToken = default);
}
