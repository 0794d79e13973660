using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using FluentAssertions;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Import;

/// <summary>The March 2026 sample (data/sample/thang-03-2026.json) that seeds a fresh database.</summary>
public sealed class SampleMonthTests : IAsyncLifetime
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
    private readonly ImportFixture _f = new();

    public async Task InitializeAsync() => await _f.ImportOkAsync(SamplePath);

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sample_holds_the_23_tasks_of_part_2_in_their_sections()
    {
        var tasks = await _f.Store.GetTasksAsync();

        tasks.Should().HaveCount(23);
        tasks.GroupBy(t => t.Section).ToDictionary(g => g.Key!, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["2.1"] = 9,
            ["2.2.1"] = 2,
            ["2.2.2"] = 2,
            ["2.2.3"] = 6,
            ["2.2.4"] = 2,
            ["2.2.5"] = 2,
        });
        foreach (var section in tasks.GroupBy(t => t.Section!))
        {
            var digits = section.Key.Replace(".", "", StringComparison.Ordinal);
            section.Select(t => t.Code).Order(StringComparer.Ordinal).Should().Equal(
                Enumerable.Range(1, section.Count()).Select(i => $"T2603-{digits}-{i:00}"));
        }

        tasks.Should().OnlyContain(t => t.Source == "TB-03/2026");
    }

    [Fact]
    public async Task Sample_tasks_have_short_titles_and_the_full_text()
    {
        foreach (var t in await _f.Store.GetTasksAsync())
        {
            t.Title.Length.Should().BeLessThanOrEqualTo(120, t.Code);
            t.Description.Should().NotBeNullOrWhiteSpace(t.Code);
            t.Description!.Length.Should().BeGreaterThanOrEqualTo(t.Title.TrimEnd('…').Length, t.Code);
            t.Description.Should().StartWith(t.Title.TrimEnd('…'), t.Code);
        }
    }

    [Fact]
    public async Task Every_reference_of_the_sample_exists()
    {
        var units = (await _f.Store.GetUnitsAsync()).Select(u => u.Code).ToHashSet();
        var members = (await _f.Store.GetMembersAsync()).Select(m => m.Code).ToHashSet();
        var milestones = (await _f.Store.GetMilestonesAsync()).Select(m => m.Code).ToHashSet();

        foreach (var t in await _f.Store.GetTasksAsync())
        {
            units.Should().Contain(t.LeadUnit, t.Code);
            t.SupportUnits.Should().BeSubsetOf(units, t.Code);
            t.Assignees.Should().BeSubsetOf(members, t.Code);
            if (t.Milestone is not null)
            {
                milestones.Should().Contain(t.Milestone, t.Code);
            }
        }
    }

    [Fact]
    public async Task Sample_has_the_shared_units_milestones_and_the_admin_office()
    {
        (await _f.Store.GetUnitsAsync()).Select(u => u.Code).Should().BeEquivalentTo(
            ["DU", "VPDU", "BXDD", "UBKT", "UBND", "HDND", "MTTQ", "CAP", "BCHQS", "CB-TDP8", "CB-DOANKET"]);
        (await _f.Store.GetMilestonesAsync()).Select(m => (m.Code, m.Date)).Should().Equal(
            ("QTPN", new DateOnly(2026, 3, 8)),
            ("BAUCU", new DateOnly(2026, 3, 15)),
            ("DOANTN", new DateOnly(2026, 3, 26)),
            ("THETHAO", new DateOnly(2026, 3, 27)),
            ("QUY1", new DateOnly(2026, 3, 31)));
        (await _f.Store.FindMemberAsync("CVP"))!.Role.Should().Be(MemberRole.Admin);
        (await _f.Store.GetMembersAsync()).Should().HaveCountGreaterThanOrEqualTo(10).And.HaveCountLessThanOrEqualTo(14);
        (await _f.Store.GetMembersAsync()).Should().Contain(m => m.Role == MemberRole.Member);
        (await _f.Store.GetMembersAsync()).Should().Contain(m => m.Role == MemberRole.Leader);
        (await _f.Store.GetSourcesAsync()).Should().ContainSingle().Which.Should().Be(new SourceNotice(
            "TB-03/2026", new DateOnly(2026, 2, 27),
            "Thông báo kết luận của Ban Thường vụ Đảng ủy về kết quả thực hiện nhiệm vụ tháng 2, phương hướng nhiệm vụ trọng tâm tháng 3 năm 2026"));
    }

    [Fact]
    public async Task Sample_deadlines_follow_the_text()
    {
        var tasks = await _f.Store.GetTasksAsync();

        tasks.Where(t => t.Milestone == "BAUCU").Should().HaveCountGreaterThanOrEqualTo(4)
            .And.OnlyContain(t => t.Due == new DateOnly(2026, 3, 15));
        tasks.Where(t => t.Milestone == "QUY1").Should().NotBeEmpty().And.OnlyContain(t => t.Due == new DateOnly(2026, 3, 31));
        tasks.Should().OnlyContain(t => t.Due.Year == 2026 && t.Due.Month == 3);
        // A demo that starts on 01/03/2026 shows reminders and overdue tasks within its first days.
        tasks.Count(t => t.Due <= new DateOnly(2026, 3, 10)).Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Sample_is_the_same_after_an_excel_round_trip()
    {
        var xlsx = _f.PathOf("thang-03-2026.xlsx");
        AssignmentWorkbook.Write(AssignmentJson.Read(SamplePath), xlsx);

        var plan = await _f.ImportOkAsync(xlsx);

        plan.HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task Seeder_fills_an_empty_database_from_the_sample()
    {
        using var db = new ImportFixture();
        var seeder = new DatabaseSeeder(
            db.Store, db.Store.Use, db.Importer, Options.Create(new SeedOptions()), NullLogger<DatabaseSeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);

        (await db.Store.GetTasksAsync()).Should().HaveCount(23);
        (await db.Store.GetHistoryAsync("T2603-21-01")).Should().ContainSingle().Which.MemberCode.Should().Be(DatabaseSeeder.SeedMember);
    }
}
