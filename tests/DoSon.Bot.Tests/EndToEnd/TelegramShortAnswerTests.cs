using DoSon.Bot.Domain;
using FluentAssertions;
using static DoSon.Bot.Tests.EndToEnd.ShortAnswerReminders;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Issue 13, part 3, on Telegram: the same short answers as on Zalo, typed as plain messages
/// (not replies) after a reminder; the buttons and replies keep working beside them.</summary>
public sealed class TelegramShortAnswerTests
{
    private const long Leader = 1002;
    private const long Officer = 1003;
    private const long Stranger = 5555;

    private static async Task<string> SayAsync(TelegramWorld world, long chat, string text)
    {
        var n = world.Fake.SentTo(chat).Count + 1;
        world.Fake.SendText(chat, text);
        return (await world.MessageAsync(chat, n)).Text ?? "";
    }

    private static async Task<WorkTask> TaskAsync(TelegramWorld world, string code) => (await world.Bot.Store.FindTaskAsync(code))!;

    [Fact]
    public async Task Xong_75_a_blocker_a_snooze_and_hoan_tac_change_the_task_exactly_as_said()
    {
        await using var world = await TelegramWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        var reminder = await world.MessageAsync(Officer);

        var percent = await SayAsync(world, Officer, "75");
        var at75 = await TaskAsync(world, "T1");
        var blocker = await SayAsync(world, Officer, "vướng: chưa có kinh phí");
        var blocked = await TaskAsync(world, "T1");
        var snooze = await SayAsync(world, Officer, "nhắc lại mai");
        var done = await SayAsync(world, Officer, "xong");
        var closed = await TaskAsync(world, "T1");
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(2));
        var undone = await SayAsync(world, Officer, "hoàn tác");

        reminder.AllButtons.Should().NotBeEmpty("Telegram's buttons stay");
        percent.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("75%");
        at75.Percent.Should().Be(75);
        blocker.Should().Contain("chưa có kinh phí");
        blocked.Status.Should().Be(WorkTaskStatus.Blocked);
        snooze.Should().Contain("02/03/2026 07:00");
        done.Should().Contain("hoàn thành").And.Contain("T1 — Nhiệm vụ T1");
        closed.Status.Should().Be(WorkTaskStatus.Done);
        undone.Should().Contain("Đã hoàn tác");
        var restored = await TaskAsync(world, "T1");
        restored.Status.Should().Be(WorkTaskStatus.Blocked, "the undo puts back what the task was before «xong»");
        restored.Percent.Should().Be(75);
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().OnlyContain(h => h.Channel == "telegram" || h.MemberCode == "seed");
    }

    [Fact]
    public async Task Two_xong_after_a_two_task_reminder_closes_the_second_and_hoan_tac_is_too_late_after_five_minutes()
    {
        await using var world = await TelegramWorld.StartAsync();
        await RemindAsync(world.Bot, "CT-UBND", "T1", "T2");
        var reminder = (await world.MessageAsync(Leader)).Text;

        await SayAsync(world, Leader, "2 xong");
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await SayAsync(world, Leader, "hoan tac");

        reminder.Should().Contain("1. T1").And.Contain("2. T2");
        (await TaskAsync(world, "T2")).Status.Should().Be(WorkTaskStatus.Done);
        (await TaskAsync(world, "T1")).Status.Should().Be(WorkTaskStatus.NotStarted);
        late.Should().Contain("quá 5 phút");
        (await TaskAsync(world, "T2")).Status.Should().Be(WorkTaskStatus.Done);
    }

    [Fact]
    public async Task A_strangers_short_answer_changes_nothing()
    {
        await using var world = await TelegramWorld.StartAsync();
        var before = await world.Bot.Store.GetTasksAsync();

        var answer = await SayAsync(world, Stranger, "xong");

        answer.Should().Contain("5555");
        (await world.Bot.Store.GetTasksAsync()).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_reply_to_the_reminder_is_still_a_note()
    {
        await using var world = await TelegramWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        var reminder = await world.MessageAsync(Officer);

        world.Fake.SendText(Officer, "xong", replyToMessageId: reminder.MessageId);
        await world.MessageAsync(Officer, 2);

        (await world.Bot.Store.GetHistoryAsync("T1"))[^1].Kind.Should().Be(ProgressKind.Note, "a reply keeps its meaning: a note on the task");
    }
}
