using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using static DoSon.Bot.Tests.EndToEnd.ShortAnswerReminders;
using static DoSon.Bot.Tests.EndToEnd.ZaloWorld;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Issue 13, part 3: on Zalo (no buttons, no reply-to) a member answers a reminder the way
/// people answer a message, and the task changes exactly as said.</summary>
public sealed class ZaloShortAnswerTests
{
    private static async Task<string> SayAsync(ZaloWorld world, string chat, string text)
    {
        var n = world.Fake.SentTo(chat).Count + 1;
        world.Fake.SendText(chat, text);
        return (await world.MessageAsync(chat, n)).Text;
    }

    private static async Task<WorkTask> TaskAsync(ZaloWorld world, string code) => (await world.Bot.Store.FindTaskAsync(code))!;

    [Fact]
    public async Task Xong_after_a_reminder_closes_the_task_and_says_which_and_the_footer_shows_the_short_answers()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        var reminder = (await world.MessageAsync(Officer)).Text;

        var answer = await SayAsync(world, Officer, "xong");

        reminder.Should().Contain("Trả lời ngắn: «xong» · «25» · «vướng: <nội dung>» · «nhắc lại mai»").And.NotContain("Bấm nút");
        answer.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("hoàn thành").And.NotContain("\n");
        (await TaskAsync(world, "T1")).Status.Should().Be(WorkTaskStatus.Done);
        (await world.Bot.Store.GetHistoryAsync("T1"))[^1].Channel.Should().Be("zalo");
    }

    [Fact]
    public async Task A_percent_a_blocker_and_a_snooze_change_the_task_exactly_as_said()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        await world.MessageAsync(Officer);

        var percent = await SayAsync(world, Officer, "75");
        var afterPercent = await TaskAsync(world, "T1");
        var blocker = await SayAsync(world, Officer, "vướng: chưa có kinh phí");
        var afterBlocker = await TaskAsync(world, "T1");
        var snooze = await SayAsync(world, Officer, "nhắc lại mai");

        percent.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("75%");
        afterPercent.Percent.Should().Be(75);
        afterPercent.Status.Should().Be(WorkTaskStatus.InProgress);
        blocker.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("chưa có kinh phí");
        afterBlocker.Status.Should().Be(WorkTaskStatus.Blocked);
        (await world.Bot.Store.GetHistoryAsync("T1"))[^1].Note.Should().Be("chưa có kinh phí");
        snooze.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("02/03/2026 07:00");
        var pending = await world.Bot.Services.GetRequiredService<DoSon.Bot.Storage.IReminderStore>().GetDueAsync("CB-DC", DateTimeOffset.MaxValue);
        pending.Should().Contain(r => r.Kind == DoSon.Bot.Reminders.ReminderKind.Snooze && r.TaskCode == "T1"
                                      && r.DueAt == new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_photo_after_a_reminder_about_one_task_is_a_note_on_it_with_its_address()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        await world.MessageAsync(Officer);

        world.Fake.SendImage(Officer);
        var answer = (await world.MessageAsync(Officer, 2)).Text;

        answer.Should().Contain("Đã ghi chú vào nhiệm vụ T1 — Nhiệm vụ T1");
        var last = (await world.Bot.Store.GetHistoryAsync("T1"))[^1];
        last.Note.Should().Be("Ảnh https://photo.example.test/" + Officer + ".jpg");
        last.Channel.Should().Be("zalo");
        (await TaskAsync(world, "T1")).Status.Should().Be(WorkTaskStatus.NotStarted, "a photo is a note, not progress");
    }

    [Fact]
    public async Task A_reminder_about_two_tasks_numbers_them_and_2_xong_closes_the_second()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CT-UBND", "T1", "T2");
        var reminder = (await world.MessageAsync(Leader)).Text;

        var unnumbered = await SayAsync(world, Leader, "xong");
        var answer = await SayAsync(world, Leader, "2 xong");
        var tooFar = await SayAsync(world, Leader, "3 50");

        reminder.Should().Contain("1. T1 — Nhiệm vụ T1").And.Contain("2. T2 — Nhiệm vụ T2").And.Contain("«2 xong»");
        unnumbered.Should().Contain("số thứ tự");
        answer.Should().Contain("T2 — Nhiệm vụ T2");
        (await TaskAsync(world, "T2")).Status.Should().Be(WorkTaskStatus.Done);
        (await TaskAsync(world, "T1")).Status.Should().Be(WorkTaskStatus.NotStarted, "only the second task was answered");
        tooFar.Should().Contain("không có nhiệm vụ số 3");
    }

    [Fact]
    public async Task Hoan_tac_undoes_the_last_change_within_five_minutes_and_is_too_late_after()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        await world.MessageAsync(Officer);

        await SayAsync(world, Officer, "xong");
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(4));
        var undone = await SayAsync(world, Officer, "hoàn tác");
        var restored = await TaskAsync(world, "T1");
        await SayAsync(world, Officer, "75");
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await SayAsync(world, Officer, "hoan tac");

        undone.Should().Contain("Đã hoàn tác").And.Contain("T1 — Nhiệm vụ T1");
        restored.Status.Should().Be(WorkTaskStatus.NotStarted);
        restored.Percent.Should().Be(0);
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().Contain(h => h.Note == "Hoàn tác: báo hoàn thành", "the undo is a recorded entry");
        late.Should().Contain("quá 5 phút");
        (await TaskAsync(world, "T1")).Percent.Should().Be(75, "too late: nothing was undone");
    }

    [Fact]
    public async Task Answers_without_diacritics_work_too()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        await world.MessageAsync(Officer);

        await SayAsync(world, Officer, "vuong: het giay in");
        var blocked = await TaskAsync(world, "T1");
        var snooze = await SayAsync(world, Officer, "nhac lai mai");
        var note = await SayAsync(world, Officer, "ghi chu da goi dien");
        await SayAsync(world, Officer, "hoan thanh");

        blocked.Status.Should().Be(WorkTaskStatus.Blocked);
        snooze.Should().Contain("02/03/2026 07:00");
        note.Should().Contain("Đã ghi chú");
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().Contain(h => h.Kind == ProgressKind.Note && h.Note == "da goi dien");
        (await TaskAsync(world, "T1")).Status.Should().Be(WorkTaskStatus.Done);
    }

    [Fact]
    public async Task The_current_task_survives_a_restart_and_expires_after_the_configured_minutes()
    {
        await using var world = await ZaloWorld.StartAsync(settings: new Dictionary<string, string?> { ["Chat:CurrentTaskMinutes"] = "60" });
        await RemindAsync(world.Bot, "CB-DC", "T1");
        await world.MessageAsync(Officer);

        // As the restart test of the polling does: a poll of the stopped process must not take the answer.
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        await world.StopBotAsync();
        await world.Fake.WaitUntilAsync(() => !world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        await world.StartBotAsync();
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        await SayAsync(world, Officer, "40");
        var afterRestart = (await TaskAsync(world, "T1")).Percent;
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await SayAsync(world, Officer, "xong");

        afterRestart.Should().Be(40);
        expired.Should().Contain("/chitiet").And.Contain("T1");
        (await TaskAsync(world, "T1")).Status.Should().Be(WorkTaskStatus.InProgress, "the current task had expired");
    }

    [Fact]
    public async Task Chitiet_makes_the_task_current()
    {
        await using var world = await ZaloWorld.StartAsync();

        var before = await SayAsync(world, Officer, "xong");
        await SayAsync(world, Officer, "/chitiet T1");
        var answer = await SayAsync(world, Officer, "50%");

        before.Should().Contain("/chitiet");
        answer.Should().Contain("T1 — Nhiệm vụ T1");
        (await TaskAsync(world, "T1")).Percent.Should().Be(50);
    }

    [Fact]
    public async Task A_strangers_short_answer_gets_the_usual_refusal_and_changes_nothing()
    {
        await using var world = await ZaloWorld.StartAsync();
        var before = await world.Bot.Store.GetTasksAsync();

        var answer = await SayAsync(world, Stranger, "xong");

        answer.Should().Contain(Stranger).And.Contain("/lienket");
        (await world.Bot.Store.GetTasksAsync()).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_member_cannot_change_another_units_task_by_a_short_answer()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T3");
        await world.MessageAsync(Officer);

        var answer = await SayAsync(world, Officer, "xong");

        answer.Should().Contain("T3");
        var task = await TaskAsync(world, "T3");
        task.Status.Should().Be(WorkTaskStatus.NotStarted);
        (await world.Bot.Store.GetHistoryAsync("T3")).Should().NotContain(h => h.MemberCode == "CB-DC");
    }

    [Fact]
    public async Task Unknown_text_about_the_current_task_gets_the_choices()
    {
        await using var world = await ZaloWorld.StartAsync();
        await RemindAsync(world.Bot, "CB-DC", "T1");
        await world.MessageAsync(Officer);

        var answer = await SayAsync(world, Officer, "để mai tính");

        answer.Should().Contain("«để mai tính»").And.Contain("T1 — Nhiệm vụ T1").And.Contain("«xong»").And.Contain("«nhắc lại mai»").And.Contain("«hoàn tác»");
        (await TaskAsync(world, "T1")).Status.Should().Be(WorkTaskStatus.NotStarted);
    }

    [Fact]
    public async Task Nhaclai_snoozes_a_task_and_a_wrong_form_gets_the_usage()
    {
        await using var world = await ZaloWorld.StartAsync();

        var missing = await SayAsync(world, Officer, "/nhaclai T1");
        var wrong = await SayAsync(world, Officer, "/nhaclai T1 tuần sau");
        var snoozed = await SayAsync(world, Officer, "/nhaclai T1 chiều");
        world.Bot.Clock.Advance(TimeSpan.FromHours(8));
        var reminder = (await world.MessageAsync(Officer, 4)).Text;
        var passed = await SayAsync(world, Officer, "/nhaclai T1 chiều");

        missing.Should().Be("Cách dùng: /nhaclai <mã nhiệm vụ> <1h|chiều|mai>");
        wrong.Should().Be(missing);
        snoozed.Should().Be("⏰ Sẽ nhắc lại T1 — Nhiệm vụ T1 lúc 01/03/2026 14:00.", "the answer names the task");
        reminder.Should().Contain("Nhắc lại theo yêu cầu", "the snooze reminded at 14:00");
        passed.Should().Contain("Đã quá 14:00");
    }
}
