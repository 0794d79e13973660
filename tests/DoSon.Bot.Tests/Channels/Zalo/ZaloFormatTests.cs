using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels.Zalo;

public class ZaloFormatTests
{
    private static readonly WorkTask Task = WardData.Task("T2603-21-01", "UBND", new DateOnly(2026, 3, 10), "CB-DC");

    [Fact]
    public void One_tasks_buttons_become_the_short_answers_that_do_the_same_with_the_smallest_percent_step()
    {
        var text = ZaloFormat.TypedCommands(TaskButtons.For(Task with { Percent = 25 }));

        text.Should().Be("Trả lời ngắn: «xong» · «50» · «vướng: <nội dung>» · «nhắc lại mai» · «ghi chú: <nội dung>»");
    }

    [Fact]
    public void Buttons_of_several_tasks_become_the_commands_that_do_the_same()
    {
        var text = ZaloFormat.TypedCommands([.. TaskButtons.For(Task with { Percent = 25 }), .. TaskButtons.For(Task with { Code = "T2" })]);

        text.Should().Be("Trả lời: /xong T2603-21-01 · /capnhat T2603-21-01 50 · /vuongmac T2603-21-01 <nội dung> · /xong T2 · /capnhat T2 25 · /vuongmac T2 <nội dung>");
    }

    [Fact]
    public void Under_a_reminder_the_hint_about_buttons_gives_way_to_the_short_answers()
    {
        var parts = ZaloFormat.Render(new Reply("🔔 Nhiệm vụ T1\n\n" + DoSon.Bot.Reminders.ReminderTexts.ReplyHint, TaskButtons.For(Task)));

        parts.Should().ContainSingle().Which.Should().StartWith("🔔 Nhiệm vụ T1\n\nTrả lời ngắn: «xong»").And.NotContain("Bấm nút");
    }

    [Fact]
    public void Buttons_without_a_typed_command_are_left_out()
    {
        var snoozeOnly = new IReadOnlyList<ReplyButton>[] { [new("⏰ Sáng mai", TaskButtons.Encode(TaskAction.Snooze, "T1", TaskButtons.SnoozeMorning)), new("?", "not-a-task-button")] };

        ZaloFormat.TypedCommands(snoozeOnly).Should().BeNull();
        ZaloFormat.Render(Reply.Say("Nhắc việc").WithButtons(snoozeOnly)).Should().Equal("Nhắc việc");
    }

    [Fact]
    public void Render_puts_the_commands_under_the_text_as_plain_text()
    {
        var parts = ZaloFormat.Render(new Reply("Nhiệm vụ <b>T1</b> & T2", TaskButtons.For(Task)));

        parts.Should().ContainSingle().Which.Should().Be(
            "Nhiệm vụ <b>T1</b> & T2\n\nTrả lời ngắn: «xong» · «25» · «vướng: <nội dung>» · «nhắc lại mai» · «ghi chú: <nội dung>»");
    }

    [Fact]
    public void Render_splits_text_over_2000_characters_at_line_breaks()
    {
        var lines = Enumerable.Range(1, 100).Select(i => $"Dòng {i:D3}: ".PadRight(49, '.')).ToList();
        var text = string.Join("\n", lines);

        var parts = ZaloFormat.Render(Reply.Say(text));

        parts.Should().HaveCount(3).And.OnlyContain(p => p.Length <= 2000);
        parts.Should().OnlyContain(p => p.StartsWith("Dòng", StringComparison.Ordinal) && p.EndsWith('.'));
        string.Join("\n", parts).Should().Be(text);
    }
}
