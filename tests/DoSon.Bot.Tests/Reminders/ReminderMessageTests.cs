using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reminders;

public class ReminderMessageTests
{
    private static readonly Member[] Members = [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police];
    private static readonly DateOnly Today = new(2026, 3, 7);

    private static Reminder R(string key, ReminderKind kind, string member, string? task, bool late = false, string? milestone = null, string? text = null)
    {
        var at = new DateTimeOffset(2026, 3, 7, 0, 30, 0, TimeSpan.Zero);
        return new(key, kind, member, task, milestone, "x", at, at, ReminderState.Pending, late, 0, null, text, null, null);
    }

    private static Dictionary<string, WorkTask> Tasks(params WorkTask[] tasks) => tasks.ToDictionary(t => t.Code);

    [Fact]
    public void Compose_lists_every_task_due_for_one_person_at_one_moment_in_one_message()
    {
        var second = WardData.Task("T5", "UBND", new DateOnly(2026, 3, 4), "CB-DC") with { Status = WorkTaskStatus.InProgress, Percent = 40 };
        var due = new[] { R("a", ReminderKind.Task, "CB-DC", "T1"), R("b", ReminderKind.Task, "CB-DC", "T5") };

        var message = ReminderMessage.Compose(WardData.UbndOfficer, due, Tasks(WardData.LandTask, second), [], Members, Today, 7)!;

        message.TaskCodes.Should().Equal("T5", "T1");
        message.Reply.Text.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("Còn 3 ngày (hạn 10/03/2026)")
            .And.Contain("T5 — Nhiệm vụ T5").And.Contain("Quá hạn 3 ngày (hạn 04/03/2026) · đang thực hiện 40%");
        message.Reply.Buttons.Should().BeEmpty("buttons act on one task");
    }

    [Fact]
    public void Compose_about_exactly_one_task_carries_that_tasks_buttons()
    {
        var due = new[] { R("a", ReminderKind.Task, "CB-DC", "T1"), R("b", ReminderKind.Snooze, "CB-DC", "T1") };

        var message = ReminderMessage.Compose(WardData.UbndOfficer, due, Tasks(WardData.LandTask), [], Members, Today, 7)!;

        message.TaskCodes.Should().Equal("T1");
        message.Reply.Buttons.Should().BeEquivalentTo(TaskButtons.For(WardData.LandTask));
    }

    [Fact]
    public void Compose_of_a_late_reminder_says_it_is_late_and_when_it_was_due()
    {
        var due = new[] { R("a", ReminderKind.Task, "CB-DC", "T1", late: true) };

        var text = ReminderMessage.Compose(WardData.UbndOfficer, due, Tasks(WardData.LandTask), [], Members, Today, 7)!.Reply.Text;

        text.Should().StartWith("⏳ Nhắc bù do hệ thống tạm dừng").And.Contain("07/03/2026 07:30");
    }

    [Fact]
    public void Compose_of_an_escalation_names_who_carries_the_task()
    {
        var due = new[] { R("a", ReminderKind.Escalation, "CT-UBND", "T1") };

        var text = ReminderMessage.Compose(WardData.UbndLeader, due, Tasks(WardData.LandTask), [], Members, Today, 7)!.Reply.Text;

        text.Should().Contain("cần đồng chí chỉ đạo, đôn đốc").And.Contain("Người thực hiện: đồng chí Cán bộ địa chính (CB-DC)");
    }

    [Fact]
    public void Compose_of_a_milestone_countdown_lists_the_members_tasks_tied_to_it()
    {
        var due = new[] { R("a", ReminderKind.Milestone, "CT-UBND", null, milestone: "BAUCU") };

        var text = ReminderMessage.Compose(WardData.UbndLeader, due, Tasks(WardData.UbndTask, WardData.LandTask), [WardData.Election], Members, Today, 7)!.Reply.Text;

        text.Should().Contain("Mốc «Ngày bầu cử đại biểu Quốc hội và HĐND các cấp» ngày 15/03/2026 (còn 8 ngày)")
            .And.Contain("T2 — Nhiệm vụ T2").And.NotContain("T1 —");
    }

