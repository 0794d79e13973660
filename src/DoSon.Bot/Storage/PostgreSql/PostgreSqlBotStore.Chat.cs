using Dapper;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>Invites, drafts, what the chat adapters keep, and the group digests' log, as in the
/// LiteDB store; each one-time thing (a code, a draft) is taken by one conditional UPDATE or under
/// its row's lock, so two instances never both take it.</summary>
internal sealed partial class PostgreSqlBotStore : IInviteStore, INoticeDraftStore, ITelegramStore, IGroupDigestLog
{
    private static readonly TimeSpan ExpiredDraftMemory = TimeSpan.FromDays(30);
    private static readonly TimeSpan MessageRecordLifetime = TimeSpan.FromDays(120);
    private static readonly TimeSpan GroupDigestRecordLifetime = TimeSpan.FromDays(60);

    private static string AttemptKey(ChatAccount account) => $"{account.Platform}:{account.UserId}";

    // Invites

    public Task CreateInviteAsync(string codeHash, string memberCode, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            var member = await FindMemberDocAsync(c, t, memberCode, cancellationToken)
                ?? throw new KeyNotFoundException($"Không có thành viên mã {memberCode}.");
            await c.ExecuteAsync(Command("DELETE FROM invites WHERE member_code = @code AND used_at IS NULL", new { code = member.Code }, t, cancellationToken));
            await c.ExecuteAsync(Command(
                "INSERT INTO invites (code_hash, member_code, created_at, expires_at) VALUES (@codeHash, @code, @createdAt, @expiresAt)",
                new { codeHash, code = member.Code, createdAt = createdAt.UtcDateTime, expiresAt = expiresAt.UtcDateTime }, t, cancellationToken));
            return 0;
        }, cancellationToken);

    public Task<InviteOutcome> RedeemInviteAsync(string codeHash, ChatAccount account, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            var invite = await c.QueryFirstOrDefaultAsync<(string MemberCode, DateTime ExpiresAt, DateTime? UsedAt)?>(Command(
                "SELECT member_code, expires_at, used_at FROM invites WHERE code_hash = @codeHash FOR UPDATE", new { codeHash }, t, cancellationToken));
            if (invite is not { } found)
            {
                return new InviteOutcome(InviteRedemption.Unknown, null);
            }

            if (found.UsedAt is not null)
            {
                return new InviteOutcome(InviteRedemption.AlreadyUsed, null);
            }

            if (now.UtcDateTime >= found.ExpiresAt)
            {
                return new InviteOutcome(InviteRedemption.Expired, null);
            }

            if (await FindMemberDocAsync(c, t, found.MemberCode, cancellationToken) is not { } member)
            {
                return new InviteOutcome(InviteRedemption.Unknown, null);
            }

            await LinkAccountAsync(c, t, member, account.Platform, account.UserId, cancellationToken);
            await WriteMemberAsync(c, t, member, cancellationToken);
            await c.ExecuteAsync(Command(
                "UPDATE invites SET used_at = @now, used_on = @platform, used_by = @userId WHERE code_hash = @codeHash",
                new { codeHash, now = now.UtcDateTime, platform = account.Platform.ToString(), userId = account.UserId }, t, cancellationToken));
            return new InviteOutcome(InviteRedemption.Linked, member.ToDomain());
        }, cancellationToken);

    public async Task<DateTimeOffset?> InviteLockedUntilAsync(ChatAccount account, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await FirstAsync<DateTime?>("SELECT locked_until FROM invite_attempts WHERE account = @key AND locked_until > @now",
            new { key = AttemptKey(account), now = now.UtcDateTime }, cancellationToken) is { } until
            ? new DateTimeOffset(until)
            : null;

    public Task<DateTimeOffset?> RecordInviteFailureAsync(ChatAccount account, DateTimeOffset now, int maxFailures, TimeSpan window, TimeSpan lockFor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            var key = AttemptKey(account);
            await c.ExecuteAsync(Command("INSERT INTO invite_attempts (account, failures) VALUES (@key, '{}') ON CONFLICT (account) DO NOTHING", new { key }, t, cancellationToken));
            var failures = await c.QuerySingleAsync<DateTime[]>(Command("SELECT failures FROM invite_attempts WHERE account = @key FOR UPDATE", new { key }, t, cancellationToken));
            var from = (now - window).UtcDateTime;
            DateTime[] kept = [.. failures.Where(f => f > from), now.UtcDateTime];
            DateTimeOffset? locked = null;
            if (kept.Length >= maxFailures)
            {
                locked = now + lockFor;
                kept = [];
            }

            await c.ExecuteAsync(Command(
                """
                UPDATE invite_attempts SET failures = @kept,
                    locked_until = coalesce(@lockedUntil, locked_until), locked_at = CASE WHEN @lockedUntil IS NULL THEN locked_at ELSE @now END
                WHERE account = @key
                """,
                new { key, kept, lockedUntil = locked?.UtcDateTime, now = now.UtcDateTime }, t, cancellationToken));
            return locked;
        }, cancellationToken);

    public async Task<int> CountInviteLockoutsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await FirstAsync<int>("SELECT count(*)::int FROM invite_attempts WHERE locked_at >= @since", new { since = since.UtcDateTime }, cancellationToken);

    // Notice drafts

    private const string DraftColumns = "id, member_code, file_name, draft_name, task_count, json, created_at, expires_at, imported_at, imported_by";

    public Task SaveDraftAsync(NoticeDraftRecord draft, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(Command("DELETE FROM notice_drafts WHERE expires_at < @cutoff", new { cutoff = (draft.CreatedAt - ExpiredDraftMemory).UtcDateTime }, t, cancellationToken));
            await c.ExecuteAsync(Command(
                $"""
                INSERT INTO notice_drafts ({DraftColumns}) VALUES (@Id, @MemberCode, @FileName, @DraftName, @TaskCount, @Json, @CreatedAt, @ExpiresAt, @ImportedAt, @ImportedBy)
                ON CONFLICT (id) DO UPDATE SET member_code = excluded.member_code, file_name = excluded.file_name, draft_name = excluded.draft_name,
                    task_count = excluded.task_count, json = excluded.json, created_at = excluded.created_at, expires_at = excluded.expires_at,
                    imported_at = excluded.imported_at, imported_by = excluded.imported_by
                """,
                new
                {
                    draft.Id,
                    draft.MemberCode,
                    draft.FileName,
                    draft.DraftName,
                    draft.TaskCount,
                    draft.Json,
                    CreatedAt = draft.CreatedAt.UtcDateTime,
                    ExpiresAt = draft.ExpiresAt.UtcDateTime,
                    ImportedAt = draft.ImportedAt?.UtcDateTime,
                    draft.ImportedBy,
                }, t, cancellationToken));
            return 0;
        }, cancellationToken);

    public async Task<NoticeDraftRecord?> FindDraftAsync(string id, CancellationToken cancellationToken = default) =>
        await FirstAsync<NoticeDraftDoc>($"SELECT {DraftColumns} FROM notice_drafts WHERE id = @id", new { id }, cancellationToken) is { } doc ? ToRecord(doc) : null;

    public Task<DraftClaim> ClaimDraftAsync(string id, string memberCode, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            var doc = await c.QueryFirstOrDefaultAsync<NoticeDraftDoc>(Command($"SELECT {DraftColumns} FROM notice_drafts WHERE id = @id FOR UPDATE", new { id }, t, cancellationToken));
            if (doc is null)
            {
                return new DraftClaim(DraftClaimResult.Unknown, null);
            }

            if (doc.ImportedAt is not null)
            {
                return new DraftClaim(DraftClaimResult.AlreadyImported, ToRecord(doc));
            }

            if (now.UtcDateTime >= doc.ExpiresAt)
            {
                return new DraftClaim(DraftClaimResult.Expired, ToRecord(doc));
            }

            doc.ImportedAt = now.UtcDateTime;
            doc.ImportedBy = memberCode;
            await c.ExecuteAsync(Command("UPDATE notice_drafts SET imported_at = @ImportedAt, imported_by = @ImportedBy WHERE id = @Id", doc, t, cancellationToken));
            return new DraftClaim(DraftClaimResult.Claimed, ToRecord(doc));
        }, cancellationToken);

    public Task ReleaseDraftAsync(string id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE notice_drafts SET imported_at = NULL, imported_by = NULL WHERE id = @id", new { id }, cancellationToken);

    private static NoticeDraftRecord ToRecord(NoticeDraftDoc d) => new(
        d.Id, d.MemberCode, d.FileName, d.DraftName, d.TaskCount, d.Json,
        new DateTimeOffset(DocumentMapping.Utc(d.CreatedAt)), new DateTimeOffset(DocumentMapping.Utc(d.ExpiresAt)),
        d.ImportedAt is { } at ? new DateTimeOffset(DocumentMapping.Utc(at)) : null, d.ImportedBy);

    // Telegram

    public Task RecordMessageAsync(TelegramMessageRecord record, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(Command(
                """
                INSERT INTO telegram_messages (chat_id, message_id, task_codes, purpose, at) VALUES (@chatId, @messageId, @codes, @purpose, @at)
                ON CONFLICT (chat_id, message_id) DO UPDATE SET task_codes = excluded.task_codes, purpose = excluded.purpose, at = excluded.at
                """,
                new { chatId = record.ChatId, messageId = record.MessageId, codes = record.TaskCodes.ToArray(), purpose = record.Purpose.ToString(), at = at.UtcDateTime },
                t, cancellationToken));
            await c.ExecuteAsync(Command("DELETE FROM telegram_messages WHERE at < @cutoff", new { cutoff = (at - MessageRecordLifetime).UtcDateTime }, t, cancellationToken));
            return 0;
        }, cancellationToken);

    public async Task<TelegramMessageRecord?> FindMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) =>
        await FirstAsync<(long ChatId, int MessageId, string[] TaskCodes, string Purpose)?>(
            "SELECT chat_id, message_id, task_codes, purpose FROM telegram_messages WHERE chat_id = @chatId AND message_id = @messageId",
            new { chatId, messageId }, cancellationToken) is { } row
            ? new TelegramMessageRecord(row.ChatId, row.MessageId, row.TaskCodes,
                Enum.TryParse<TelegramMessagePurpose>(row.Purpose, out var purpose) ? purpose : TelegramMessagePurpose.Tasks)
            : null;

    public Task RegisterGroupAsync(TelegramGroup group, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO telegram_groups (chat_id, title, registered_by, registered_at) VALUES (@ChatId, @Title, @RegisteredBy, @at)
            ON CONFLICT (chat_id) DO UPDATE SET title = excluded.title, registered_by = excluded.registered_by, registered_at = excluded.registered_at
            """,
            new { group.ChatId, group.Title, group.RegisteredBy, at = group.RegisteredAt.UtcDateTime }, cancellationToken);

    public async Task<bool> UnregisterGroupAsync(long chatId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM telegram_groups WHERE chat_id = @chatId", new { chatId }, cancellationToken) > 0;

    public async Task<IReadOnlyList<TelegramGroup>> GetGroupsAsync(CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<(long ChatId, string Title, string RegisteredBy, DateTime RegisteredAt)>(
                "SELECT chat_id, title, registered_by, registered_at FROM telegram_groups", null, cancellationToken))
            .Select(g => new TelegramGroup(g.ChatId, g.Title, g.RegisteredBy, new DateTimeOffset(DocumentMapping.Utc(g.RegisteredAt))))
            .OrderBy(g => g.Title, StringComparer.Ordinal)];

    public async Task<TelegramPollState?> GetPollStateAsync(CancellationToken cancellationToken = default) =>
        await FirstAsync<string>("SELECT doc::text FROM poll_state WHERE key = 'telegram'", null, cancellationToken) is { } json
            && FromJson<TelegramStateDoc>(json) is var doc
            ? new TelegramPollState(doc.LastUpdateId, new DateTimeOffset(DocumentMapping.Utc(doc.At))) { HandledAbove = doc.HandledAbove ?? [] }
            : null;

    public Task SavePollStateAsync(TelegramPollState state, CancellationToken cancellationToken = default) =>
        SavePollDocAsync("telegram", ToJson(new TelegramStateDoc { Key = "polling", LastUpdateId = state.LastUpdateId, HandledAbove = [.. state.HandledAbove], At = state.At.UtcDateTime }), cancellationToken);

    private Task<int> SavePollDocAsync(string key, string json, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO poll_state (key, doc) VALUES (@key, @json::jsonb) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc", new { key, json }, cancellationToken);

    // Group digests

    public async Task<IReadOnlySet<long>> GroupsSentAsync(string kind, DateOnly date, CancellationToken cancellationToken = default) =>
        (await QueryAsync<long>("SELECT chat_id FROM group_digests WHERE kind = @kind AND date = @date::date", new { kind, date = DocumentMapping.ToIso(date) }, cancellationToken)).ToHashSet();

    public Task RecordGroupSentAsync(string kind, DateOnly date, long chatId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(Command(
                "INSERT INTO group_digests (kind, date, chat_id, sent_at) VALUES (@kind, @date::date, @chatId, @at) ON CONFLICT (kind, date, chat_id) DO UPDATE SET sent_at = excluded.sent_at",
                new { kind, date = DocumentMapping.ToIso(date), chatId, at = at.UtcDateTime }, t, cancellationToken));
            await c.ExecuteAsync(Command("DELETE FROM group_digests WHERE sent_at < @cutoff", new { cutoff = (at - GroupDigestRecordLifetime).UtcDateTime }, t, cancellationToken));
            return 0;
        }, cancellationToken);
}
