using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Hosting;

/// <summary>"Nhiều phường trên một máy chủ": two wards' full hosts, each with its own bot token, on one
/// PostgreSQL server in two schemas, answer from their own ward only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoWardsOnOneServerTests(PostgresServer server)
{
    private Dictionary<string, string?> Ward(string schema, string token) => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = server.ConnectionString,
        ["Storage:Schema"] = schema,
        ["Telegram:BotToken"] = token,
    };

    [SkippableFact]
    public async Task Two_hosts_on_two_schemas_answer_from_their_own_ward_only()
    {
        server.SkipIfMissing();
        await using var haison = await BotHarness.CreateAsync(Ward(PostgresServer.NewSchema(), "123456:TEST-haison"));
        await using var ngoclam = await BotHarness.CreateAsync(Ward(PostgresServer.NewSchema(), "654321:TEST-ngoclam"), seedWard: false);
        await ngoclam.Store.ApplyImportAsync(
            WardData.Plan([WardData.Task("NL1", "UBND", new DateOnly(2026, 3, 12), WardData.UbndOfficer.Code)], [WardData.Admin, WardData.UbndOfficer]),
            "seed", BotHarness.DefaultNow);

        var inHaison = await haison.SayAsync(WardData.UbndOfficer, "/nhiemvu");
        var inNgoclam = await ngoclam.SayAsync(WardData.UbndOfficer, "/nhiemvu");

        inHaison.Should().Contain(WardData.LandTask.Code).And.NotContain("NL1");
        inNgoclam.Should().Contain("NL1").And.NotContain(WardData.LandTask.Code);
        (await ngoclam.Store.FindMemberAsync(WardData.Police.Code)).Should().BeNull();
        (await haison.Store.FindMemberAsync(WardData.Police.Code)).Should().NotBeNull();
        (await ngoclam.Store.GetTasksAsync()).Should().ContainSingle();
    }
}
