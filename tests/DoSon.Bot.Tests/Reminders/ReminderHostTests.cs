using DoSon.Bot.Channels;
using DoSon.Bot.Commands;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>The real host with Quartz on a FakeTimeProvider: advancing the clock fires exactly the
/// reminders that fell due. WardData: T3 (CAP, TCA) due 05/03, T1 (UBND, CB-DC) due 10/03,
/// T2 (UBND, no assignee, milestone BAUCU 15/03) due 20/03. Reminders go out at 07:30 local = 00:30 UTC.</summary>
public class ReminderHostTests
{
    private static DateTimeOffset Day(int day, int hour = 0, int minute = 30) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task Advancing_the_clock_fires_exactly_the_reminders_that_fell_due()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);

        bot.Channel.Accepted.Should().BeEmpty("nothing is due at 07:00 on 01/03");

        await bot.AdvanceToAsync(Day(2), 1);
        bot.Channel.To("TCA").Should().ContainSingle().Which.Content.Text.Should().Contain("T3 —").And.Contain("Còn 3 ngày (hạn 05/03/2026)");

        await bot.AdvanceToAsync(Day(3), 2);
        bot.Channel.To("CB-DC").Should().ContainSingle(string.Join(" || ", bot.Channel.Accepted.Select(a => $"{a.Message.ChatId}@{a.At:O}: {a.Message.Content.Text}"))).Which.Content.Text.Should().Contain("T1 —").And.Contain("Còn 7 ngày (hạn 10/03/2026)");

        // 04/03 TCA before-1, 05/03 TCA day, 06/03 TCA overdue-1, 07/03: TCA overdue-2 (TCA carries T3,
        // so he is not escalated his own task), CVP escalation, CB-DC before-3.
        foreach (var (day, total) in new[] { (4, 3), (5, 4), (6, 5), (7, 8) })
        {
            await bot.AdvanceToAsync(Day(day), total);
        }

        await bot.Dispatcher.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        bot.Channel.Accepted.Should().HaveCount(8);
        var tcaLast = bot.Channel.To("TCA")[^1];
        tcaLast.Content.Text.Should().Contain("Quá hạn 2 ngày").And.NotContain("chỉ đạo");
        tcaLast.Content.Text.Split("T3 —").Should().HaveCount(2, "the task is listed once");
        tcaLast.TaskCodes.Should().Equal("T3");
        tcaLast.Content.Buttons.Should().NotBeEmpty();
        bot.Channel.To("CVP").Should().ContainSingle().Which.Content.Text.Should().Contain("Người thực hiện: đồng chí Trưởng Công an (TCA)");
        bot.Channel.Accepted.Should().OnlyContain(a => a.At.Hour == 0 && a.At.Minute == 30, "each went out at 07:30 local");

        var now = bot.Clock.GetUtcNow();
        (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Should().OnlyContain(r => r.SendAt > now);
        (await bot.Reminders.GetRemindersAsync(ReminderState.Sent)).Should().HaveCount(8).And.OnlyContain(r => r.SentAt <= now);
    }

    [Fact]
    public async Task A_task_finished_with_xong_cancels_its_pending_reminders_at_once()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);
        (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Should().Contain(r => r.TaskCode == "T1");
        var progress = bot.Host.Services.GetRequiredService<TaskProgress>();

        (await progress.MarkDoneAsync(WardData.UbndOfficer, "T1", null, "console")).Kind.Should().Be(ProgressOutcomeKind.Recorded);

        (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Should().NotContain(r => r.TaskCode == "T1");
        await bot.AdvanceToAsync(Day(2), 1);
        bot.AdvanceTo(Day(3));
        await bot.AdvanceToAsync(Day(4), 2); // TCA's two reminders (02/03 and 04/03), nothing for T1
        await bot.Dispatcher.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        bot.Channel.To("CB-DC").Should().BeEmpty();
    }

    [Fact]
    public async Task A_snooze_sends_one_more_reminder_of_that_task_at_the_given_time()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);
        var snoozer = bot.Host.Services.GetRequiredService<IReminderSnoozer>();

        await snoozer.SnoozeAsync("T2", "CT-UBND", Day(1, 3, 0)); // 10:00 local on 01/03
        await bot.AdvanceToAsync(Day(1, 3, 0), 1);
        var message = bot.Channel.To("CT-UBND").Should().ContainSingle().Subject;
        message.Content.Text.Should().Contain("Nhắc lại theo yêu cầu").And.Contain("T2 —");
        message.Content.Buttons.Should().BeEquivalentTo(TaskButtons.For(WardData.UbndTask));
    }

    [Fact]
    public async Task A_restart_delivers_every_due_reminder_once_and_catches_up_only_inside_the_window()
    {
        using var db = new TempDatabase();
        var delivered = new List<OutgoingMessage>();

        // First run: 02/03 goes out normally; 03/03's message to CB-DC is in flight when the bot stops.
        await using (var first = await BotHost.StartAsync(db, BotHost.March1,
            channelSetup: c => c.Hold = ("CB-DC", new TaskCompletionSource())))
        {
            await first.AdvanceToAsync(Day(2), 1);
            await first.AdvanceToAsync(Day(3), () => first.Channel.HoldStarted.Task.IsCompleted);
            await first.Host.StopAsync();
            delivered.AddRange(first.Channel.Accepted.Select(a => a.Message));
            (await first.Reminders.FindReminderAsync("task:T1:CB-DC:before-7"))!.State.Should().Be(ReminderState.Pending, "it was never accepted");
        }

        // Down until 04/03 12:00 UTC: 03/03 00:30 (CB-DC) is 35.5 h old -> skipped;
        // 04/03 00:30 (TCA before-1) is 11.5 h old -> sent once, marked late.
        await using (var second = await BotHost.StartAsync(db, Day(4, 12, 0)))
        {
            await second.AdvanceToAsync(Day(4, 12, 0), 1);
            await second.Dispatcher.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            var late = second.Channel.To("TCA").Should().ContainSingle().Subject;
            late.Content.Text.Should().StartWith("⏳ Nhắc bù do hệ thống tạm dừng").And.Contain("04/03/2026 07:30");
            second.Channel.To("CB-DC").Should().BeEmpty();
            (await second.Reminders.FindReminderAsync("task:T1:CB-DC:before-7"))!.State.Should().Be(ReminderState.Skipped);
            (await second.Reminders.FindReminderAsync("task:T3:TCA:before-1"))!.State.Should().Be(ReminderState.Sent);

            await second.AdvanceToAsync(Day(5), 2);
            await second.Dispatcher.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            delivered.AddRange(second.Channel.Accepted.Select(a => a.Message));

            // Each sent reminder was accepted by the platform exactly once across both runs.
            (await second.Reminders.GetRemindersAsync(ReminderState.Sent)).Select(r => r.Key).Should().BeEquivalentTo(
                "task:T3:TCA:before-3", "task:T3:TCA:before-1", "task:T3:TCA:day");
        }

        delivered.Select(m => m.ChatId).Should().Equal("TCA", "TCA", "TCA");
        delivered.Select(m => m.Content.Text).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_member_who_blocked_the_bot_is_marked_unreachable_and_the_admins_are_told()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1, channelSetup: c => c.Failure = (m, _) =>
            m.ChatId == "TCA" ? new DeliveryFailedException(DeliveryFailureKind.Blocked, "Forbidden: bot was blocked by the user") : null);

        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Dispatcher.Delivered += (member, _) =>
        {
            if (member == "TCA")
            {
                delivered.TrySetResult();
            }
        };

        await bot.AdvanceToAsync(Day(2), () => delivered.Task.IsCompleted);

        (await bot.Reminders.FindReminderAsync("task:T3:TCA:before-3"))!.State.Should().Be(ReminderState.Failed);

        (await bot.Store.FindMemberAsync("TCA"))!.Unreachable.Should().BeTrue();
        await bot.AdvanceToAsync(Day(2, 0, 31), 1);
        bot.Channel.To("CVP").Should().ContainSingle().Which.Content.Text.Should().Contain("Trưởng Công an (TCA) đã chặn bot");
        bot.Channel.Attempts.Count(a => a.ChatId == "TCA").Should().Be(1, "a block is not retried");
    }

    [Fact]
    public async Task A_message_the_platform_keeps_refusing_is_marked_failed_and_the_admins_are_told()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1,
            channelSetup: c => c.Failure = (m, _) => m.ChatId == "TCA" ? new DeliveryFailedException(DeliveryFailureKind.Transient, "502 Bad Gateway") : null,
            settings: new Dictionary<string, string?> { ["Reminders:Outbox:MaxTries"] = "1" });

        await bot.AdvanceToAsync(Day(2), async () => (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Any(r => r.Kind == ReminderKind.Notice));
        (await bot.Reminders.FindReminderAsync("task:T3:TCA:before-3"))!.State.Should().Be(ReminderState.Failed);
        await bot.AdvanceToAsync(Day(2, 0, 31), 1);

        bot.Channel.To("CVP").Should().ContainSingle().Which.Content.Text.Should().Contain("Không gửi được nhắc việc cho đồng chí Trưởng Công an (TCA)");
        (await bot.Store.FindMemberAsync("TCA"))!.Unreachable.Should().BeFalse("a failure is not a block");
        bot.Channel.To("TCA").Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_without_a_chat_is_skipped_and_reported_to_the_admins()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1, channelSetup: c => c.ChatIds = m => m.Code == "TCA" ? null : m.Code);

        await bot.AdvanceToAsync(Day(2), async () => (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Any(r => r.Kind == ReminderKind.Notice));
        (await bot.Reminders.FindReminderAsync("task:T3:TCA:before-3"))!.State.Should().Be(ReminderState.Skipped);
        await bot.AdvanceToAsync(Day(2, 0, 31), 1);
        bot.Channel.To("CVP").Should().ContainSingle().Which.Content.Text.Should().Contain("Trưởng Công an (TCA) chưa liên kết tài khoản fake");
    }

    [Fact]
    public async Task The_daily_digest_lists_each_members_open_tasks_at_the_set_time()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1, settings: new Dictionary<string, string?>
        {
            ["Reminders:Digest:Enabled"] = "true",
            ["Reminders:Digest:Time"] = "17:00",
            ["Reminders:Digest:DaysAhead"] = "10",
        });

        // 17:00 local on 01/03 is 10:00 UTC: CVP (admin: whole ward), CT-UBND, CB-DC and TCA each get one.
        await bot.AdvanceToAsync(Day(1, 10, 0), 4);

        var admin = bot.Channel.To("CVP").Should().ContainSingle().Subject;
        admin.Content.Text.Should().Contain("Tổng hợp nhiệm vụ ngày 01/03/2026").And.Contain("T3 —").And.Contain("T1 —").And.NotContain("T2 —", "T2 is due after the next 10 days");
        bot.Channel.To("CB-DC").Should().ContainSingle().Which.TaskCodes.Should().Equal("T1");
        (await bot.Reminders.FindReminderAsync("digest:CVP:2026-03-02")).Should().BeNull("only the next digest is planned until the nightly re-plan");
    }

    [Fact]
    public async Task The_admins_digest_counts_the_accounts_locked_out_for_guessing_invite_codes_in_one_line()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1, settings: new Dictionary<string, string?>
        {
            ["Reminders:Digest:Enabled"] = "true",
            ["Reminders:Digest:Time"] = "17:00",
            ["Reminders:Digest:DaysAhead"] = "10",
        });
        var linking = bot.Host.Services.GetRequiredService<ChatLinking>();
        foreach (var account in new[] { DoSon.Bot.Domain.ChatAccount.Telegram(666), DoSon.Bot.Domain.ChatAccount.Zalo("z-9") })
        {
            for (var i = 0; i < ChatInvites.MaxFailures; i++)
            {
                await linking.LinkAsync(account, $"SAIMA{i:D7}");
            }
        }

        await bot.AdvanceToAsync(Day(1, 10, 0), 4);

        bot.Channel.To("CVP").Should().ContainSingle().Which.Content.Text
            .Should().Contain("2 tài khoản bị tạm khóa do nhập sai mã mời nhiều lần trong 24 giờ qua.");
        bot.Channel.To("CT-UBND").Should().ContainSingle().Which.Content.Text.Should().NotContain("tạm khóa");
    }

    [Fact]
    public async Task Reminders_skipped_after_a_long_downtime_are_summarised_in_one_line()
    {
        using var db = new TempDatabase();
        await using (var first = await BotHost.StartAsync(db, BotHost.March1))
        {
            await first.Host.StopAsync();
        }

        // Down until 12/03 12:00 UTC: every reminder from 02/03 to 11/03 is beyond the catch-up window.
        var logs = new DoSon.Bot.Tests.EndToEnd.LogCapture();
        await using var second = await BotHost.StartAsync(db, Day(12, 12, 0), logs: logs);

        var skipped = await second.Reminders.GetRemindersAsync(ReminderState.Skipped);
        skipped.Count.Should().BeGreaterThan(3);
        var lines = logs.Lines.Where(l => l.Contains("Bỏ qua", StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle().Which.Should().Be(
            "Warning DoSon.Bot.Reminders.ReminderService: " + ReminderTexts.SkippedAfterDowntime(
                skipped.Count, skipped.Min(r => r.DueAt), skipped.Max(r => r.DueAt)));
        lines[0].Should().Contain($"Bỏ qua {skipped.Count} nhắc việc lẽ ra gửi từ ");
    }

    [Fact]
    public async Task A_wrong_reminder_setting_stops_the_host_with_a_message_naming_the_key()
    {
        using var db = new TempDatabase();
        var act = () => BotHost.StartAsync(db, BotHost.March1, settings: new Dictionary<string, string?> { ["Reminders:TimeOfDay"] = "7h30" });

        (await act.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>())
            .Which.Message.Should().Contain("Reminders:TimeOfDay").And.Contain("HH:mm");
    }
}
