using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Storage.PostgreSql;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Hosting;
using FluentAssertions;
using Npgsql;

namespace DoSon.Bot.Tests.Storage;

/// <summary>`storage copy`: a ward moved between LiteDB and PostgreSQL whole, verified, or not at all.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageCopyTests(PostgresServer server) : IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
    private static readonly DateTimeOffset At = new(2026, 3, 5, 2, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 8);
    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    private string FileIn(string name) => Path.Combine(_folder.Folder, name);

    private Task<ProgramRun.Outcome> FromLiteDb(string path, params string[] args) =>
        ProgramRun.InProcess(_folder.Folder, [.. args, $"--Storage:DatabasePath={path}"]);

    private Task<ProgramRun.Outcome> FromPostgreSql(string schema, params string[] args) =>
        ProgramRun.InProcess(_folder.Folder, [.. args, "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={server.ConnectionString}", $"--Storage:Schema={schema}"]);

    /// <summary>The March sample with a history of progress, a linked member, a Telegram group, an
    /// invite, a calendar feed, a handled update, current tasks and reminders pending and sent.</summary>
    private async Task<string> MarchWardAsync()
    {
        var path = FileIn("march.db");
        var import = await FromLiteDb(path, "import", SamplePath);
        import.Code.Should().Be(ExitCodes.Ok, import.All);
        using var store = new LiteDbBotStore(path);
        var task = (await store.GetTasksAsync()).First(t => t.Assignees.Count > 0);
        var member = task.Assignees[0];
        await store.SetTelegramUserAsync(member, 4242);
        await store.RecordProgressAsync(new ProgressReport(task.Code, member, At, ProgressKind.Progress, 40, WorkTaskStatus.InProgress, "Đã họp tổ", "telegram"));
        await store.RecordProgressAsync(new ProgressReport(task.Code, member, At.AddHours(1), ProgressKind.Progress, 70, WorkTaskStatus.InProgress, null, "zalo"));
        await store.RegisterGroupAsync(new TelegramGroup(-100123, "Nhóm phường", member, At));
        await store.RecordMessageAsync(new TelegramMessageRecord(-100123, 77, [task.Code], TelegramMessagePurpose.Tasks), At);
        await store.RecordGroupSentAsync("morning", Today, -100123, At);
        await store.CreateInviteAsync("invite-hash", member, At, At.AddDays(2));
        await store.SetCalendarFeedAsync(member, "feed-hash", At);
        await store.MarkHandledAsync("telegram", "991", At);
        await store.SetCurrentTasksAsync(new CurrentTasks(member, [task.Code], At));
        await store.ApplyPlanAsync(
            [
                new PlannedReminder($"task:{task.Code}:{member}:before-1", ReminderKind.Task, member, task.Code, null, "before-1", At.AddDays(1)),
                new PlannedReminder($"task:{task.Code}:{member}:before-3", ReminderKind.Task, member, task.Code, null, "before-3", At.AddDays(-1)),
            ],
            new HashSet<string>([task.Code]), At.AddDays(-2));
        await store.CompleteAsync([$"task:{task.Code}:{member}:before-3"], ReminderState.Sent, At, null, 1, "telegram");
        return path;
    }

    private static async Task QueriesAgreeAsync(LiteDbBotStore expected, IWardStore actual)
    {
        (await actual.GetTasksAsync()).Should().BeEquivalentTo(await expected.GetTasksAsync(), o => o.WithStrictOrdering());
        (await actual.GetOverdueTasksAsync(Today)).Should().BeEquivalentTo(await expected.GetOverdueTasksAsync(Today), o => o.WithStrictOrdering());
        (await actual.GetMembersAsync()).Should().BeEquivalentTo(await expected.GetMembersAsync(), o => o.WithStrictOrdering());
        (await actual.FindMemberByTelegramAsync(4242)).Should().BeEquivalentTo(await expected.FindMemberByTelegramAsync(4242));
        foreach (var member in await expected.GetMembersAsync())
        {
            (await actual.GetTasksForAsync(member.Code)).Should().BeEquivalentTo(await expected.GetTasksForAsync(member.Code), o => o.WithStrictOrdering());
        }

        foreach (var task in await expected.GetTasksAsync())
        {
            (await actual.GetHistoryAsync(task.Code)).Should().BeEquivalentTo(await expected.GetHistoryAsync(task.Code), o => o.WithStrictOrdering());
        }

        (await actual.GetRemindersAsync()).OrderBy(r => r.Key, StringComparer.Ordinal).Should()
            .BeEquivalentTo((await expected.GetRemindersAsync()).OrderBy(r => r.Key, StringComparer.Ordinal), o => o.WithStrictOrdering());
        (await actual.GetGroupsAsync()).Should().BeEquivalentTo(await expected.GetGroupsAsync());
        (await actual.FindCalendarFeedMemberAsync("feed-hash")).Should().Be(await expected.FindCalendarFeedMemberAsync("feed-hash"));
        (await actual.WasHandledAsync("telegram", "991")).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Storage_copy_round_trips_the_March_sample_with_its_history_LiteDb_to_PostgreSql_and_back()
    {
        server.SkipIfMissing();
        var source = await MarchWardAsync();
        var schema = PostgresServer.NewSchema();
        var back = FileIn("back.db");

        var there = await FromLiteDb(source, "storage", "copy", "--to", "PostgreSql", "--connection", server.ConnectionString, "--schema", schema);
        var again = await FromPostgreSql(schema, "storage", "copy", "--to", "LiteDb", "--connection", back);

        there.Code.Should().Be(ExitCodes.Ok, there.All);
        again.Code.Should().Be(ExitCodes.Ok, again.All);
        using var original = new LiteDbBotStore(source);
        using var postgres = new PostgreSqlBotStore(server.ConnectionString, schema);
        using var returned = new LiteDbBotStore(back);
        var expected = await original.ExportAsync();
        expected.History.Count.Should().BeGreaterThan(expected.Tasks.Count);
        foreach (var copy in new[] { await postgres.ExportAsync(), await returned.ExportAsync() })
        {
            copy.Counts().Should().Equal(expected.Counts());
            copy.Checksum().Should().Be(expected.Checksum());
        }

        there.Output.Should().Contain(StorageTexts.CopyChecksumLine(expected.Checksum()))
            .And.Contain(StorageTexts.CopyCountLine(StorageTexts.CopyTasks, expected.Tasks.Count))
            .And.Contain(StorageTexts.CopyCountLine(StorageTexts.CopyHistory, expected.History.Count))
            .And.NotContain(server.ConnectionString);
        again.Output.Should().Contain(StorageTexts.CopyChecksumLine(expected.Checksum()));
        await QueriesAgreeAsync(original, postgres);
        await QueriesAgreeAsync(original, returned);
        Directory.GetFiles(_folder.Folder, "*copying*").Should().BeEmpty();
    }

    [SkippableFact]
    public async Task A_target_that_holds_a_ward_is_refused_and_left_as_it_was()
    {
        server.SkipIfMissing();
        var source = await MarchWardAsync();
        var schema = PostgresServer.NewSchema();
        (await FromPostgreSql(schema, "import", SamplePath)).Code.Should().Be(ExitCodes.Ok);
        using var target = new PostgreSqlBotStore(server.ConnectionString, schema);
        var before = await target.ExportAsync();
        var file = FileIn("there.db");
        await File.WriteAllTextAsync(file, "không phải trống");

        var intoSchema = await FromLiteDb(source, "storage", "copy", "--to", "PostgreSql", "--connection", server.ConnectionString, "--schema", schema);
        var intoFile = await FromLiteDb(source, "storage", "copy", "--to", "LiteDb", "--connection", file);

        intoSchema.Code.Should().Be(ExitCodes.Failed);
        intoSchema.Output.Should().Contain(StorageTexts.CopyTargetNotEmpty(new WardCopyTarget(StorageOptions.PostgreSql, server.ConnectionString, schema).Describe()));
        var after = await target.ExportAsync();
        after.Counts().Should().Equal(before.Counts());
        after.Checksum().Should().Be(before.Checksum());
        intoFile.Code.Should().Be(ExitCodes.Failed);
        intoFile.Output.Should().Contain(StorageTexts.CopyTargetFileExists(file));
        (await File.ReadAllTextAsync(file)).Should().Be("không phải trống");
    }

    [SkippableFact]
    public async Task A_copy_that_fails_in_the_middle_leaves_no_schema_an_existing_schema_empty_and_no_file()
    {
        server.SkipIfMissing();
        using var source = new LiteDbBotStore(await MarchWardAsync());
        var fresh = PostgresServer.NewSchema();
        var existing = PostgresServer.NewSchema();
        new PostgreSqlBotStore(server.ConnectionString, existing).EnsureOpen();
        var file = FileIn("half.db");
        static void FailBeforeCommit(IWardTransfer target)
        {
            void Fail() => throw new InvalidOperationException("hỏng giữa chừng");
            if (target is PostgreSqlBotStore postgres)
            {
                postgres.BeforeTransferCommit = Fail;
            }
            else
            {
                ((LiteDbBotStore)target).BeforeTransferCommit = Fail;
            }
        }

        var output = new StringWriter();
        var outcomes = new[]
        {
            await WardCopy.RunAsync(source, "nguồn", new WardCopyTarget(StorageOptions.PostgreSql, server.ConnectionString, fresh), output, FailBeforeCommit),
            await WardCopy.RunAsync(source, "nguồn", new WardCopyTarget(StorageOptions.PostgreSql, server.ConnectionString, existing), output, FailBeforeCommit),
            await WardCopy.RunAsync(source, "nguồn", new WardCopyTarget(StorageOptions.LiteDb, file, "doson"), output, FailBeforeCommit),
        };

        outcomes.Should().OnlyContain(o => o.ExitCode == ExitCodes.Failed && o.Copied == null);
        output.ToString().Should().Contain("hỏng giữa chừng").And.Contain("vẫn trống như trước");
        (await SchemaExistsAsync(fresh)).Should().BeFalse();
        using (var store = new PostgreSqlBotStore(server.ConnectionString, existing))
        {
            (await store.IsEmptyForTransferAsync()).Should().BeTrue();
        }

        File.Exists(file).Should().BeFalse();
        Directory.GetFiles(_folder.Folder, "*copying*").Should().BeEmpty();
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_one_sentence_exit_4_and_no_file_is_touched()
    {
        var source = FileIn("small.db");
        (await FromLiteDb(source, "import", SamplePath)).Code.Should().Be(ExitCodes.Ok);
        var closed = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=postgres;Timeout=3";

        var outcome = await FromLiteDb(source, "storage", "copy", "--to", "PostgreSql", "--connection", closed);

        outcome.Code.Should().Be(ExitCodes.DatabaseUnavailable);
        outcome.Error.Should().StartWith("Không kết nối được máy chủ PostgreSQL 127.0.0.1:").And.NotContain("   at ");
        outcome.Error.Trim().Split('\n').Should().ContainSingle();
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("storage", "move", "--to", "LiteDb", "--connection", "x.db")]
    [InlineData("storage", "copy", "--to", "LiteDb")]
    [InlineData("storage", "copy", "--to", "MySql", "--connection", "x")]
    [InlineData("storage", "copy", "--to", "LiteDb", "--connection", "x.db", "--schema", "doson")]
    [InlineData("storage", "copy", "--to", "PostgreSql", "--connection", "Host=x", "--schema", "Sai-Ten")]
    [InlineData("storage", "copy", "--to", "LiteDb", "--connection", "x.db", "--force", "yes")]
    [InlineData("storage", "copy", "--to", "LiteDb", "--connection")]
    public async Task Wrong_arguments_give_the_usage_sentence_and_exit_2(params string[] args)
    {
        var source = FileIn("small.db");
        (await FromLiteDb(source, "import", SamplePath)).Code.Should().Be(ExitCodes.Ok);

        var outcome = await FromLiteDb(source, args);

        outcome.Code.Should().Be(ExitCodes.Usage, outcome.All);
        outcome.Output.Should().Contain("Cách dùng:").And.Contain("storage copy --to <LiteDb|PostgreSql>");
        File.Exists(FileIn("x.db")).Should().BeFalse();
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> SchemaExistsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
