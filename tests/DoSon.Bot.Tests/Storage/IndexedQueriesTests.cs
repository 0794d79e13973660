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
public sealed class IndexedQueriesTests : IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
    private static readonly DateOnly Today = new(2026, 3, 8);
    private readonly TempDatabase _db = new();
    private readonly LiteDbBotStore _store;

    public IndexedQueriesTests() => _store = _db.Open();

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void On_the_sample_ward_every_query_returns_what_the_filter_over_all_tasks_returns()
    {
        _store.Dispose();
        using var fixture = new ImportFixture();
        fixture.ImportOk(SamplePath);

        QueriesAgree(fixture.Store);
    }

    [Fact]
    public void On_a_generated_ward_of_2000_tasks_every_query_returns_what_the_filter_over_all_tasks_returns()
    {
        _store.ApplyImport(GeneratedWard(2000, seed: 11), "seed", DateTimeOffset.UnixEpoch);

        QueriesAgree(_store);
    }

    [Fact]
    public void The_standings_follow_progress_and_imports_after_they_were_first_read()
    {
        var plan = GeneratedWard(400, seed: 5);
        _store.ApplyImport(plan, "seed", DateTimeOffset.UnixEpoch);
        _store.GetTaskStandings().Should().HaveCount(400);

        var random = new Random(3);
        foreach (var task in _store.GetTasks().OrderBy(_ => random.Next()).Take(60))
        {
            var percent = random.Next(0, 101);
            _store.RecordProgress(new ProgressReport(task.Code, "CVP", DateTimeOffset.UnixEpoch, ProgressKind.Progress, percent,
                percent == 100 ? WorkTaskStatus.Done : (WorkTaskStatus)random.Next(0, 3), null, "test"));
        }

        StandingsOf(_store).Should().Equal(Expected(_store.GetTasks()));

        var moved = plan.Tasks.Take(30).Select(c => new Change<WorkTask>(ChangeKind.Updated, c.Item with { LeadUnit = "u002", SupportUnits = ["U003"] }, ["LeadUnit"])).ToList();
        _store.ApplyImport(plan with { Tasks = [.. moved, new Change<WorkTask>(ChangeKind.Created, WardData.Task("NEW-1", "U001", Today), [])] }, "seed", DateTimeOffset.UnixEpoch);

        StandingsOf(_store).Should().Equal(Expected(_store.GetTasks()));
        _store.GetTaskStandings().Should().HaveCount(401);
    }

    [Fact]
    public void The_file_holds_an_index_for_each_thing_the_commands_ask()
    {
        _store.ApplyImport(GeneratedWard(50, seed: 1), "seed", DateTimeOffset.UnixEpoch);
        _store.Dispose();
        // A file this run did not create gets them as it opens.
        _db.Open().Dispose();

        using var db = new LiteDatabase(new ConnectionString { Filename = _db.Path, Connection = ConnectionType.Direct });
        var indexes = db.GetCollection("$indexes").FindAll().Select(d => $"{d["collection"].AsString}.{d["name"].AsString}").ToList();

        indexes.Should().Contain(["tasks.Assignees", "tasks.LeadUnit", "tasks.SupportUnits", "tasks.Status", "tasks.Milestone", "tasks.OpenDue",
            "history.TaskCode", "members.TelegramUserId", "members.ZaloUserId"]);
        var plan = db.Execute("EXPLAIN SELECT $ FROM tasks WHERE IIF($.Status = 'Done', 'done', $.Due) BETWEEN '2026-03-08' AND '2026-03-15'").Current.ToString();
        plan.Should().Contain("OpenDue").And.NotContain("FULL INDEX SCAN");
    }

    [Fact]
    public void FindMilestone_FindUnits_and_FindMembers_find_by_code_as_the_lists_did()
    {
        WardData.SeedInto(_store);

        _store.FindMilestone("BAUCU")!.Name.Should().Be(WardData.Election.Name);
        _store.FindMilestone("baucu").Should().BeNull("the detail view matched milestone codes exactly");
        _store.FindUnits(["ubnd", "CAP", "NONE", "UBND"]).Select(u => u.Code).Should().BeEquivalentTo(["UBND", "CAP"]);
        _store.FindMembers(["cb-dc", "import", "TCA"]).Select(m => m.Code).Should().BeEquivalentTo(["CB-DC", "TCA"]);
        _store.FindTask("t1")!.Code.Should().Be("T1");
        _store.FindTask("T404").Should().BeNull();
    }

    private static void QueriesAgree(LiteDbBotStore store)
    {
        var all = store.GetTasks();
        var units = store.GetUnits().Select(u => u.Code).ToList();
        foreach (var unit in units.Concat(units.Select(u => u.ToLowerInvariant())).Append("KHÔNG-CÓ"))
        {
            Codes(store.GetTasksLedBy([unit])).Should().Equal(Codes(all.Where(t => TaskScope.LedBy(t, unit))), unit);
            Codes(store.GetTasksSupportedBy([unit])).Should().Equal(Codes(all.Where(t => TaskScope.SupportedBy(t, unit))), unit);
        }

        var queries = new TaskQueries(store, new FakeTimeProvider(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.Zero)));
        // Every leader and admin, and one member in ten: enough of each kind, in a few seconds.
        foreach (var member in store.GetMembers().Where((m, i) => m.Role != MemberRole.Member || i % 10 == 0))
        {
            Codes(store.GetTasksFor(member.Code.ToLowerInvariant())).Should().Equal(Codes(all.Where(t => t.IsAssignedTo(member.Code))), member.Code);
            Codes(store.GetTasksLedBy(member.Units)).Should().Equal(Codes(all.Where(t => member.Units.Any(u => TaskScope.LedBy(t, u)))), member.Code);
            Codes(store.GetTasksSupportedBy(member.Units)).Should().Equal(Codes(all.Where(t => member.Units.Any(u => TaskScope.SupportedBy(t, u)))), member.Code);

            // What /nhiemvu, /sapden and /quahan filtered from every task, they now filter from these.
            var involving = queries.Involving(member);
            Codes(involving.Where(t => TaskScope.IsOwn(member, t))).Should().Equal(Codes(all.Where(t => TaskScope.IsOwn(member, t))), member.Code);
            Codes(involving.Where(t => TaskScope.IsSupportedByMember(member, t))).Should().Equal(Codes(all.Where(t => TaskScope.IsSupportedByMember(member, t))), member.Code);
            var open = all.Where(t => !t.IsDone && AccessPolicy.IsInScope(member, t)).ToList();
            Codes(queries.OpenInScopeDueBetween(member, Today, Today.AddDays(7))).Should().Equal(Codes(open.Where(t => t.Due >= Today && t.Due <= Today.AddDays(7))), member.Code);
            Codes(queries.OverdueInScope(member, Today)).Should().Equal(Codes(open.Where(t => t.Due < Today)), member.Code);
        }

        foreach (var (from, to) in new[] { (Today, Today.AddDays(7)), (Today, Today), (Today.AddDays(-400), Today.AddDays(400)), (Today.AddDays(3), Today) })
        {
            Codes(store.GetOpenTasksDueBetween(from, to)).Should().Equal(Codes(all.Where(t => !t.IsDone && t.Due >= from && t.Due <= to)));
        }

        foreach (var day in new[] { Today, Today.AddDays(-30), Today.AddDays(90) })
        {
            Codes(store.GetOverdueTasks(day)).Should().Equal(Codes(all.Where(t => TaskScope.IsOverdue(t, day))));
        }

        foreach (var milestone in store.GetMilestones().Select(m => m.Code).SelectMany(c => new[] { c, c.ToLowerInvariant() }).Append("KHÔNG-CÓ"))
        {
            Codes(store.GetTasksOfMilestone(milestone)).Should().Equal(Codes(all.Where(t => string.Equals(t.Milestone, milestone, StringComparison.OrdinalIgnoreCase))), milestone);
        }

        foreach (var status in Enum.GetValues<WorkTaskStatus>())
        {
            Codes(store.GetTasksWithStatus(status)).Should().Equal(Codes(all.Where(t => t.Status == status)));
        }

        StandingsOf(store).Should().Equal(Expected(all));
        var byUnit = TaskScope.CountByUnit(store.GetTaskStandings(), Today);
        foreach (var unit in units)
        {
            var (led, supported) = byUnit.TryGetValue(unit, out var c) ? c : (new UnitTaskCount(0, 0, 0, 0), new UnitTaskCount(0, 0, 0, 0));
            led.Should().Be(TaskScope.CountLed(all, unit, Today), unit);
            supported.Should().Be(TaskScope.CountSupported(all, unit, Today), unit);
        }
    }

    private static List<string> Codes(IEnumerable<WorkTask> tasks) => [.. tasks.Select(t => t.Code)];

    private static List<string> StandingsOf(LiteDbBotStore store) =>
        [.. store.GetTaskStandings().Select(s => $"{s.Code}|{s.LeadUnit}|{string.Join(",", s.SupportUnits)}|{s.Status}|{s.Due}|{s.Percent}")];

    private static List<string> Expected(IEnumerable<WorkTask> tasks) =>
        [.. tasks.Select(t => $"{t.Code}|{t.LeadUnit}|{string.Join(",", t.SupportUnits)}|{t.Status}|{t.Due}|{t.Percent}")];

    /// <summary>Units U001..U040, members M001..M300 in one or two units, tasks with zero to three
    /// assignees and zero to three supporting units (sometimes the lead again, sometimes twice), every
    /// status, deadlines two months either side of today, milestones; a code in a task is now and then
    /// written in lower case, as a hand-made import file may.</summary>
    private static ImportPlan GeneratedWard(int taskCount, int seed)
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
