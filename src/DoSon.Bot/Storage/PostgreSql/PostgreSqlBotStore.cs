using System.Text.Json;
using Dapper;
using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>The ward in a schema of a PostgreSQL server. Unlike the LiteDB file, several processes
/// may use one schema at once (the active instance and its standbys): every change is one
/// transaction whose rows are locked (FOR UPDATE) or changed by one conditional UPDATE, and nothing
/// that another instance could change is cached in the process. Backups are PostgreSQL's own
/// (pg_dump -n &lt;schema&gt;), not the file copies of the LiteDB store.</summary>
internal sealed partial class PostgreSqlBotStore : IWardStore
{
    private static readonly JsonSerializerOptions Json = new();

    private readonly string _connectionString;
    private readonly string _schema;
    private readonly DatabaseUse _use;
    private readonly Lock _gate = new();
    private NpgsqlDataSource? _dataSource;
    private ExpectedFailureException? _openFailure;

    static PostgreSqlBotStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public PostgreSqlBotStore(string connectionString, string schema, DatabaseUse? use = null)
    {
        if (!StorageOptions.IsValidSchema(schema))
        {
            throw new ExpectedFailureException(StorageTexts.BadSchema(schema), ExitCodes.Usage);
        }

        _connectionString = connectionString;
        _schema = schema;
        _use = use ?? new DatabaseUse();
    }

    public string Schema => _schema;

    public event Action<IReadOnlyCollection<string>>? TasksChanged;

    private NpgsqlDataSource Source => Volatile.Read(ref _dataSource) ?? Open();

    public void EnsureOpen() => _ = Source;

