using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage;

public enum InviteRedemption
{
    Linked,
    Unknown,
    Expired,
    AlreadyUsed,
}

public sealed record InviteOutcome(InviteRedemption Result, Member? Member);

/// <summary>One-time codes that link a chat account (Telegram or Zalo) to a member. Only a hash of
/// each code is kept.</summary>
public interface IInviteStore
{
    /// <summary>Stores a new one-time code (only its hash) for a member; older unused codes of that
    /// member stop working.</summary>
    void CreateInvite(string codeHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt);

    /// <summary>Uses the code, if it is known, unused and unexpired, to link the account to its member
    /// (and away from any other member it was linked to); all in one transaction.</summary>
    InviteOutcome RedeemInvite(string codeHash, ChatAccount account, DateTimeOffset now);
}
