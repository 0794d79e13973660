using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Import;
using FluentAssertions;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Storage;

/// <summary>The indexed queries return exactly what the old filters over every task returned
/// (TaskScope's rules, codes ignoring case), on the sample ward and on a generated ward of a few
/// thousand tasks whose codes are written in mixed case.</summary>
public abstract class IndexedQueriesStoreContract : IDisposable
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private protected static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
    private protected static readonly DateOnly Today = new(2026, 3, 8);
    private protected readonly ITestWard _db;
    private IWardStore? _opened;

    /// <summary>Opened on first use, inside the test, so that a missing provider skips it.</summary>
    private protected IWardStore _store
    {
        get => _opened ??= _db.Open();
        set => _opened = value;
    }

    protected IndexedQueriesStoreContract() => _db = NewWard();

    public void Dispose()
    {
        _opened?.Dispose();
        _db.Dispose();
    }

    [SkippableFact]
    public async Task On_the_sample_ward_every_query_returns_what_the_filter_over_all_tasks_returns()
    {
        _store.Dispose();
        using var fixture = new ImportFixture();
        await fixture.ImportOkAsync(SamplePath);

        await QueriesAgreeAsync(fixture.Store);
    }

    [SkippableFact]
    public async Task On_a_generated_ward_of_2000_tasks_every_query_returns_what_the_filter_over_all_tasks_returns()
    {
        await _store.ApplyImportAsync(GeneratedWard(2000, seed: 11), "seed", DateTimeOffset.UnixEpoch);

        await QueriesAgreeAsync(_store);
    }

    [SkippableFact]
    public async Task The_standings_follow_progress_and_imports_after_they_were_first_read()
    {
        var plan = GeneratedWard(400, seed: 5);
        await _store.ApplyImportAsync(plan, "seed", DateTimeOffset.UnixEpoch);
        (await _store.GetTaskStandingsAsync()).Should().HaveCount(400);

        var random = new Random(3);
        foreach (var task in (await _store.GetTasksAsync()).OrderBy(_ => random.Next()).Take(60))
        {
            var percent = random.Next(0, 101);
            await _store.RecordProgressAsync(new ProgressReport(task.Code, "CVP", DateTimeOffset.UnixEpoch, ProgressKind.Progress, percent,
                percent == 100 ? WorkTaskStatus.Done : (WorkTaskStatus)random.Next(0, 3), null, "test"));
        }

        (await StandingsOfAsync(_store)).Should().Equal(Expected(await _store.GetTasksAsync()));

        var moved = plan.Tasks.Take(30).Select(c => new Change<WorkTask>(ChangeKind.Updated, c.Item with { LeadUnit = "u002", SupportUnits = ["U003"] }, ["LeadUnit"])).ToList();
        await _store.ApplyImportAsync(plan with { Tasks = [.. moved, new Change<WorkTask>(ChangeKind.Created, WardData.Task("NEW-1", "U001", Today), [])] }, "seed", DateTimeOffset.UnixEpoch);

        (await StandingsOfAsync(_store)).Should().Equal(Expected(await _store.GetTasksAsync()));
        (await _store.GetTaskStandingsAsync()).Should().HaveCount(401);
    }

    [SkippableFact]
    public async Task FindMilestone_FindUnits_and_FindMembers_find_by_code_as_the_lists_did()
    {
        await WardData.SeedIntoAsync(_store);

        (await _store.FindMilestoneAsync("BAUCU"))!.Name.Should().Be(WardData.Election.Name);
        (await _store.FindMilestoneAsync("baucu")).Should().BeNull("the detail view matched milestone codes exactly");
        (await _store.FindUnitsAsync(["ubnd", "CAP", "NONE", "UBND"])).Select(u => u.Code).Should().BeEquivalentTo(["UBND", "CAP"]);
        (await _store.FindMembersAsync(["cb-dc", "import", "TCA"])).Select(m => m.Code).Should().BeEquivalentTo(["CB-DC", "TCA"]);
        (await _store.FindTaskAsync("t1"))!.Code.Should().Be("T1");
        (await _store.FindTaskAsync("T404")).Should().BeNull();
    }

    private protected static async Task QueriesAgreeAsync(IWardStore store)
    {
        var all = await store.GetTasksAsync();
        var units = (await store.GetUnitsAsync()).Select(u => u.Code).ToList();
        foreach (var unit in units.Concat(units.Select(u => u.ToLowerInvariant())).Append("KHÔNG-CÓ"))
        {
            Codes(await store.GetTasksLedByAsync([unit])).Should().Equal(Codes(all.Where(t => TaskScope.LedBy(t, unit))), unit);
            Codes(await store.GetTasksSupportedByAsync([unit])).Should().Equal(Codes(all.Where(t => TaskScope.SupportedBy(t, unit))), unit);
        }

        var queries = new TaskQueries(store, new FakeTimeProvider(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.Zero)));
        // Every leader and admin, and one member in ten: enough of each kind, in a few seconds.
        foreach (var member in (await store.GetMembersAsync()).Where((m, i) => m.Role != MemberRole.Member || i % 10 == 0))
        {
            Codes(await store.GetTasksForAsync(member.Code.ToLowerInvariant())).Should().Equal(Codes(all.Where(t => t.IsAssignedTo(member.Code))), member.Code);
            Codes(await store.GetTasksLedByAsync(member.Units)).Should().Equal(Codes(all.Where(t => member.Units.Any(u => TaskScope.LedBy(t, u)))), member.Code);
            Codes(await store.GetTasksSupportedByAsync(member.Units)).Should().Equal(Codes(all.Where(t => member.Units.Any(u => TaskScope.SupportedBy(t, u)))), member.Code);

            // What /nhiemvu, /sapden and /quahan filtered from every task, they now filter from these.
            var involving = await queries.InvolvingAsync(member);
            Codes(involving.Where(t => TaskScope.IsOwn(member, t))).Should().Equal(Codes(all.Where(t => TaskScope.IsOwn(member, t))), member.Code);
            Codes(involving.Where(t => TaskScope.IsSupportedByMember(member, t))).Should().Equal(Codes(all.Where(t => TaskScope.IsSupportedByMember(member, t))), member.Code);
            var open = all.Where(t => !t.IsDone && AccessPolicy.IsInScope(member, t)).ToList();
            Codes(await queries.OpenInScopeDueBetweenAsync(member, Today, Today.AddDays(7))).Should().Equal(Codes(open.Where(t => t.Due >= Today && t.Due <= Today.AddDays(7))), member.Code);
            Codes(await queries.OverdueInScopeAsync(member, Today)).Should().Equal(Codes(open.Where(t => t.Due < Today)), member.Code);
        }

        foreach (var (from, to) in new[] { (Today, Today.AddDays(7)), (Today, Today), (Today.AddDays(-400), Today.AddDays(400)), (Today.AddDays(3), Today) })
        {
            Codes(await store.GetOpenTasksDueBetweenAsync(from, to)).Should().Equal(Codes(all.Where(t => !t.IsDone && t.Due >= from && t.Due <= to)));
        }

        foreach (var day in new[] { Today, Today.AddDays(-30), Today.AddDays(90) })
        {
            Codes(await store.GetOverdueTasksAsync(day)).Should().Equal(Codes(all.Where(t => TaskScope.IsOverdue(t, day))));
        }

        foreach (var milestone in (await store.GetMilestonesAsync()).Select(m => m.Code).SelectMany(c => new[] { c, c.ToLowerInvariant() }).Append("KHÔNG-CÓ"))
        {
            Codes(await store.GetTasksOfMilestoneAsync(milestone)).Should().Equal(Codes(all.Where(t => string.Equals(t.Milestone, milestone, StringComparison.OrdinalIgnoreCase))), milestone);
        }

        foreach (var status in Enum.GetValues<WorkTaskStatus>())
        {
            Codes(await store.GetTasksWithStatusAsync(status)).Should().Equal(Codes(all.Where(t => t.Status == status)));
        }

        (await StandingsOfAsync(store)).Should().Equal(Expected(all));
        var byUnit = TaskScope.CountByUnit(await store.GetTaskStandingsAsync(), Today);
        foreach (var unit in units)
        {
            var (led, supported) = byUnit.TryGetValue(unit, out var c) ? c : (new UnitTaskCount(0, 0, 0, 0), new UnitTaskCount(0, 0, 0, 0));
            led.Should().Be(TaskScope.CountLed(all, unit, Today), unit);
            supported.Should().Be(TaskScope.CountSupported(all, unit, Today), unit);
        }
    }

    private protected static List<string> Codes(IEnumerable<WorkTask> tasks) => [.. tasks.Select(t => t.Code)];

    private protected static async Task<List<string>> StandingsOfAsync(IWardStore store) =>
        [.. (await store.GetTaskStandingsAsync()).Select(s => $"{s.Code}|{s.LeadUnit}|{string.Join(",", s.SupportUnits)}|{s.Status}|{s.Due}|{s.Percent}")];

    private protected static List<string> Expected(IEnumerable<WorkTask> tasks) =>
        [.. tasks.Select(t => $"{t.Code}|{t.LeadUnit}|{string.Join(",", t.SupportUnits)}|{t.Status}|{t.Due}|{t.Percent}")];

    /// <summary>Units U001..U040, members M001..M300 in one or two units, tasks with zero to three
    /// assignees and zero to three supporting units (sometimes the lead again, sometimes twice), every
    /// status, deadlines two months either side of today, milestones; a code in a task is now and then
    /// written in lower case, as a hand-made import file may.</summary>
    private protected static ImportPlan GeneratedWard(int taskCount, int seed)
    {
        var random = new Random(seed);
        string Casing(string code) => random.Next(8) == 0 ? code.ToLowerInvariant() : code;
        var units = Enumerable.Range(1, 40).Select(u => new Unit($"U{u:000}", $"Đơn vị {u}")).ToList();
        var members = new List<Member> { new("CVP", "Chánh Văn phòng", "Chánh Văn phòng", ["U001"], MemberRole.Admin) };
        members.AddRange(Enumerable.Range(1, 300).Select(m => new Member(
            $"M{m:000}", $"Cán bộ {m}", "Công chức",
            random.Next(5) == 0 ? [units[m % 40].Code, units[(m * 7) % 40].Code] : [units[m % 40].Code],
            m % 25 == 0 ? MemberRole.Leader : MemberRole.Member)));
        var milestones = Enumerable.Range(1, 6).Select(i => new Milestone($"MOC{i}", $"Mốc {i}", Today.AddDays(i * 5 - 10))).ToList();
        var tasks = Enumerable.Range(1, taskCount).Select(t =>
        {
            var lead = units[random.Next(units.Count)].Code;
            var supports = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(6) == 0 ? lead : units[random.Next(units.Count)].Code).Select(Casing).ToList();
            var assignees = Enumerable.Range(0, random.Next(4)).Select(_ => members[random.Next(members.Count)].Code).Select(Casing).ToList();
            var status = (WorkTaskStatus)random.Next(4);
            return new WorkTask($"T{t:00000}", $"Nhiệm vụ {t}", null, "2.1", "TB", Casing(lead), supports, assignees,
                Today.AddDays(random.Next(-60, 61)), null, random.Next(3) == 0 ? Casing(milestones[random.Next(milestones.Count)].Code) : null,
                status, status == WorkTaskStatus.Done ? 100 : random.Next(0, 100));
        }).ToList();

        return new ImportPlan(
            new SourceNotice("TB", Today, "Phường sinh ngẫu nhiên"),
            [.. units.Select(u => new Change<Unit>(ChangeKind.Created, u, []))],
            [.. members.Select(m => new Change<Member>(ChangeKind.Created, m, []))],
            [.. milestones.Select(m => new Change<Milestone>(ChangeKind.Created, m, []))],
            [.. tasks.Select(t => new Change<WorkTask>(ChangeKind.Created, t, []))]);
    }
}

