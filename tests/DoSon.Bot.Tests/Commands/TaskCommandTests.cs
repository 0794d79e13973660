using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Commands;

/// <summary>The commands against the small ward of <see cref="WardData"/>, on 08/03/2026.</summary>
public class TaskCommandTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task NhiemVu_lists_the_members_own_and_unassigned_unit_tasks_by_due_date()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/nhiemvu");

        answer.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("Còn 2 ngày (hạn 10/03/2026)").And.Contain("chưa bắt đầu 0%");
        answer.Should().Contain("T2").And.NotContain("T3");
        answer.IndexOf("T1", StringComparison.Ordinal).Should().BeLessThan(answer.IndexOf("T2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NhiemVu_shows_overdue_days()
    {
        var answer = await _bot.SayAsync(WardData.Police, "/nhiemvu");

        answer.Should().Contain("T3").And.Contain("Quá hạn 3 ngày (hạn 05/03/2026)");
    }

    [Fact]
    public async Task CapNhat_records_percent_and_note_in_the_history()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/capnhat T1 40 đã đo đạc xong 3 thửa");

        answer.Should().StartWith("Đã ghi nhận. T1: đang thực hiện 40%");
        var task = (await _bot.Store.FindTaskAsync("T1"))!;
        task.Percent.Should().Be(40);
        task.Status.Should().Be(WorkTaskStatus.InProgress);
        var last = (await _bot.Store.GetHistoryAsync("T1"))[^1];
        last.Should().BeEquivalentTo(new
        {
            MemberCode = "CB-DC",
            Kind = ProgressKind.Progress,
            Percent = (int?)40,
            Note = "đã đo đạc xong 3 thửa",
            At = BotHarness.DefaultNow,
        });
    }

    [Fact]
    public async Task CapNhat_to_100_percent_completes_the_task()
    {
        await _bot.SayAsync(WardData.UbndOfficer, "/capnhat T1 100%");

        (await _bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Done);
    }

    [Fact]
    public async Task A_member_cannot_update_another_units_task()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/capnhat T3 50");

        answer.Should().Contain("không thuộc đơn vị của đồng chí");
        (await _bot.Store.FindTaskAsync("T3"))!.Percent.Should().Be(0);
        (await _bot.Store.GetHistoryAsync("T3")).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_leader_cannot_update_another_units_task_but_an_admin_can()
    {
        (await _bot.SayAsync(WardData.UbndLeader, "/xong T3")).Should().Contain("không thuộc đơn vị của đồng chí");
        (await _bot.SayAsync(WardData.Admin, "/xong T3")).Should().Contain("Đã ghi nhận hoàn thành nhiệm vụ T3");
        (await _bot.Store.FindTaskAsync("T3"))!.IsDone.Should().BeTrue();
    }

    [Fact]
    public async Task Xong_twice_changes_nothing_the_second_time()
    {
        await _bot.SayAsync(WardData.UbndOfficer, "/xong T1 nộp báo cáo rồi");
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/xong T1");

        answer.Should().Contain("đã hoàn thành từ trước");
        (await _bot.Store.GetHistoryAsync("T1")).Should().HaveCount(2);
        (await _bot.Store.GetHistoryAsync("T1"))[^1].Note.Should().Be("nộp báo cáo rồi");
    }

    [Fact]
    public async Task VuongMac_marks_the_task_blocked_and_keeps_the_text()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/vuongmac T1 chưa có kinh phí đo đạc");

        answer.Should().Contain("Đã ghi nhận vướng mắc của nhiệm vụ T1");
        (await _bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Blocked);
        (await _bot.Store.GetHistoryAsync("T1"))[^1].Note.Should().Be("chưa có kinh phí đo đạc");
    }

    [Fact]
    public async Task ChiTiet_shows_history_to_those_who_may_see_and_hides_the_task_from_others()
    {
        await _bot.SayAsync(WardData.Police, "/capnhat T3 30 đang tuần tra");

        var admin = await _bot.SayAsync(WardData.Admin, "/chitiet T3");
        var stranger = await _bot.SayAsync(WardData.UbndOfficer, "/chitiet T3");

        admin.Should().Contain("Chủ trì: Công an phường").And.Contain("Trưởng Công an").And.Contain("· Trưởng Công an phường · cập nhật tiến độ: 0% → 30%; trạng thái: chưa bắt đầu → đang thực hiện — ghi chú: đang tuần tra");
        stranger.Should().Contain("Không tìm thấy nhiệm vụ mã «T3»");
    }

    [Fact]
    public async Task ChiTiet_names_the_milestone()
    {
        var answer = await _bot.SayAsync(WardData.Admin, "/chitiet t2");

        answer.Should().Contain("Gắn với mốc: Ngày bầu cử đại biểu Quốc hội và HĐND các cấp (15/03/2026)");
    }

    [Fact]
    public async Task SapDen_takes_a_number_of_days()
    {
        var week = await _bot.SayAsync(WardData.UbndLeader, "/sapden");
        var fortnight = await _bot.SayAsync(WardData.UbndLeader, "/sapden 14");

        week.Should().Contain("T1").And.NotContain("T2");
        fortnight.Should().Contain("T1").And.Contain("T2");
    }

    [Fact]
    public async Task QuaHan_lists_overdue_tasks_in_scope_only()
    {
        (await _bot.SayAsync(WardData.Police, "/quahan")).Should().Contain("T3").And.Contain("Quá hạn 3 ngày");
        (await _bot.SayAsync(WardData.UbndOfficer, "/quahan")).Should().Be("Không có nhiệm vụ nào quá hạn trong phạm vi của đồng chí.");
    }

    [Fact]
    public async Task DonVi_lists_units_or_one_units_tasks()
    {
        (await _bot.SayAsync(WardData.UbndOfficer, "/donvi")).Should().Contain("UBND — Ủy ban nhân dân phường");
        (await _bot.SayAsync(WardData.Admin, "/donvi cap")).Should().Contain("Công an phường (CAP):\n• Chủ trì: 1 nhiệm vụ — 0 đã xong, 1 quá hạn, 0 vướng mắc.\n• Phối hợp: 0 nhiệm vụ");
    }

    [Fact]
    public async Task Moc_counts_days_to_each_milestone()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/moc");

        answer.Should().Contain("15/03/2026 — Ngày bầu cử đại biểu Quốc hội và HĐND các cấp (còn 7 ngày); 1 nhiệm vụ gắn với mốc, 0 đã xong");
    }

    [Fact]
    public async Task TongQuan_counts_the_ward_by_status_and_unit()
    {
        await _bot.SayAsync(WardData.UbndOfficer, "/xong T1");
        await _bot.SayAsync(WardData.Police, "/vuongmac T3 thiếu lực lượng");

        var answer = await _bot.SayAsync(WardData.UbndLeader, "/tongquan");

        answer.Should().Contain("3 nhiệm vụ").And.Contain("Hoàn thành: 1").And.Contain("Vướng mắc: 1").And.Contain("Quá hạn: 1");
        answer.Should().Contain("UBND: chủ trì 1/2").And.Contain("CAP: chủ trì 0/1, quá hạn 1, vướng mắc 1; phối hợp 0/0").And.Contain("Cần tháo gỡ:");
    }
}
