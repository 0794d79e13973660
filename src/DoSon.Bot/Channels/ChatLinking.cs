using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Channels;

/// <summary>What the bot says back to a link command.</summary>
/// <param name="Linked">The member the account is now linked to, or null when the code was refused.</param>
public sealed record LinkAnswer(string Text, Member? Linked);

/// <summary>The platform-independent part of meeting someone in a chat: a one-time code links their
/// account to a member; a linked account is recognised; anyone else is a stranger, who gets the
/// polite refusal and nothing else.</summary>
public sealed class ChatLinking(ChatInvites invites, IBotStore store, ILogger<ChatLinking> logger)
{
    public async Task<LinkAnswer> LinkAsync(ChatAccount account, string code)
    {
        var outcome = await invites.RedeemAsync(code, account);
        if (outcome is { Result: InviteRedemption.Linked, Member: { } member })
        {
            logger.LogInformation("Đã liên kết {Platform} cho thành viên {Member}.", ChatTexts.PlatformName(account.Platform), member.Code);
            return new LinkAnswer(ChatTexts.Linked(member, account.Platform), member);
        }

        if (outcome.JustLocked)
        {
            // Never the codes tried: one of them may be nearly right.
            logger.LogWarning("Tạm khóa liên kết {Platform} của tài khoản {Account} đến {Until:O}: {Count} mã mời sai trong {Minutes} phút.",
                ChatTexts.PlatformName(account.Platform), account.UserId, outcome.LockedUntil, ChatInvites.MaxFailures, ChatInvites.FailureWindow.TotalMinutes);
        }

        var refusal = outcome.Result switch
        {
            InviteRedemption.LockedOut => ChatTexts.InviteLockedOut,
            InviteRedemption.Expired => ChatTexts.InviteExpired,
            InviteRedemption.AlreadyUsed => ChatTexts.InviteUsed,
            _ => ChatTexts.InviteUnknown,
        };
        if (await FindAsync(account) is null)
        {
            refusal += "\n\n" + ChatTexts.Stranger(account);
        }

        return new LinkAnswer(refusal, null);
    }

    /// <summary>The member this account is linked to, or null for a stranger. A member who writes to
    /// the bot is reachable again, whatever made their chat unreachable before.</summary>
    public async Task<Member?> RecogniseAsync(ChatAccount account)
    {
        var member = await FindAsync(account);
        return member is { Unreachable: true } ? await store.SetUnreachableAsync(member.Code, false) : member;
    }

    private async Task<Member?> FindAsync(ChatAccount account) => account.Platform switch
    {
        ChatPlatform.Telegram => long.TryParse(account.UserId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? await store.FindMemberByTelegramAsync(id)
            : null,
        _ => await store.FindMemberByZaloAsync(account.UserId),
    };
}
