using System.Security.Cryptography;
using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels;

/// <summary>One-time codes that link a chat account to a member: made by the office with
/// `members invite`, used once on Telegram (/start, which the t.me deep link sends) or on Zalo
/// (/lienket). One code works on either platform. Only a hash is stored.</summary>
public sealed class ChatInvites(IInviteStore store, IOptions<InviteOptions> options, TimeProvider time)
{
    /// <summary>No 0/O or 1/I: the code may be read out over the phone.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int CodeLength = 12;

    /// <summary>Makes a new code for the member (older unused ones stop working).</summary>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> CreateAsync(string memberCode)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var now = time.GetUtcNow();
        var expires = now + TimeSpan.FromDays(options.Value.ValidDays);
        await store.CreateInviteAsync(Hash(code), memberCode, now, expires);
        return (code, expires);
    }

    /// <summary>Wrong codes an account may send within <see cref="FailureWindow"/> before it is locked out.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan LockoutTime = TimeSpan.FromHours(1);

    /// <summary>Uses the code for the account, unless the account has sent too many wrong codes
    /// lately: then even a right code is refused until the lockout ends, so guessing does not pay.
    /// The code is looked up by its SHA-256 hash: no comparison of the code itself can leak by its time.</summary>
    public async Task<InviteOutcome> RedeemAsync(string code, ChatAccount account)
    {
        var now = time.GetUtcNow();
        if (await store.InviteLockedUntilAsync(account, now) is { } until)
        {
            return new InviteOutcome(InviteRedemption.LockedOut, null, until);
        }

        var outcome = await store.RedeemInviteAsync(Hash(code), account, now);
        if (outcome.Result == InviteRedemption.Linked)
        {
            return outcome;
        }

        return await store.RecordInviteFailureAsync(account, now, MaxFailures, FailureWindow, LockoutTime) is { } lockedUntil
            ? new InviteOutcome(InviteRedemption.LockedOut, null, lockedUntil, JustLocked: true)
            : outcome;
    }

    /// <summary>People type codes in lower case or with spaces; the hash is of the normalised code.</summary>
    public static string Hash(string code)
    {
        var normalized = new string(code.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