    private NpgsqlDataSource Open()
    {
        lock (_gate)
        {
            if (_dataSource is not null)
            {
                return _dataSource;
            }

            if (_openFailure is not null)
            {
                throw new ExpectedFailureException(_openFailure.Message, _openFailure.ExitCode, _openFailure);
            }

            string host = "?";
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(_connectionString);
                host = builder.Port == NpgsqlConnection.DefaultPort ? $"{builder.Host}" : $"{builder.Host}:{builder.Port}";
                // Migrations run once per start, before any chat or job; blocking here keeps EnsureOpen synchronous like LiteDB's.
                var createdNew = PostgreSqlMigrations.RunAsync(_connectionString, _schema, _use.MayCreate).GetAwaiter().GetResult();
                builder.SearchPath = _schema;
                _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
                _use.OpenedPath = $"{host}/{_schema}";
                _use.CreatedNew = createdNew;
                _use.Announce?.WriteLine(StorageTexts.PostgreSqlUsing(host, _schema));
                return _dataSource;
            }
            catch (PostgreSqlMigrations.SchemaMissingException ex)
            {
                throw new ExpectedFailureException(StorageTexts.PostgreSqlSchemaMissing(host, _schema), ExitCodes.DatabaseUnavailable, ex);
            }
            catch (PostgreSqlMigrations.MigrationException ex) when (ex.InnerException is not NpgsqlException { IsTransient: true })
            {
                _openFailure = new ExpectedFailureException(StorageTexts.PostgreSqlMigrationFailed(_schema, ex.Message), ExitCodes.DatabaseUnavailable, ex);
                throw _openFailure;
            }
            catch (Exception ex) when (ex is NpgsqlException or PostgreSqlMigrations.MigrationException or ArgumentException or System.Net.Sockets.SocketException)
            {
                // Not kept: the server may be back on the next try (a standby retries).
                throw new ExpectedFailureException(StorageTexts.PostgreSqlUnreachable(host, ex.Message), ExitCodes.DatabaseUnavailable, ex);
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await Source.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))];
    }

    private async Task<T?> FirstAsync<T>(string sql, object? args, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    private async Task<int> ExecuteAsync(string sql, object? args, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    private static string Key(string code) => code.ToLowerInvariant();

    private static string[] Keys(IEnumerable<string> codes) => [.. codes.Select(Key).Distinct(StringComparer.Ordinal)];

    private static string ToJson<T>(T doc) => JsonSerializer.Serialize(doc, Json);

    private static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static CommandDefinition Command(string sql, object? args, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        new(sql, args, transaction, cancellationToken: cancellationToken);

    public void DiscardIfCreatedNew()
    {
        if (!_use.CreatedNew)
        {
            return;
        }

        using (var connection = Source.OpenConnection())
        {
            connection.Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }

        Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _dataSource?.Dispose();
            _dataSource = null;
        }
    }

    // Members, units, milestones, sources

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        await FirstAsync<bool>("SELECT NOT EXISTS (SELECT 1 FROM tasks) AND NOT EXISTS (SELECT 1 FROM members)", null, cancellationToken);

    public async Task<IReadOnlyList<Unit>> GetUnitsAsync(CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>("SELECT doc::text FROM units", null, cancellationToken)).Select(j => FromJson<UnitDoc>(j).ToDomain()).OrderBy(u => u.Code, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<Member>> GetMembersAsync(CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>("SELECT doc::text FROM members", null, cancellationToken)).Select(j => FromJson<MemberDoc>(j).ToDomain()).OrderBy(m => m.Code, StringComparer.Ordinal)];

    public async Task<Member?> FindMemberAsync(string code, CancellationToken cancellationToken = default) =>
        await FirstAsync<string>("SELECT doc::text FROM members WHERE key = @key", new { key = Key(code) }, cancellationToken) is { } json
            ? FromJson<MemberDoc>(json).ToDomain()
            : null;

    public async Task<Member?> FindMemberByTelegramAsync(long userId, CancellationToken cancellationToken = default) =>
        await FirstAsync<string>("SELECT doc::text FROM members WHERE telegram_user_id = @userId", new { userId }, cancellationToken) is { } json
            ? FromJson<MemberDoc>(json).ToDomain()
            : null;

    public async Task<Member?> FindMemberByZaloAsync(string userId, CancellationToken cancellationToken = default) =>
        await FirstAsync<string>("SELECT doc::text FROM members WHERE zalo_user_id = @userId", new { userId }, cancellationToken) is { } json
            ? FromJson<MemberDoc>(json).ToDomain()
            : null;

    public Task<Member> SetTelegramUserAsync(string memberCode, long? userId, CancellationToken cancellationToken = default) =>
        UpdateMemberAsync(memberCode, (c, t, doc) => LinkAccountAsync(c, t, doc, ChatPlatform.Telegram, userId?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken), cancellationToken);

    public Task<Member> SetZaloUserAsync(string memberCode, string? userId, CancellationToken cancellationToken = default) =>
        UpdateMemberAsync(memberCode, (c, t, doc) => LinkAccountAsync(c, t, doc, ChatPlatform.Zalo, userId, cancellationToken), cancellationToken);

    public Task<Member> SetUnreachableAsync(string memberCode, bool unreachable, CancellationToken cancellationToken = default) =>
        UpdateMemberAsync(memberCode, (_, _, doc) =>
        {
            doc.Unreachable = unreachable;
            return Task.CompletedTask;
        }, cancellationToken);

    private Task<Member> UpdateMemberAsync(string memberCode, Func<NpgsqlConnection, NpgsqlTransaction, MemberDoc, Task> change, CancellationToken cancellationToken) =>
        InTransactionAsync(async (c, t) =>
        {
            var doc = await FindMemberDocAsync(c, t, memberCode, cancellationToken)
                ?? throw new KeyNotFoundException($"Không có thành viên mã {memberCode}.");
            await change(c, t, doc);
            await WriteMemberAsync(c, t, doc, cancellationToken);
            return doc.ToDomain();
        }, cancellationToken);

    private static async Task<MemberDoc?> FindMemberDocAsync(NpgsqlConnection c, NpgsqlTransaction t, string code, CancellationToken cancellationToken) =>
        await c.QueryFirstOrDefaultAsync<string>(Command("SELECT doc::text FROM members WHERE key = @key FOR UPDATE", new { key = Key(code) }, t, cancellationToken)) is { } json
            ? FromJson<MemberDoc>(json)
            : null;

    /// <summary>As the LiteDB store: the account leaves any other member it was linked to.</summary>
    private static async Task LinkAccountAsync(NpgsqlConnection c, NpgsqlTransaction t, MemberDoc doc, ChatPlatform platform, string? userId, CancellationToken cancellationToken)
    {
        if (platform == ChatPlatform.Telegram)
        {
            long? id = userId is null ? null : long.Parse(userId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
            if (id is not null)
            {
                foreach (var json in await c.QueryAsync<string>(Command("SELECT doc::text FROM members WHERE telegram_user_id = @id AND key <> @key FOR UPDATE", new { id, key = Key(doc.Code) }, t, cancellationToken)))
                {
                    var other = FromJson<MemberDoc>(json);
                    other.TelegramUserId = null;
                    await WriteMemberAsync(c, t, other, cancellationToken);
                }
            }

            doc.TelegramUserId = id;
        }
        else
        {
            if (userId is not null)
            {
                foreach (var json in await c.QueryAsync<string>(Command("SELECT doc::text FROM members WHERE zalo_user_id = @userId AND key <> @key FOR UPDATE", new { userId, key = Key(doc.Code) }, t, cancellationToken)))
                {
                    var other = FromJson<MemberDoc>(json);
                    other.ZaloUserId = null;
                    await WriteMemberAsync(c, t, other, cancellationToken);
                }
            }

            doc.ZaloUserId = userId;
        }

        doc.Unreachable = false;
    }

    private const string UpsertMember =
        """
        INSERT INTO members (key, code, telegram_user_id, zalo_user_id, doc) VALUES (@key, @code, @telegram, @zalo, @doc::jsonb)
        ON CONFLICT (key) DO UPDATE SET code = excluded.code, telegram_user_id = excluded.telegram_user_id, zalo_user_id = excluded.zalo_user_id, doc = excluded.doc
        """;

    private static Task<int> WriteMemberAsync(NpgsqlConnection c, NpgsqlTransaction t, MemberDoc doc, CancellationToken cancellationToken) =>
        c.ExecuteAsync(Command(UpsertMember, MemberArgs(doc), t, cancellationToken));

    private static object MemberArgs(MemberDoc doc) => new { key = Key(doc.Code), code = doc.Code, telegram = doc.TelegramUserId, zalo = doc.ZaloUserId, doc = ToJson(doc) };

    public async Task<IReadOnlyList<Milestone>> GetMilestonesAsync(CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>("SELECT doc::text FROM milestones", null, cancellationToken)).Select(j => FromJson<MilestoneDoc>(j).ToDomain())
            .OrderBy(m => m.Date).ThenBy(m => m.Code, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<SourceNotice>> GetSourcesAsync(CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>("SELECT doc::text FROM sources ORDER BY key", null, cancellationToken)).Select(j => FromJson<SourceDoc>(j).ToDomain())];

    public async Task<Milestone?> FindMilestoneAsync(string code, CancellationToken cancellationToken = default) =>
        await FirstAsync<string>("SELECT doc::text FROM milestones WHERE code = @code", new { code }, cancellationToken) is { } json
            ? FromJson<MilestoneDoc>(json).ToDomain()
            : null;

    public async Task<IReadOnlyList<Unit>> FindUnitsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>("SELECT doc::text FROM units WHERE key = ANY(@keys)", new { keys = Keys(codes) }, cancellationToken)).Select(j => FromJson<UnitDoc>(j).ToDomain())];

    public async Task<IReadOnlyList<Member>> FindMembersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>("SELECT doc::text FROM members WHERE key = ANY(@keys)", new { keys = Keys(codes) }, cancellationToken)).Select(j => FromJson<MemberDoc>(j).ToDomain())];

    // Progress and import

    public async Task<IReadOnlyList<ProgressReport>> GetHistoryAsync(string taskCode, CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<string>("SELECT doc::text FROM history WHERE task_key = @key ORDER BY id", new { key = Key(taskCode) }, cancellationToken))
            .Select(j => FromJson<HistoryDoc>(j).ToDomain())];

    public async Task<WorkTask> RecordProgressAsync(ProgressReport report, CancellationToken cancellationToken = default)
    {
        var task = await InTransactionAsync(async (c, t) =>
        {
            var doc = await FindTaskDocAsync(c, t, report.TaskCode, cancellationToken)
                ?? throw new KeyNotFoundException($"Không có nhiệm vụ mã {report.TaskCode}.");
            var before = doc.ToDomain();
            doc.Status = report.Status.ToString();
            if (report.Percent is { } p)
            {
                doc.Percent = p;
            }

            await WriteTaskAsync(c, t, doc, cancellationToken);
            // Old → new is taken under the row's lock, so that it is what the task really was.
            var changes = TaskField.Between(before, doc.ToDomain());
            await InsertHistoryAsync(c, t, (report with { Changes = changes.Count == 0 ? report.Changes : changes }).ToDoc(), cancellationToken);
            return doc.ToDomain();
        }, cancellationToken);

        TasksChanged?.Invoke([task.Code]);
        return task;
    }

    public async Task ApplyImportAsync(ImportPlan plan, string byMember, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await InTransactionAsync(async (c, t) =>
        {
            // Every row in a few batched round trips (RowBatch); the stored members and tasks are read
            // and locked with one query each, not one per row.
            await using var batch = new RowBatch(c, t);
            if (plan.Source is { } source)
            {
                var doc = source.ToDoc();
                await batch.AddAsync(
                    "INSERT INTO sources (key, doc) VALUES (@key, @doc::jsonb) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc",
                    new { key = Key(doc.Number), doc = ToJson(doc) }, cancellationToken);
            }

            foreach (var u in plan.Units.Where(u => u.Kind != ChangeKind.Unchanged))
            {
                var doc = u.Item.ToDoc();
                await batch.AddAsync(
                    "INSERT INTO units (key, code, doc) VALUES (@key, @code, @doc::jsonb) ON CONFLICT (key) DO UPDATE SET code = excluded.code, doc = excluded.doc",
                    new { key = Key(doc.Code), code = doc.Code, doc = ToJson(doc) }, cancellationToken);
            }

            // The plan was made before this transaction: a chat account linked or a progress report
            // recorded in between is kept, not overwritten with the plan's older copy.
            var members = plan.Members.Where(m => m.Kind != ChangeKind.Unchanged).ToList();
            var storedMembers = await LockDocsAsync<MemberDoc>(c, t, "members", members.Select(m => m.Item.Code), cancellationToken);
            foreach (var m in members)
            {
                var doc = m.Item.ToDoc();
                if (storedMembers.GetValueOrDefault(Key(doc.Code)) is { } stored)
                {
                    doc.TelegramUserId ??= stored.TelegramUserId;
                    doc.ZaloUserId ??= stored.ZaloUserId;
                    doc.Unreachable = stored.Unreachable;
                }

                storedMembers[Key(doc.Code)] = doc;
                await batch.AddAsync(UpsertMember, MemberArgs(doc), cancellationToken);
            }

            foreach (var m in plan.Milestones.Where(m => m.Kind != ChangeKind.Unchanged))
            {
                var doc = m.Item.ToDoc();
                await batch.AddAsync(
                    "INSERT INTO milestones (key, code, date, doc) VALUES (@key, @code, @date::date, @doc::jsonb) ON CONFLICT (key) DO UPDATE SET code = excluded.code, date = excluded.date, doc = excluded.doc",
                    new { key = Key(doc.Code), code = doc.Code, date = doc.Date, doc = ToJson(doc) }, cancellationToken);
            }

            var tasks = plan.Tasks.Where(x => x.Kind != ChangeKind.Unchanged).ToList();
            var storedTasks = await LockDocsAsync<TaskDoc>(c, t, "tasks", tasks.Select(x => x.Item.Code), cancellationToken);
            foreach (var change in tasks)
            {
                var doc = change.Item.ToDoc();
                var stored = storedTasks.GetValueOrDefault(Key(doc.Code));
                if (stored is not null)
                {
                    doc.Status = stored.Status;
                    doc.Percent = stored.Percent;
                }

                storedTasks[Key(doc.Code)] = doc;
                await batch.AddAsync(UpsertTask, TaskArgs(doc), cancellationToken);
                var note = change.Kind == ChangeKind.Created
                    ? "Tạo từ tệp nhập."
                    : "Cập nhật từ tệp nhập: " + string.Join(", ", change.ChangedFields) + ".";
                IReadOnlyList<FieldChange>? changes = stored is null ? null : TaskField.Between(stored.ToDomain(), doc.ToDomain());
                await batch.AddAsync(InsertHistory, HistoryArgs(new ProgressReport(
                    change.Item.Code, byMember, at, ProgressKind.Imported, null, Enum.Parse<WorkTaskStatus>(doc.Status), note, "import", changes).ToDoc()), cancellationToken);
            }

            await batch.FlushAsync(cancellationToken);
            return 0;
        }, cancellationToken);

        var changed = plan.Tasks.Where(c => c.Kind != ChangeKind.Unchanged).Select(c => c.Item.Code).ToList();
        if (changed.Count > 0 || plan.Milestones.Any(c => c.Kind != ChangeKind.Unchanged) || plan.Members.Any(c => c.Kind != ChangeKind.Unchanged))
        {
            TasksChanged?.Invoke(changed);
        }
    }

    /// <summary>The stored documents of <paramref name="codes"/> in <paramref name="table"/>, by key,
    /// locked (FOR UPDATE) until the transaction ends: one query for a whole import.</summary>
    private static async Task<Dictionary<string, T>> LockDocsAsync<T>(NpgsqlConnection c, NpgsqlTransaction t, string table, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var keys = Keys(codes);
        if (keys.Length == 0)
        {
            return new(StringComparer.Ordinal);
        }

        var rows = await c.QueryAsync<(string Key, string Doc)>(Command($"SELECT key, doc::text FROM {table} WHERE key = ANY(@keys) ORDER BY key FOR UPDATE", new { keys }, t, cancellationToken));
        return rows.ToDictionary(r => r.Key, r => FromJson<T>(r.Doc), StringComparer.Ordinal);
    }

    private const string InsertHistory = "INSERT INTO history (task_key, doc) VALUES (@key, @doc::jsonb)";

    private static object HistoryArgs(HistoryDoc doc) => new { key = Key(doc.TaskCode), doc = ToJson(doc) };

    private static Task<int> InsertHistoryAsync(NpgsqlConnection c, NpgsqlTransaction t, HistoryDoc doc, CancellationToken cancellationToken) =>
        c.ExecuteAsync(Command(InsertHistory, HistoryArgs(doc), t, cancellationToken));
}