    [Fact]
    public void Compose_lists_a_task_due_and_tied_to_a_milestone_once_with_both_reasons()
    {
        var tied = WardData.UbndTask with { Due = new DateOnly(2026, 3, 8) };
        var due = new[] { R("a", ReminderKind.Task, "CT-UBND", "T2"), R("b", ReminderKind.Milestone, "CT-UBND", null, milestone: "BAUCU") };

        var message = ReminderMessage.Compose(WardData.UbndLeader, due, Tasks(tied), [WardData.Election], Members, Today, 7)!;

        message.TaskCodes.Should().Equal("T2");
        message.Reply.Text.Split("T2 —").Should().HaveCount(2, "the task is listed once");
        message.Reply.Text.Should().Contain("🔔 Nhiệm vụ của đồng chí:\n• T2 — Nhiệm vụ T2\n   Hạn ngày mai (08/03/2026) · chưa bắt đầu 0%\n   📅 Gắn với mốc «Ngày bầu cử");
    }

    [Fact]
    public void Compose_puts_a_task_the_members_unit_only_supports_under_its_own_heading()
    {
        var supported = WardData.Task("T7", "CAP", new DateOnly(2026, 3, 14)) with { SupportUnits = ["UBND"], Milestone = "BAUCU" };
        var due = new[] { R("a", ReminderKind.Milestone, "CT-UBND", null, milestone: "BAUCU") };

        var text = ReminderMessage.Compose(WardData.UbndLeader, due, Tasks(WardData.UbndTask, supported), [WardData.Election], Members, Today, 7)!.Reply.Text;

        text.Should().Contain("🔔 Nhiệm vụ của đồng chí:\n1. T2 —")
            .And.Contain("🤝 Nhiệm vụ đơn vị đồng chí phối hợp:\n2. T7 —", "a message about several tasks numbers them across its headings");
        text.IndexOf("T7 —", StringComparison.Ordinal).Should().BeGreaterThan(text.IndexOf("🤝", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_drops_an_escalation_about_the_members_own_task_left_from_an_older_plan()
    {
        var overdue = WardData.PoliceTask;
        var due = new[] { R("a", ReminderKind.Task, "TCA", "T3"), R("b", ReminderKind.Escalation, "TCA", "T3") };

        var text = ReminderMessage.Compose(WardData.Police, due, Tasks(overdue), [], Members, Today, 7)!.Reply.Text;

        text.Should().Contain("Quá hạn 2 ngày (hạn 05/03/2026)").And.NotContain("chỉ đạo").And.NotContain("Người thực hiện");
    }

    [Fact]
    public void Compose_when_every_task_is_done_says_nothing()
    {
        var done = WardData.LandTask with { Status = WorkTaskStatus.Done };

        ReminderMessage.Compose(WardData.UbndOfficer, [R("a", ReminderKind.Task, "CB-DC", "T1")], Tasks(done), [], Members, Today, 7)
            .Should().BeNull();
    }

    [Fact]
    public void Compose_for_an_admin_carries_the_notices()
    {
        var due = new[] { R("n1", ReminderKind.Notice, "CVP", null, text: "• Một"), R("n2", ReminderKind.Notice, "CVP", null, text: "• Hai") };

        var message = ReminderMessage.Compose(WardData.Admin, due, Tasks(), [], Members, Today, 7)!;

        message.Reply.Text.Should().Contain("Thông báo cho quản trị viên").And.Contain("• Một\n• Hai");
        message.TaskCodes.Should().BeEmpty();
    }

    [Fact]
    public void Compose_keeps_a_long_list_within_the_platforms_length()
    {
        var many = Enumerable.Range(1, 200).Select(i => WardData.Task($"T{i:000}", "UBND", new DateOnly(2026, 3, 9), "CB-DC")).ToArray();
        var due = many.Select(t => R(t.Code, ReminderKind.Task, "CB-DC", t.Code)).ToArray();

        var text = ReminderMessage.Compose(WardData.UbndOfficer, due, Tasks(many), [], Members, Today, 7)!.Reply.Text;

        text.Length.Should().BeLessThan(4096);
        text.Should().Contain("nhiệm vụ khác");
    }
}
