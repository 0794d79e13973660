using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage;

public enum InviteRedemption
{
    Linked,
    Unknown,
    Expired,
    AlreadyUsed,
    /// <summary>Too many wrong codes from this account lately: no code is even looked at.</summary>
    LockedOut,
}

/// <param name="LockedUntil">For <see cref="InviteRedemption.LockedOut"/>: when the account may try again.</param>
/// <param name="JustLocked">This attempt was the one that locked the account (log it once).</param>
public sealed record InviteOutcome(InviteRedemption Result, Member? Member, DateTimeOffset? LockedUntil = null, bool JustLocked = false);

/// <summary>One-time codes that link a chat account (Telegram or Zalo) to a member. Only a hash of
/// each code is kept.</summary>
public interface IInviteStore
{
    /// <summary>Stores a new one-time code (only its hash) for a member; older unused codes of that
    /// member stop working.</summary>
    Task CreateInviteAsync(string codeHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Uses the code, if it is known, unused and unexpired, to link the account to its member
    /// (and away from any other member it was linked to); all in one transaction.</summary>
    Task<InviteOutcome> RedeemInviteAsync(string codeHash, ChatAccount account, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>When the account may try a code again, or null when it is not locked out now.</summary>
    Task<DateTimeOffset?> InviteLockedUntilAsync(ChatAccount account, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Counts a refused code from the account. When it makes <paramref name="maxFailures"/>
    /// within the last <paramref name="window"/>, the account is locked until now + <paramref name="lockFor"/>
    /// and that instant is returned; otherwise null. Kept in the database, so a restart does not reset it.</summary>
    Task<DateTimeOffset?> RecordInviteFailureAsync(ChatAccount account, DateTimeOffset now, int maxFailures, TimeSpan window, TimeSpan lockFor, CancellationToken cancellationToken = default);

    /// <summary>How many accounts were locked out at or after <paramref name="since"/> (the admins' digest).</summary>
    Task<int> CountInviteLockoutsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
