using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class WebLoginDoc
{
    /// <summary>SHA-256 of the link's token: the token is a secret shown once and never stored.</summary>
    [BsonId] public string TokenHash { get; set; } = "";
    public string MemberCode { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC instant.</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>UTC instant; null while unused.</summary>
    public DateTime? UsedAt { get; set; }
}

/// <summary>A member's calendar feed: one per member, so a new address replaces the old.</summary>
internal sealed class CalendarFeedDoc
{
    [BsonId] public string MemberCode { get; set; } = "";
    /// <summary>SHA-256 of the feed's token, as for sign-in links: the token is never stored.</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>UTC instant.</summary>
    public DateTime CreatedAt { get; set; }
}

internal sealed partial class LiteDbBotStore : IWebLoginStore
{
    private ILiteCollection<WebLoginDoc> WebLogins => _db.GetCollection<WebLoginDoc>("web_logins");

    public Task CreateWebLoginAsync(string tokenHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Links long expired are of no use to anyone: dropped as new ones are made, so the collection stays small.
            var stale = createdAt.UtcDateTime.AddDays(-1);
            WebLogins.DeleteMany(d => d.ExpiresAt < stale);
            WebLogins.Insert(new WebLoginDoc
            {
                TokenHash = tokenHash,
                MemberCode = memberCode,
                CreatedAt = createdAt.UtcDateTime,
                ExpiresAt = expiresAt.UtcDateTime,
            });
        }

        return Task.CompletedTask;
    }

    public Task<WebLoginOutcome> RedeemWebLoginAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var doc = WebLogins.FindById(tokenHash);
            WebLoginOutcome outcome;
            if (doc is null)
            {
                outcome = new(WebLoginRedemption.Unknown, null);
            }
            else if (doc.UsedAt is not null)
            {
                outcome = new(WebLoginRedemption.AlreadyUsed, null);
            }
            else if (now.UtcDateTime >= Utc(doc.ExpiresAt))
            {
                outcome = new(WebLoginRedemption.Expired, null);
            }
            else
            {
                doc.UsedAt = now.UtcDateTime;
                WebLogins.Update(doc);
                outcome = new(WebLoginRedemption.SignedIn, doc.MemberCode);
            }

            return Task.FromResult(outcome);
        }
    }

    private ILiteCollection<CalendarFeedDoc> CalendarFeeds
    {
        get
        {
            var feeds = _db.GetCollection<CalendarFeedDoc>("calendar_feeds");
            feeds.EnsureIndex(d => d.TokenHash, unique: true);
            return feeds;
        }
    }

    public Task SetCalendarFeedAsync(string memberCode, string tokenHash, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            CalendarFeeds.Upsert(new CalendarFeedDoc { MemberCode = memberCode, TokenHash = tokenHash, CreatedAt = createdAt.UtcDateTime });
        }

        return Task.CompletedTask;
    }

    public Task<string?> FindCalendarFeedMemberAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(CalendarFeeds.FindOne(d => d.TokenHash == tokenHash)?.MemberCode);
        }
    }

    public Task<DateTimeOffset?> CalendarFeedCreatedAsync(string memberCode, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var doc = CalendarFeeds.FindById(memberCode);
            return Task.FromResult<DateTimeOffset?>(doc is null ? null : new DateTimeOffset(Utc(doc.CreatedAt), TimeSpan.Zero));
        }
    }
}
