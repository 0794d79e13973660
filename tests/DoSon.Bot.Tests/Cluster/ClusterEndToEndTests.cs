using System.Net;
using System.Text.Json;
using DoSon.Bot.Cluster;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.EndToEnd;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Hosting;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DoSon.Bot.Tests.Cluster;

/// <summary>Two instances of one ward on one PostgreSQL schema (Cluster:Enabled): the real hosts, the
/// fake Bot API, the run's PostgreSQL server and its real advisory lock; both hosts on one fake clock,
/// which the lock's checks and retries run on too.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterEndToEndTests(PostgresServer server)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    private static Dictionary<string, string?> Settings(string connectionString, string schema, string instance) => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:Schema"] = schema,
        ["Cluster:Enabled"] = "true",
        ["Cluster:InstanceName"] = instance,
    };

    private static ClusterRole Role(BotHost bot) => bot.Services.GetRequiredService<ClusterRole>();

    private static Task RunUntilAsync(FakeTimeProvider clock, Func<bool> done) => ClockDriver.RunUntilAsync(clock, done, Step, 200);

    [SkippableFact]
    public async Task Of_two_instances_only_the_active_one_polls_and_sends_and_when_it_stops_in_a_burst_of_300_the_standby_sends_the_rest_none_lost_none_twice()
    {
        server.SkipIfMissing();
        var clock = new FakeTimeProvider(BotHost.Start);
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Clock = clock, RateLimits = new FakeRateLimits() });
        BotHost.KnowWardMembers(fake);
        for (var i = 1; i <= RestartBurstEndToEndTests.Burst; i++)
        {
            fake.AddUser(RestartBurstEndToEndTests.TelegramChat(i), $"Cán bộ {i}");
        }

        var schema = PostgresServer.NewSchema();
        using var fileA = new TempDatabase();
        using var fileB = new TempDatabase();
        await using var a = await BotHost.StartAsync(fake, fileA, clock, Settings(server.ConnectionString, schema, "may-a"),
            async s => await RestartBurstEndToEndTests.SeedBurstAsync(s, zalo: false));
        await RunUntilAsync(clock, () => Role(a).IsActive);
        await using var b = await BotHost.StartAsync(fake, fileB, clock, Settings(server.ConnectionString, schema, "may-b"));
        // The standby has tried the lock (its first try is at once) and waits for the next one.
        await RunUntilAsync(clock, () => b.Logs.Lines.Any(l => l.Contains("may-b chạy dự phòng", StringComparison.Ordinal)));

        int Accepted() => fake.CallsTo("sendMessage").Where(c => c.StatusCode == 200 && c.ChatId > 40_000).Select(c => c.ChatId).Distinct().Count();
        var hundred = fake.WaitUntilAsync(() => Accepted() >= 100);
        await ClockDriver.AdvanceToAsync(clock, RestartBurstEndToEndTests.Due, () => hundred.IsCompleted, Step, 200);
        Role(b).IsActive.Should().BeFalse("the active instance holds the lock");
        (await b.Services.GetRequiredService<ReminderScheduler>().IsRunningAsync(CancellationToken.None)).Should().BeFalse("a standby runs no scheduler");

        await a.DisposeAsync();
        var beforeTakeover = Accepted();
        beforeTakeover.Should().BeInRange(100, RestartBurstEndToEndTests.Burst - 1, "the active instance was stopped in the middle of the burst");

        await RunUntilAsync(clock, () => Role(b).IsActive);
        var all = fake.WaitUntilAsync(() => Accepted() >= RestartBurstEndToEndTests.Burst);
        await RunUntilAsync(clock, () => all.IsCompleted);
        var idle = b.Services.GetRequiredService<ReminderDispatcher>().WhenIdleAsync(CancellationToken.None);
        await RunUntilAsync(clock, () => idle.IsCompleted);

        for (var i = 1; i <= RestartBurstEndToEndTests.Burst; i++)
        {
            fake.SentTo(RestartBurstEndToEndTests.TelegramChat(i)).Should().ContainSingle($"chat {RestartBurstEndToEndTests.TelegramChat(i)} gets its reminder exactly once")
                .Which.Text.Should().Contain($"{RestartBurstEndToEndTests.Code(i)}-T —");
        }

        (await RestartBurstEndToEndTests.BurstRemindersAsync(b)).Should().HaveCount(RestartBurstEndToEndTests.Burst)
            .And.OnlyContain(r => r.State == ReminderState.Sent && r.Channel == "telegram");
        fake.Calls.Should().NotContain(c => c.StatusCode == 429, "one instance sent at a time, within Telegram's limits");
        fake.CallsTo("getUpdates").Should().NotContain(c => c.StatusCode == 409, "never did two instances poll at once");
        a.Logs.Lines.Should().Contain(l => l.Contains("Máy may-a đã nhận quyền chủ động", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("Máy may-a dừng và trả quyền chủ động", StringComparison.Ordinal));
        b.Logs.Lines.Should().ContainSingle(l => l.Contains("Máy may-b đã nhận quyền chủ động", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_active_instance_whose_lock_session_is_ended_steps_down_and_the_standby_takes_over()
    {
        server.SkipIfMissing();
        var clock = new FakeTimeProvider(BotHost.Start);
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Clock = clock });
        BotHost.KnowWardMembers(fake);
        var schema = PostgresServer.NewSchema();
        using var fileA = new TempDatabase();
        using var fileB = new TempDatabase();
        await using var a = await BotHost.StartAsync(fake, fileA, clock, Settings(server.ConnectionString, schema, "may-a"));
        await RunUntilAsync(clock, () => Role(a).IsActive);
        await using var b = await BotHost.StartAsync(fake, fileB, clock, Settings(server.ConnectionString, schema, "may-b"));
        await RunUntilAsync(clock, () => b.Logs.Lines.Any(l => l.Contains("may-b chạy dự phòng", StringComparison.Ordinal)));
        Role(b).IsActive.Should().BeFalse();

        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", admin);
            kill.Parameters.AddWithValue("name", DoSon.Bot.Storage.PostgreSql.PostgreSqlWardLock.ApplicationNamePrefix + "may-a");
            (await kill.ExecuteScalarAsync()).Should().Be(1L, "the active instance holds its lock on one session of its own");
        }

        // The instance that lost its lock stops its work, then ends, to come back as a standby.
        var stopping = a.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await RunUntilAsync(clock, () => Role(a).SteppedDown && stopping.IsCancellationRequested && Role(b).IsActive);
        Role(a).IsActive.Should().BeFalse();
        (await a.Services.GetRequiredService<ReminderScheduler>().IsRunningAsync(CancellationToken.None)).Should().BeFalse();
        a.Logs.Lines.Should().ContainSingle(l => l.Contains("Máy may-a thôi quyền chủ động vì mất kết nối giữ quyền với PostgreSQL", StringComparison.Ordinal))
            .Which.Should().NotContain("Password");
        await RunUntilAsync(clock, () => fake.LongPollWaiting);
        (await b.Services.GetRequiredService<ReminderScheduler>().IsRunningAsync(CancellationToken.None)).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Readyz_says_each_instances_role_and_name_and_fails_when_the_database_is_down()
    {
        server.SkipIfMissing();
        // A server of its own: this test stops it.
        using var own = new PostgresServer();
        var clock = new FakeTimeProvider(BotHost.Start);
        var schema = PostgresServer.NewSchema();
        using var fileA = new TempDatabase();
        using var fileB = new TempDatabase();
        var web = new Dictionary<string, string?> { ["Web:ListenUrls"] = "http://127.0.0.1:0" };
        await using var a = await BotHost.StartAsync(fileA, BotHost.Merge(Settings(own.ConnectionString, schema, "may-a"), web), clock, web: true);
        await RunUntilAsync(clock, () => Role(a).IsActive);
        await using var b = await BotHost.StartAsync(fileB, BotHost.Merge(Settings(own.ConnectionString, schema, "may-b"), web), clock, web: true);
        await RunUntilAsync(clock, () => b.Logs.Lines.Any(l => l.Contains("may-b chạy dự phòng", StringComparison.Ordinal)));

        var (statusA, bodyA) = await ReadyzAsync(a);
        statusA.Should().Be(HttpStatusCode.OK, bodyA.ToString());
        bodyA.GetProperty("role").GetString().Should().Be("active");
        bodyA.GetProperty("instance").GetString().Should().Be("may-a");
        var (statusB, bodyB) = await ReadyzAsync(b);
        statusB.Should().Be(HttpStatusCode.OK, "a standby serves the web console: " + bodyB);
        bodyB.GetProperty("role").GetString().Should().Be("standby");
        bodyB.GetProperty("instance").GetString().Should().Be("may-b");

        own.Dispose();
        var (downB, downBodyB) = await ReadyzAsync(b);
        downB.Should().Be(HttpStatusCode.ServiceUnavailable);
        downBodyB.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).Should().Contain(WebTexts.StoreUnreachable);
        await RunUntilAsync(clock, () => Role(a).SteppedDown);
        var (downA, downBodyA) = await ReadyzAsync(a);
        downA.Should().Be(HttpStatusCode.ServiceUnavailable);
        downBodyA.GetProperty("role").GetString().Should().Be("standby", "it could not renew its lock");
        Role(b).IsActive.Should().BeFalse("nobody can hold the lock while the database is down");
    }

    [Fact]
    public async Task Cluster_on_a_litedb_file_is_refused_with_one_sentence_naming_the_key()
    {
        using var folder = new TempDatabase();
        var outcome = await ProgramRun.InProcess(folder.Folder, $"--Storage:DatabasePath={folder.Path}", "--Cluster:Enabled=true");
        outcome.Code.Should().Be(2);
        outcome.Error.Should().Contain(ClusterTexts.NeedsPostgreSql).And.NotContain("   at ");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync(BotHost bot)
    {
        using var client = new HttpClient { BaseAddress = new Uri(bot.Services.GetRequiredService<WebLoginLinks>().PublicUrl + "/") };
        using var response = await client.GetAsync(new Uri("readyz", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }
}
