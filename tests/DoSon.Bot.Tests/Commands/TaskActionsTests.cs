using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Commands;

/// <summary>The rules of a change to a task, once for buttons, answers and commands: each rule on its
/// own, through <see cref="TaskActions"/> itself, on the real store.</summary>
public class TaskActionsTests
{
    private sealed class RecordingSnoozer : IReminderSnoozer
    {
        public List<(string Task, string Member, DateTimeOffset At)> Snoozes { get; } = [];

        public Task SnoozeAsync(string taskCode, string memberCode, DateTimeOffset at)
        {
            Snoozes.Add((taskCode, memberCode, at));
            return Task.CompletedTask;
        }
    }

    private static TaskActions ActionsOf(BotHarness bot, IReminderSnoozer? snoozer = null)
    {
        var services = new ServiceCollection();
        if (snoozer is not null)
        {
            services.AddSingleton(snoozer);
        }

        return new TaskActions(bot.Get<TaskProgress>(), bot.Clock, services.BuildServiceProvider());
    }

    private static async Task<Member> OfficerAsync(BotHarness bot) => (await bot.Store.FindMemberAsync(WardData.UbndOfficer.Code))!;

    [Theory]
    [InlineData(TaskActionOrigin.Tap)]
    [InlineData(TaskActionOrigin.Command)]
    public async Task A_stranger_is_refused_with_an_alert_and_nothing_changes(TaskActionOrigin origin)
    {
        await using var bot = await BotHarness.CreateAsync();
        var historyBefore = (await bot.Store.GetHistoryAsync("T1")).Count;

        var outcome = await bot.Get<TaskActions>().ApplyAsync(
            (await bot.Store.FindMemberAsync(WardData.Police.Code))!, "T1", TaskActionRequest.Done(), "telegram", origin);

        outcome.Result.Should().Be(TaskActionResult.Refused);
        outcome.Alert.Should().BeTrue();
        outcome.Text.Should().StartWith("Nhiệm vụ T1 không thuộc đơn vị của đồng chí; chỉ người thực hiện");
        outcome.FollowUps.Should().Be(TaskFollowUps.None);
        (await bot.Store.FindTaskAsync("T1"))!.Status.Should().NotBe(WorkTaskStatus.Done);
        (await bot.Store.GetHistoryAsync("T1")).Should().HaveCount(historyBefore);
    }

    [Fact]
    public async Task A_tapped_step_below_the_current_percent_changes_nothing_and_one_above_is_recorded()
    {
        await using var bot = await BotHarness.CreateAsync();
        var actions = bot.Get<TaskActions>();
        (await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.SetPercent(60), "telegram", TaskActionOrigin.Command))
            .Result.Should().Be(TaskActionResult.Changed);

