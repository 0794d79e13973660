using Dapper;

namespace DoSon.Bot.Storage.PostgreSql;

internal sealed partial class PostgreSqlBotStore : IWebLoginStore, IWebKeyStore
{
    public Task CreateWebLoginAsync(string tokenHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            // Links long expired are of no use to anyone: dropped as new ones are made.
            await c.ExecuteAsync(Command("DELETE FROM web_logins WHERE expires_at < @stale", new { stale = createdAt.UtcDateTime.AddDays(-1) }, t, cancellationToken));
            await c.ExecuteAsync(Command(
                "INSERT INTO web_logins (token_hash, member_code, created_at, expires_at) VALUES (@tokenHash, @memberCode, @createdAt, @expiresAt)",
                new { tokenHash, memberCode, createdAt = createdAt.UtcDateTime, expiresAt = expiresAt.UtcDateTime }, t, cancellationToken));
            return 0;
        }, cancellationToken);

    public Task<WebLoginOutcome> RedeemWebLoginAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            var row = await c.QueryFirstOrDefaultAsync<(string MemberCode, DateTime ExpiresAt, DateTime? UsedAt)?>(Command(
                "SELECT member_code, expires_at, used_at FROM web_logins WHERE token_hash = @tokenHash FOR UPDATE", new { tokenHash }, t, cancellationToken));
            if (row is not { } link)
            {
                return new WebLoginOutcome(WebLoginRedemption.Unknown, null);
            }

            if (link.UsedAt is not null)
            {
                return new WebLoginOutcome(WebLoginRedemption.AlreadyUsed, null);
            }

            if (now.UtcDateTime >= link.ExpiresAt)
            {
                return new WebLoginOutcome(WebLoginRedemption.Expired, null);
            }

            await c.ExecuteAsync(Command("UPDATE web_logins SET used_at = @now WHERE token_hash = @tokenHash", new { tokenHash, now = now.UtcDateTime }, t, cancellationToken));
            return new WebLoginOutcome(WebLoginRedemption.SignedIn, link.MemberCode);
        }, cancellationToken);

    public Task SetCalendarFeedAsync(string memberCode, string tokenHash, DateTimeOffset createdAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "INSERT INTO calendar_feeds (member_code, token_hash, created_at) VALUES (@memberCode, @tokenHash, @createdAt) ON CONFLICT (member_code) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
            new { memberCode, tokenHash, createdAt = createdAt.UtcDateTime }, cancellationToken);

    public Task<string?> FindCalendarFeedMemberAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        FirstAsync<string?>("SELECT member_code FROM calendar_feeds WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken);

    public async Task<DateTimeOffset?> CalendarFeedCreatedAsync(string memberCode, CancellationToken cancellationToken = default) =>
        await FirstAsync<DateTime?>("SELECT created_at FROM calendar_feeds WHERE member_code = @memberCode", new { memberCode }, cancellationToken) is { } at
            ? new DateTimeOffset(DocumentMapping.Utc(at), TimeSpan.Zero)
            : null;

    // Synchronous, as ASP.NET Core's key repository is.

    public IReadOnlyList<WebKey> GetWebKeys()
    {
        using var connection = Source.OpenConnection();
        return [.. connection.Query<(string Name, string Xml)>("SELECT name, xml FROM web_keys ORDER BY name").Select(k => new WebKey(k.Name, k.Xml))];
    }

    public void SaveWebKey(WebKey key)
    {
        using var connection = Source.OpenConnection();
        connection.Execute("INSERT INTO web_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml", key);
    }
}
