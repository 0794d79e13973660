using DoSon.Bot.Domain;
using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class InviteDoc
{
    /// <summary>SHA-256 of the code: the code itself is a secret shown once and never stored.</summary>
    [BsonId] public string CodeHash { get; set; } = "";
    public string MemberCode { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC instant.</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>UTC instant; null while unused.</summary>
    public DateTime? UsedAt { get; set; }
    /// <summary>"Telegram" or "Zalo"; null while unused.</summary>
    public string? UsedOn { get; set; }
    public string? UsedBy { get; set; }
}

/// <summary>Wrong invite codes from one chat account ("Telegram:123"), to slow down guessing.</summary>
internal sealed class InviteAttemptDoc
{
    [BsonId] public string Account { get; set; } = "";
    /// <summary>UTC instants of the recent refused codes (the codes themselves are not kept).</summary>
    public List<DateTime> Failures { get; set; } = [];
    /// <summary>UTC instant; null or past when not locked.</summary>
    public DateTime? LockedUntil { get; set; }
    /// <summary>UTC instant of the latest lockout.</summary>
    public DateTime? LockedAt { get; set; }
}

internal sealed partial class LiteDbBotStore : IInviteStore
{
    /// <summary>Where the Telegram adapter kept invites before Zalo shared them (user ids as numbers).</summary>
    private const string TelegramInvitesCollection = "telegram_invites";

    private bool _invitesReady;

    private ILiteCollection<InviteDoc> Invites => _db.GetCollection<InviteDoc>("invites");

    private ILiteCollection<InviteAttemptDoc> InviteAttempts => _db.GetCollection<InviteAttemptDoc>("invite_attempts");

    private static string AttemptKey(ChatAccount account) => $"{account.Platform}:{account.UserId}";

    private DateTimeOffset? InviteLockedUntil(ChatAccount account, DateTimeOffset now)
    {
        lock (_gate)
        {
            var doc = InviteAttempts.FindById(AttemptKey(account));
            return doc?.LockedUntil is { } until && Utc(until) > now.UtcDateTime
                ? new DateTimeOffset(Utc(until))
                : null;
        }
    }

    private DateTimeOffset? RecordInviteFailure(ChatAccount account, DateTimeOffset now, int maxFailures, TimeSpan window, TimeSpan lockFor)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var key = AttemptKey(account);
                var doc = InviteAttempts.FindById(key) ?? new InviteAttemptDoc { Account = key };
                var from = (now - window).UtcDateTime;
                doc.Failures = [.. doc.Failures.Select(Utc).Where(f => f > from), now.UtcDateTime];
                DateTimeOffset? locked = null;
                if (doc.Failures.Count >= maxFailures)
                {
                    locked = now + lockFor;
                    doc.LockedUntil = locked.Value.UtcDateTime;
                    doc.LockedAt = now.UtcDateTime;
                    doc.Failures = [];
                }

                InviteAttempts.Upsert(doc);
                return locked;
            });
        }
    }

    private int CountInviteLockouts(DateTimeOffset since)
    {
        lock (_gate)
        {
            var from = since.UtcDateTime;
            return InviteAttempts.Find(d => d.LockedAt != null && d.LockedAt >= from).Count();
        }
    }

    // Made on first use, inside the lock, like the Telegram indexes.
    private void EnsureInvites()
    {
        if (_invitesReady)
        {
            return;
        }

        Invites.EnsureIndex(i => i.MemberCode);
        if (_db.CollectionExists(TelegramInvitesCollection))
        {
            // Codes made before invites were shared keep working, and used ones keep saying who used them.
            var old = _db.GetCollection(TelegramInvitesCollection);
            InTransaction(() =>
            {
                foreach (var doc in old.FindAll())
                {
                    var usedBy = doc["UsedBy"];
                    Invites.Upsert(new InviteDoc
                    {
                        CodeHash = doc["_id"].AsString,
                        MemberCode = doc["MemberCode"].AsString,
                        CreatedAt = doc["CreatedAt"].AsDateTime.ToUniversalTime(),
                        ExpiresAt = doc["ExpiresAt"].AsDateTime.ToUniversalTime(),
                        UsedAt = doc["UsedAt"].IsNull ? null : doc["UsedAt"].AsDateTime.ToUniversalTime(),
                        UsedOn = usedBy.IsNull ? null : nameof(ChatPlatform.Telegram),
                        UsedBy = usedBy.IsNull ? null : usedBy.AsInt64.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    });
                }

                return 0;
            });
            // Outside the transaction: should the process stop in between, the copy above simply runs again.
            _db.DropCollection(TelegramInvitesCollection);
        }

        _invitesReady = true;
    }

    private void CreateInvite(string codeHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            EnsureInvites();
            InTransaction(() =>
            {
                var member = FindMemberDoc(memberCode)
                    ?? throw new KeyNotFoundException($"Không có thành viên mã {memberCode}.");
                var code = member.Code;
                Invites.DeleteMany(i => i.MemberCode == code && i.UsedAt == null);
                Invites.Insert(new InviteDoc
                {
                    CodeHash = codeHash,
                    MemberCode = member.Code,
                    CreatedAt = createdAt.UtcDateTime,
                    ExpiresAt = expiresAt.UtcDateTime,
                });
                return 0;
            });
        }
    }

    private InviteOutcome RedeemInvite(string codeHash, ChatAccount account, DateTimeOffset now)
    {
        lock (_gate)
        {
            EnsureInvites();
            return InTransaction(() =>
            {
                var invite = Invites.FindById(codeHash);
                if (invite is null)
                {
                    return new InviteOutcome(InviteRedemption.Unknown, null);
                }

                if (invite.UsedAt is not null)
                {
                    return new InviteOutcome(InviteRedemption.AlreadyUsed, null);
                }

                if (now.UtcDateTime >= DateTime.SpecifyKind(invite.ExpiresAt, DateTimeKind.Utc))
                {
                    return new InviteOutcome(InviteRedemption.Expired, null);
                }

                var member = FindMemberDoc(invite.MemberCode);
                if (member is null)
                {
                    return new InviteOutcome(InviteRedemption.Unknown, null);
                }

                LinkAccount(member, account.Platform, account.UserId);
                Members.Update(member);
                invite.UsedAt = now.UtcDateTime;
                invite.UsedOn = account.Platform.ToString();
                invite.UsedBy = account.UserId;
                Invites.Update(invite);
                return new InviteOutcome(InviteRedemption.Linked, member.ToDomain());
            });
        }
    }
}
