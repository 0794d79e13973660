using DoSon.Bot.Hosting;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Storage.PostgreSql;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Hosting;
using FluentAssertions;
using Npgsql;

namespace DoSon.Bot.Tests.Storage;

/// <summary>What only the PostgreSQL store has: settings that name their key, migrations kept in the
/// ward's own schema, wards that do not see each other, reminders that two instances cannot both take.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgresServer server) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 8, 1, 0, 0, TimeSpan.Zero);
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<ProgramRun.Outcome> Run(string connectionString, string schema, params string[] args) =>
        ProgramRun.InProcess(_folder.Folder, [.. args, "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={connectionString}", $"--Storage:Schema={schema}"]);

    [SkippableFact]
    public async Task The_import_verb_creates_the_schema_and_the_report_reads_it_back()
    {
        server.SkipIfMissing();
        var schema = PostgresServer.NewSchema();

        var import = await Run(server.ConnectionString, schema, "import", SamplePath);
        var report = await Run(server.ConnectionString, schema, "report", "03/2026");

        import.Code.Should().Be(ExitCodes.Ok, import.All);
        import.Output.Should().Contain($"PostgreSQL 127.0.0.1:{server.Port}, lược đồ {schema}");
        report.Code.Should().Be(ExitCodes.Ok, report.All);
        using var store = new PostgreSqlBotStore(server.ConnectionString, schema);
        (await store.GetTasksAsync()).Should().NotBeEmpty();
    }

    [SkippableTheory]
    [InlineData("Storage:Schema=Doson-1", "Storage:Schema")]
    [InlineData("Storage:Provider=Postgres", "Storage:Provider")]
    [InlineData("Storage:ConnectionString=", "Storage:ConnectionString")]
    public async Task A_bad_setting_is_one_sentence_naming_its_key(string setting, string key)
    {
        server.SkipIfMissing();
        var outcome = await ProgramRun.InProcess(_folder.Folder,
            "report", "03/2026", "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={server.ConnectionString}", "--Storage:Schema=doson", "--" + setting);

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Error.Should().Contain(key).And.NotContain("   at ");
    }

    [Fact]
    public async Task An_unreachable_server_is_one_sentence_naming_the_setting_and_exit_code_4()
    {
        var closed = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=postgres;Timeout=3";

        var outcome = await Run(closed, "doson", "report", "03/2026");

        outcome.Code.Should().Be(ExitCodes.DatabaseUnavailable);
        outcome.Error.Should().StartWith("Không kết nối được máy chủ PostgreSQL 127.0.0.1:").And.Contain("Storage:ConnectionString").And.NotContain("   at ");
        outcome.Error.Trim().Split('\n').Should().ContainSingle();
    }

    [SkippableFact]
    public async Task A_verb_on_a_ward_that_is_not_there_creates_no_schema_and_names_the_setting()
    {
        server.SkipIfMissing();
        var schema = PostgresServer.NewSchema();

        var outcome = await Run(server.ConnectionString, schema, "report", "03/2026");

        outcome.Code.Should().Be(ExitCodes.DatabaseUnavailable);
        outcome.Error.Should().Contain($"chưa có lược đồ {schema} (Storage:Schema)");
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(0);
    }

    [SkippableTheory]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("check")]
    public async Task The_file_only_verbs_point_to_pg_dump(string verb)
    {
        server.SkipIfMissing();

        var outcome = await Run(server.ConnectionString, PostgresServer.NewSchema(), verb);

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.All.Should().Contain($"Lệnh {verb} chỉ dùng cho tệp LiteDB").And.Contain("pg_dump");
    }

    [SkippableFact]
    public async Task Migrations_are_journaled_in_the_wards_schema_and_run_once()
    {
        server.SkipIfMissing();
        using var ward = server.NewWard();
        ward.Open().Dispose();
        ward.Open().Dispose();

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {ward.Schema}.{PostgreSqlMigrations.Journal}", connection);
        var scripts = typeof(PostgreSqlMigrations).Assembly.GetManifestResourceNames()
            .Count(n => n.Contains(".Storage.PostgreSql.Migrations.", StringComparison.Ordinal));
        scripts.Should().BeGreaterThan(1, "the first script and the handled-updates one are embedded");
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(scripts, "each script ran once, however often the ward was opened");
    }

    [SkippableFact]
    public async Task Two_wards_on_one_server_do_not_see_each_other()
    {
        server.SkipIfMissing();
        using var a = server.NewWard();
        using var b = server.NewWard();
        using var first = a.Open();
        using var second = b.Open();

        await WardData.SeedIntoAsync(first);

        (await first.GetTasksAsync()).Should().NotBeEmpty();
        (await second.IsEmptyAsync()).Should().BeTrue();
        (await second.GetMembersAsync()).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Two_instances_completing_the_same_reminders_at_once_move_each_exactly_once()
    {
        server.SkipIfMissing();
        using var ward = server.NewWard();
        using var one = ward.Open();
        using var other = ward.Open();
        var plan = Enumerable.Range(0, 200)
            .Select(i => new PlannedReminder($"k{i:000}", ReminderKind.Task, "CB-DC", "T1", null, "due", Now.AddMinutes(i)))
            .ToList();
        await one.ApplyPlanAsync(plan, new HashSet<string> { "T1" }, Now);
        var keys = plan.Select(p => p.Key).ToList();

        var moved = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? one : other).CompleteAsync(i % 3 == 0 ? keys : [.. keys.AsEnumerable().Reverse()], ReminderState.Sent, Now, null, 1, "telegram"))));

        moved.Sum().Should().Be(200);
        (await one.GetRemindersAsync(ReminderState.Sent)).Should().HaveCount(200).And.OnlyContain(r => r.Attempts == 1);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