        var old = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.SetPercent(50), "telegram", TaskActionOrigin.Tap);
        var next = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.SetPercent(75), "telegram", TaskActionOrigin.Tap);

        (old.Result, old.Text, old.Alert).Should().Be((TaskActionResult.Unchanged, "Nhiệm vụ T1 đã ở mức 60%; không có gì thay đổi.", false));
        old.FollowUps.Should().Be(TaskFollowUps.None);
        (next.Result, next.Text).Should().Be((TaskActionResult.Changed, "📈 Đã cập nhật T1: 75%."));
        next.FollowUps.Should().Be(TaskFollowUps.RefreshButtons);
        (await bot.Store.FindTaskAsync("T1"))!.Percent.Should().Be(75);
    }

    [Fact]
    public async Task A_typed_percent_below_the_current_one_is_a_correction_and_is_recorded()
    {
        await using var bot = await BotHarness.CreateAsync();
        var actions = bot.Get<TaskActions>();
        await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.SetPercent(60), "zalo", TaskActionOrigin.Command);

        var outcome = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.SetPercent(30, "đo lại"), "zalo", TaskActionOrigin.Command);

        outcome.Result.Should().Be(TaskActionResult.Changed);
        outcome.Text.Should().StartWith("Đã ghi nhận. T1: đang thực hiện 30%");
        (await bot.Store.FindTaskAsync("T1"))!.Percent.Should().Be(30);
    }

    [Theory]
    // 20:30 UTC on 10/03 is 03:30 on 11/03 in the ward: "tomorrow morning" is 12/03 07:00 ward time,
    // which is 00:00 UTC on 12/03 (a UTC date would have said 11/03).
    [InlineData("2026-03-10T20:30:00Z", "2026-03-12T00:00:00Z", "12/03/2026 07:00")]
    // 16:30 UTC on 10/03 is 23:30 on 10/03 in the ward: tomorrow is 11/03.
    [InlineData("2026-03-10T16:30:00Z", "2026-03-11T00:00:00Z", "11/03/2026 07:00")]
    public async Task A_snooze_to_next_morning_is_07_00_on_the_wards_next_day(string now, string expected, string shown)
    {
        await using var bot = await BotHarness.CreateAsync(now: DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var snoozer = new RecordingSnoozer();

        var outcome = await ActionsOf(bot, snoozer).ApplyAsync(
            await OfficerAsync(bot), "T1", TaskActionRequest.Snooze(SnoozeTime.NextMorning), "telegram", TaskActionOrigin.Tap);

        var at = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        outcome.Result.Should().Be(TaskActionResult.Changed);
        outcome.SnoozedUntil.Should().Be(at);
        outcome.Text.Should().Be($"⏰ Sẽ nhắc lại lúc {shown}.");
        snoozer.Snoozes.Should().Equal(("T1", "CB-DC", at));
        (await bot.Store.FindTaskAsync("T1"))!.Percent.Should().Be(0, "a snooze changes no task");
    }

    [Fact]
    public async Task A_snooze_for_an_hour_is_an_hour_from_the_apps_clock_and_without_reminders_it_is_unavailable()
    {
        await using var bot = await BotHarness.CreateAsync();
        var snoozer = new RecordingSnoozer();

        var hour = await ActionsOf(bot, snoozer).ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Snooze(SnoozeTime.OneHour), "telegram", TaskActionOrigin.Tap);
        var none = await ActionsOf(bot).ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Snooze(SnoozeTime.OneHour), "telegram", TaskActionOrigin.Tap);

        hour.SnoozedUntil.Should().Be(BotHarness.DefaultNow.AddHours(1));
        snoozer.Snoozes.Should().ContainSingle();
        (none.Result, none.Alert, none.Text).Should().Be((TaskActionResult.Unavailable, true, TaskActionTexts.SnoozeUnavailable));
    }

    [Fact]
    public async Task Reopening_a_finished_task_needs_confirmation_and_a_confirmed_one_reopens_it()
    {
        await using var bot = await BotHarness.CreateAsync();
        var actions = bot.Get<TaskActions>();
        (await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Done(), "zalo", TaskActionOrigin.Command))
            .FollowUps.Should().Be(TaskFollowUps.RefreshButtons | TaskFollowUps.RemindersCancelled);
        var historyBefore = (await bot.Store.GetHistoryAsync("T1")).Count;

        var onZalo = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.SetPercent(20), "zalo", TaskActionOrigin.Command);
        var onTelegram = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.SetPercent(20), "telegram", TaskActionOrigin.Command);

        onZalo.Result.Should().Be(TaskActionResult.NeedsConfirmation);
        onZalo.Text.Should().EndWith("gõ:\n/capnhat T1 20 mởlại");
        onZalo.Buttons.Should().BeEmpty();
        onTelegram.Buttons.SelectMany(r => r).Should().ContainSingle().Which.Data.Should().Be("t:reo:T1:20");
        (await bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Done);
        (await bot.Store.GetHistoryAsync("T1")).Should().HaveCount(historyBefore);

        var confirmed = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.ReopenAt(20), "telegram", TaskActionOrigin.Tap);

        (confirmed.Result, confirmed.Text).Should().Be((TaskActionResult.Changed, "Đã mở lại nhiệm vụ T1: đang thực hiện 20%."));
        (await bot.Store.GetHistoryAsync("T1"))[^1].Kind.Should().Be(ProgressKind.Reopened);

        var again = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.ReopenAt(20), "telegram", TaskActionOrigin.Tap);
        (again.Result, again.Text).Should().Be((TaskActionResult.Unchanged, "Nhiệm vụ T1 đã ở mức 20%; không có gì thay đổi."));
    }

    [Theory]
    [InlineData(TaskActionOrigin.Command, "Nhiệm vụ T1 đã hoàn thành từ trước; không có gì thay đổi.")]
    [InlineData(TaskActionOrigin.Tap, "Nhiệm vụ T1 đã hoàn thành từ trước; không có gì thay đổi.")]
    public async Task A_done_task_refuses_a_blocker_and_records_nothing(TaskActionOrigin origin, string said)
    {
        await using var bot = await BotHarness.CreateAsync();
        var actions = bot.Get<TaskActions>();
        await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Done(), "zalo", TaskActionOrigin.Command);
        var historyBefore = (await bot.Store.GetHistoryAsync("T1")).Count;

        var outcome = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Blocker("thiếu kinh phí"), "zalo", origin);

        (outcome.Result, outcome.Text, outcome.Alert).Should().Be((TaskActionResult.Unchanged, said, false));
        (await bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Done);
        (await bot.Store.GetHistoryAsync("T1")).Should().HaveCount(historyBefore);
    }

    [Fact]
    public async Task A_blocker_without_its_text_asks_for_it_and_records_nothing_yet()
    {
        await using var bot = await BotHarness.CreateAsync();
        var historyBefore = (await bot.Store.GetHistoryAsync("T1")).Count;

        var outcome = await bot.Get<TaskActions>().ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Blocker(), "telegram", TaskActionOrigin.Tap);

        (outcome.Result, outcome.FollowUps, outcome.Task?.Code).Should().Be((TaskActionResult.NeedsText, TaskFollowUps.AskBlockerText, "T1"));
        (await bot.Store.GetHistoryAsync("T1")).Should().HaveCount(historyBefore);
    }

    [Fact]
    public async Task An_answer_to_a_reminder_ends_with_the_tasks_line_and_buttons_while_it_is_open()
    {
        await using var bot = await BotHarness.CreateAsync();
        var actions = bot.Get<TaskActions>();

        var answer = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Note("đã họp"), "zalo", TaskActionOrigin.Answer);
        var command = await actions.ApplyAsync(await OfficerAsync(bot), "T1", TaskActionRequest.Blocker("thiếu người"), "zalo", TaskActionOrigin.Command);

        answer.Text.Should().StartWith("Đã ghi chú vào nhiệm vụ T1.\n• T1 — ");
        answer.Buttons.Should().BeEquivalentTo(TaskButtons.For((await bot.Store.FindTaskAsync("T1"))!));
        command.Text.Should().StartWith("Đã ghi nhận vướng mắc của nhiệm vụ T1.").And.NotContain("\n");
        command.Buttons.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_task_is_named_in_the_answer()
    {
        await using var bot = await BotHarness.CreateAsync();

        var tap = await bot.Get<TaskActions>().ApplyAsync(await OfficerAsync(bot), "KHONGCO", TaskActionRequest.Done(), "telegram", TaskActionOrigin.Tap);
        var typed = await bot.Get<TaskActions>().ApplyAsync(await OfficerAsync(bot), "KHONGCO", TaskActionRequest.Done(), "telegram", TaskActionOrigin.Command);

        (tap.Result, tap.Text, tap.Alert).Should().Be((TaskActionResult.NotFound, "Không còn nhiệm vụ mã KHONGCO.", true));
        typed.Text.Should().StartWith("Không tìm thấy nhiệm vụ mã «KHONGCO».");
    }

    [Theory]
    [InlineData("t:done:T1", TaskAction.Done, 0, SnoozeTime.OneHour)]
    [InlineData("t:pct:T1:50", TaskAction.Percent, 50, SnoozeTime.OneHour)]
    [InlineData("t:reo:T1:20", TaskAction.Reopen, 20, SnoozeTime.OneHour)]
    [InlineData("t:snz:T1:am", TaskAction.Snooze, 0, SnoozeTime.NextMorning)]
    [InlineData("t:snz:T1:1h", TaskAction.Snooze, 0, SnoozeTime.OneHour)]
    [InlineData("t:blk:T1", TaskAction.Blocker, 0, SnoozeTime.OneHour)]
    public void A_decoded_button_becomes_the_request_it_stands_for(string data, TaskAction action, int percent, SnoozeTime until)
    {
        TaskButtons.TryDecode(data, out var press).Should().BeTrue();

        var request = TaskActionRequest.FromButton(press);

        (request.Action, request.Percent, request.Until, request.Text, request.Reopen).Should().Be((action, percent, until, (string?)null, false));
    }
}