/// <summary>The contract on a LiteDB file, and what only a file has.</summary>
public sealed class IndexedQueriesOnLiteDb : IndexedQueriesStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();

    [Fact]
    public async Task The_file_holds_an_index_for_each_thing_the_commands_ask()
    {
        await _store.ApplyImportAsync(GeneratedWard(50, seed: 1), "seed", DateTimeOffset.UnixEpoch);
        _store.Dispose();
        // A file this run did not create gets them as it opens.
        _db.Open().Dispose();

        using var db = new LiteDatabase(new ConnectionString { Filename = ((TempDatabase)_db).Path, Connection = ConnectionType.Direct });
        var indexes = db.GetCollection("$indexes").FindAll().Select(d => $"{d["collection"].AsString}.{d["name"].AsString}").ToList();

        indexes.Should().Contain(["tasks.Assignees", "tasks.LeadUnit", "tasks.SupportUnits", "tasks.Status", "tasks.Milestone", "tasks.OpenDue",
            "history.TaskCode", "members.TelegramUserId", "members.ZaloUserId"]);
        var plan = db.Execute("EXPLAIN SELECT $ FROM tasks WHERE IIF($.Status = 'Done', 'done', $.Due) BETWEEN '2026-03-08' AND '2026-03-15'").Current.ToString();
        plan.Should().Contain("OpenDue").And.NotContain("FULL INDEX SCAN");
    }
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IndexedQueriesOnPostgreSql(PostgresServer server) : IndexedQueriesStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
