using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Reports;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Commands;

/// <summary>Every view counts a unit's tasks the same way (those it leads; the ones it supports apart,
/// labelled), /nhiemvu is the caller's own tasks whatever their role, /moc looks a week back, and a
/// task's history says old → new.</summary>
public class ViewsAgreeTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");

    private static async Task<BotHarness> SampleMonthAsync()
    {
        var bot = await BotHarness.CreateAsync(seedWard: false);
        var outcome = await bot.Get<AssignmentImporter>().ImportAsync(SamplePath, dryRun: false, "seed");
        outcome.Succeeded.Should().BeTrue(string.Join("\n", outcome.Errors));
        return bot;
    }

    [Fact]
    public async Task Donvi_tongquan_and_the_report_agree_on_what_UBKT_leads_and_supports()
    {
        await using var bot = await SampleMonthAsync();
        var cvp = (await bot.Store.FindMemberAsync("CVP"))!;

        var unit = await bot.SayAsync(cvp, "/donvi UBKT");
        var overview = await bot.SayAsync(cvp, "/tongquan");
        var tasks = await bot.Store.GetTasksAsync();
        var report = MonthlyReport.Build(2026, 3, tasks, await bot.Store.GetUnitsAsync(), await bot.Store.GetHistoriesAsync(tasks), new DateOnly(2026, 3, 8)).ToText();

        unit.Should().Contain("• Chủ trì: 1 nhiệm vụ — 0 đã xong, 0 quá hạn, 0 vướng mắc.")
            .And.Contain("• Phối hợp: 1 nhiệm vụ — 0 đã xong, 0 quá hạn, 0 vướng mắc.")
            .And.Contain("Chủ trì, đang mở:\n• T2603-21-04").And.Contain("Phối hợp, đang mở:\n• T2603-21-09");
        overview.Should().Contain("• UBKT: chủ trì 0/1, quá hạn 0, vướng mắc 0; phối hợp 0/1");
        report.Should().Contain("chủ trì hoàn thành 0/1; quá hạn 0; vướng mắc 0; phối hợp 1 nhiệm vụ.");
    }

    [Fact]
    public void Every_unit_counts_the_same_in_donvi_tongquan_and_the_report_definition()
    {
        var tasks = new[]
        {
            WardData.Task("A", "UBND", new DateOnly(2026, 3, 1)) with { SupportUnits = ["CAP"] },
            WardData.Task("B", "CAP", new DateOnly(2026, 3, 20)) with { SupportUnits = ["UBND", "CAP"], Status = WorkTaskStatus.Done, Percent = 100 },
        };
        var today = new DateOnly(2026, 3, 8);

        TaskScope.CountLed(tasks, "CAP", today).Should().Be(new UnitTaskCount(1, 1, 0, 0));
        TaskScope.CountSupported(tasks, "CAP", today).Should().Be(new UnitTaskCount(1, 0, 1, 0), "a unit never supports what it leads");
        TaskScope.CountSupported(tasks, "ubnd", today).Should().Be(new UnitTaskCount(1, 1, 0, 0));
    }

    [Fact]
    public async Task An_admins_nhiemvu_is_their_own_tasks_and_points_to_the_ward_views()
    {
        await using var bot = await BotHarness.CreateAsync();

        var answer = await bot.SayAsync(WardData.Admin, "/nhiemvu");

        answer.Should().StartWith("Nhiệm vụ của đồng chí: không còn nhiệm vụ nào đang mở.")
            .And.EndWith(ViewTexts.WardHint)
            .And.NotContain("T1").And.NotContain("T3").And.NotContainEquivalentOf("bạn");
    }

    [Fact]
    public async Task A_leaders_nhiemvu_holds_every_task_his_unit_leads_and_not_the_others()
    {
        await using var bot = await BotHarness.CreateAsync();

        var answer = await bot.SayAsync(WardData.UbndLeader, "/nhiemvu");

        answer.Should().StartWith("Nhiệm vụ của đồng chí (đang mở: 2):").And.Contain("• T1").And.Contain("• T2").And.NotContain("T3");
    }

    [Fact]
    public async Task Moc_shows_milestones_ahead_and_a_week_back_and_tatca_shows_them_all()
    {
        // 22/03 08:00 in the ward: the election (15/03) passed 7 days ago.
        await using var bot = await BotHarness.CreateAsync(now: new DateTimeOffset(2026, 3, 22, 1, 0, 0, TimeSpan.Zero));
        var week = await bot.SayAsync(WardData.UbndOfficer, "/moc");
        bot.Clock.Advance(TimeSpan.FromDays(1));

        var later = await bot.SayAsync(WardData.UbndOfficer, "/moc");
        var all = await bot.SayAsync(WardData.UbndOfficer, "/moc tatca");
        var allWithDiacritics = await bot.SayAsync(WardData.UbndOfficer, "/moc tất cả");

        week.Should().Contain("15/03/2026 — Ngày bầu cử").And.Contain("(đã qua 7 ngày)");
        later.Should().Be(ViewTexts.NoRecentMilestones + "\n" + ViewTexts.OlderMilestones(1));
        all.Should().StartWith(ViewTexts.AllMilestonesHeading).And.Contain("(đã qua 8 ngày)");
        allWithDiacritics.Should().Be(all);
        (await bot.SayAsync(WardData.UbndOfficer, "/moc hết")).Should().Be("Cách dùng: /moc [tatca]");
    }

    [Fact]
    public async Task History_shows_old_and_new_deadline_of_an_import_and_names_the_import_in_vietnamese()
    {
        await using var bot = await BotHarness.CreateAsync();
        var moved = WardData.UbndTask with { Due = new DateOnly(2026, 3, 25), Assignees = ["CB-DC"] };
        await bot.Store.ApplyImportAsync(WardData.Plan(tasks: [moved]) with
        {
            Units = [], Members = [], Milestones = [],
            Tasks = [new Change<WorkTask>(ChangeKind.Updated, moved, [ImportTexts.FieldAssignees, ImportTexts.FieldDue])],
        }, "cli", BotHarness.DefaultNow);

        var answer = await bot.SayAsync(WardData.Admin, "/chitiet T2");

        answer.Should().Contain("nạp dữ liệu mẫu · nhập tệp: Tạo từ tệp nhập.", "an entry from before changes were kept reads as it did")
            .And.Contain("nhập từ tệp trên dòng lệnh · cập nhật người thực hiện: (trống) → CB-DC; hạn: 20/03/2026 → 25/03/2026")
            .And.NotContain("hệ thống (");
    }

    [Fact]
    public async Task History_shows_old_and_new_percent_and_status_of_a_progress_report()
    {
        await using var bot = await BotHarness.CreateAsync();
        await bot.SayAsync(WardData.UbndOfficer, "/capnhat T1 40");
        await bot.SayAsync(WardData.UbndOfficer, "/xong T1 đã trình");

        var history = await bot.Store.GetHistoryAsync("T1");
        var answer = await bot.SayAsync(WardData.Admin, "/chitiet T1");

        history[^1].Changes.Should().Equal(new FieldChange(TaskField.Percent, "40", "100"), new FieldChange(TaskField.Status, "InProgress", "Done"));
        answer.Should().Contain("cập nhật tiến độ: 0% → 40%; trạng thái: chưa bắt đầu → đang thực hiện")
            .And.Contain("hoàn thành (tiến độ: 40% → 100%; trạng thái: đang thực hiện → hoàn thành) — ghi chú: đã trình");
    }
}
