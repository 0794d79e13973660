using System.Globalization;
using System.Text.RegularExpressions;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Channels.Telegram.Groups;
using DoSon.Bot.Cli;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The bot as it runs: the real host and the real Telegram.Bot client, against the fake Bot
/// API server. Chats: 1001 admin (CVP), 1002 UBND leader, 1003 UBND officer (CB-DC), 1004 police
/// leader; 5555 is a stranger.</summary>
public sealed partial class TelegramEndToEndTests
{
    private const long Admin = 1001;
    private const long Leader = 1002;
    private const long Officer = 1003;
    private const long Police = 1004;
    private const long Stranger = 5555;

    [GeneratedRegex(@"\?start=([A-Z0-9]+)")]
    private static partial Regex StartCode();

    /// <summary>The platform's sender, which splits a long message into parts as everything sent does.</summary>
    private static DoSon.Bot.Outbox.OutboxSender Outbox(TelegramWorld world) =>
        world.Bot.Services.GetRequiredService<DoSon.Bot.Outbox.ChatOutbox>().For("telegram");

    private static IChatChannel Channel(TelegramWorld world) =>
        world.Bot.Services.GetServices<IChatChannel>().Single(c => c.Name == "telegram");

    /// <summary>A reminder as the reminders will send it: through IChatChannel, naming its tasks, with
    /// the buttons of the task when there is one.</summary>
    private static async Task<FakeMessage> SendReminderAsync(TelegramWorld world, long chatId, params string[] codes)
    {
        var tasks = new List<WorkTask>();
        foreach (var code in codes)
        {
            tasks.Add((await world.Bot.Store.FindTaskAsync(code))!);
        }

        var text = "🔔 Nhắc việc:\n" + string.Join("\n", tasks.Select(t => $"{t.Code} — {t.Title}, hạn {DueText.Deadline(t)}"));
        var reply = new Reply(text, tasks.Count == 1 ? TaskButtons.For(tasks[0]) : []);
        var sent = await Channel(world).SendAsync(new OutgoingMessage(chatId.ToString(CultureInfo.InvariantCulture), reply, codes), CancellationToken.None);
        return world.Fake.Message(chatId, int.Parse(sent.MessageId, CultureInfo.InvariantCulture));
    }

    private static async Task<FakeCallbackAnswer> AnsweredAsync(TelegramWorld world, FakeIncoming press)
    {
        await world.Fake.WaitUntilAsync(() => world.Fake.AnswerOf(press.CallbackQueryId!) is not null).WaitAsync(BotHost.Patience);
        return world.Fake.AnswerOf(press.CallbackQueryId!)!;
    }

    private static async Task<string> InviteAsync(TelegramWorld world, string memberCode)
    {
        using var output = new StringWriter();
        var exit = await world.Bot.Services.GetRequiredService<CliRunner>()
            .RunAsync(CommandLine.Parse(["members", "invite", memberCode]), output, CancellationToken.None);
        exit.Should().Be(0, output.ToString());
        output.ToString().Should().Contain($"https://t.me/{world.Fake.BotUsername}?start=");
        return StartCode().Match(output.ToString()).Groups[1].Value;
    }

    // ------------------------------------------------------------------ linking

    [Fact]
    public async Task An_invite_code_links_the_telegram_user_to_the_member_once()
    {
        await using var world = await TelegramWorld.StartAsync();
        var code = await InviteAsync(world, "CB-DC");

        world.Fake.SendText(2001, "/start " + code);
        var welcome = await world.MessageAsync(2001);

        welcome.Text.Should().Contain("Đã liên kết").And.Contain(WardData.UbndOfficer.Name);
        (await world.Bot.Store.FindMemberByTelegramAsync(2001))!.Code.Should().Be("CB-DC");

        world.Fake.SendText(2002, "/start " + code);
        var refused = await world.MessageAsync(2002);
        refused.Text.Should().Contain("đã được dùng").And.Contain("2002");
        (await world.Bot.Store.FindMemberByTelegramAsync(2002)).Should().BeNull();
    }

    [Fact]
    public async Task An_expired_invite_code_is_refused_and_links_nobody()
    {
        await using var world = await TelegramWorld.StartAsync();
        var code = await InviteAsync(world, "CT-UBND");
        world.Bot.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        world.Fake.SendText(2003, "/start " + code);
        var refused = await world.MessageAsync(2003);

        refused.Text.Should().Contain("hết hạn");
        (await world.Bot.Store.FindMemberByTelegramAsync(2003)).Should().BeNull();
        (await world.Bot.Store.FindMemberAsync("CT-UBND"))!.TelegramUserId.Should().Be(WardData.UbndLeader.TelegramUserId);
    }

    [Fact]
    public async Task A_stranger_is_told_their_telegram_id_and_how_to_link_and_sees_no_task()
    {
        await using var world = await TelegramWorld.StartAsync();

        world.Fake.SendText(Stranger, "/nhiemvu");
        var answer = await world.MessageAsync(Stranger);

        answer.Text.Should().Contain("chưa được liên kết").And.Contain("5555");
        answer.Text.Should().NotContain("T1").And.NotContain("T2").And.NotContain("Nhiệm vụ T");
        answer.Buttons.Should().BeEmpty();
        world.Fake.SentTo(Stranger).Should().HaveCount(1);
    }

    // ------------------------------------------------------------------ commands

    [Fact]
    public async Task Nhiemvu_lists_the_members_open_tasks()
    {
        await using var world = await TelegramWorld.StartAsync();

        world.Fake.SendText(Officer, "/nhiemvu");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("• T1").And.Contain("• T2").And.NotContain("• T3");
        answer.Html.Should().NotBeNull("answers are sent in HTML parse mode");
    }

    [Fact]
    public async Task A_leaders_overview_comes_with_the_dashboards_chart_as_a_picture()
    {
        await using var world = await TelegramWorld.StartAsync();

        world.Fake.SendText(Leader, "/tongquan");
        var text = await world.MessageAsync(Leader);
        var picture = await world.MessageAsync(Leader, 2);

        text.Text.Should().Contain("Tổng quan");
        picture.PhotoFileId.Should().NotBeNull("the chart follows the text as a photo");
        picture.Caption.Should().StartWith("Biểu đồ nhiệm vụ theo đơn vị chủ trì");
        var png = world.Fake.File(picture.PhotoFileId!)!.Content;
        png.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    }

    [Fact]
    public async Task A_member_is_refused_a_leader_command()
    {
        await using var world = await TelegramWorld.StartAsync();

        world.Fake.SendText(Officer, "/tongquan");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("chỉ dành cho lãnh đạo");
        answer.Text.Should().NotContain("Tổng quan");
    }

    [Fact]
    public async Task The_command_menu_is_registered_per_role_with_vietnamese_descriptions()
    {
        await using var world = await TelegramWorld.StartAsync();
        await world.Fake.WaitUntilAsync(() => world.Fake.Commands.ContainsKey("chat:1001")
                                              && world.Fake.Commands.ContainsKey("chat:1002")
                                              && world.Fake.Commands.ContainsKey("chat:1004")).WaitAsync(BotHost.Patience);
        var menus = world.Fake.Commands;

        menus["default"].Select(c => c.Command).Should().Contain(["nhiemvu", "capnhat", "xong", "trogiup"]).And.NotContain(["tongquan", "dangkynhom"]);
        menus["default"].Single(c => c.Command == "nhiemvu").Description.Should().Be("Nhiệm vụ của đồng chí (được giao, hoặc đơn vị đồng chí chủ trì), theo hạn");
        menus["chat:1002"].Select(c => c.Command).Should().Contain("tongquan").And.NotContain("dangkynhom");
        menus["chat:1001"].Select(c => c.Command).Should().Contain(["tongquan", "dangkynhom", "huydangkynhom"]);
        menus.Should().NotContainKey("chat:1003", "a plain member sees the default menu");
    }

    [Fact]
    public async Task A_task_title_with_markup_characters_is_escaped()
    {
        var odd = WardData.Task("T9", "UBND", new DateOnly(2026, 3, 12), "CB-DC") with { Title = "Báo cáo <b>& tổng hợp</b> > 5 tổ" };
        await using var world = await TelegramWorld.StartAsync(seed: async store =>
            await store.ApplyImportAsync(WardData.Plan(tasks: [WardData.LandTask, odd]), "seed", BotHost.Start));

        world.Fake.SendText(Officer, "/chitiet T9");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("Báo cáo <b>& tổng hợp</b> > 5 tổ");
        answer.Html.Should().Contain("Báo cáo &lt;b&gt;&amp; tổng hợp&lt;/b&gt; &gt; 5 tổ");
    }

    // ------------------------------------------------------------------ buttons

    [Fact]
    public async Task A_reminder_arrives_with_buttons_and_a_tap_marks_the_task_done()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T1");
        reminder.AllButtons.Select(b => b.Text).Should().Contain(["✅ Hoàn thành", "⚠️ Vướng mắc", "📈 25%", "⏰ Sáng mai"]);

        var press = world.Fake.PressButton(Officer, reminder, "✅ Hoàn thành");
        var answer = await AnsweredAsync(world, press);
        await world.Fake.WaitForCallAsync("editMessageText").WaitAsync(BotHost.Patience);

        answer.Text.Should().Contain("hoàn thành").And.Contain("T1");
        (await world.Bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Done);
        (await world.Bot.Store.GetHistoryAsync("T1"))[^1].Channel.Should().Be("telegram");
        var edited = world.Fake.Message(Officer, reminder.MessageId);
        edited.EditCount.Should().Be(1);
        edited.Text.Should().StartWith("🔔 Nhắc việc:").And.Contain("Đã hoàn thành");
        edited.Buttons.Should().BeEmpty("a done task has nothing left to tap");
    }

    [Fact]
    public async Task A_percent_tap_updates_the_task_and_keeps_only_the_steps_above()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T2");

        await AnsweredAsync(world, world.Fake.PressButton(Officer, reminder, "📈 50%"));
        // The tap is answered first; the edit follows it.
        await world.Fake.WaitForCallAsync("editMessageText").WaitAsync(BotHost.Patience);

        (await world.Bot.Store.FindTaskAsync("T2"))!.Percent.Should().Be(50);
        var edited = world.Fake.Message(Officer, reminder.MessageId);
        edited.AllButtons.Select(b => b.Text).Should().Contain("📈 75%").And.NotContain(["📈 25%", "📈 50%"]);
        edited.Text.Should().Contain("Đang thực hiện 50%");
    }

    [Fact]
    public async Task Taps_that_may_not_change_anything_are_answered_and_change_nothing()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T1");
        var historyBefore = (await world.Bot.Store.GetHistoryAsync("T1")).Count;

        var notHis = await AnsweredAsync(world, world.Fake.PressButton(Police, Officer, reminder.MessageId, TaskButtons.Encode(TaskAction.Done, "T1")));
        var unknown = await AnsweredAsync(world, world.Fake.PressButton(Officer, Officer, reminder.MessageId, TaskButtons.Encode(TaskAction.Done, "T404")));
        var malformed = await AnsweredAsync(world, world.Fake.PressButton(Officer, Officer, reminder.MessageId, "t:drop:T1;--"));
        var stranger = await AnsweredAsync(world, world.Fake.PressButton(Stranger, Officer, reminder.MessageId, TaskButtons.Encode(TaskAction.Done, "T1")));

        notHis.Text.Should().Contain("không thuộc đơn vị của đồng chí");
        unknown.Text.Should().Contain("T404");
        malformed.Text.Should().Contain("không còn dùng được");
        stranger.Text.Should().Contain("chưa được liên kết");
        (await world.Bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.NotStarted);
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().HaveCount(historyBefore);
        world.Fake.Message(Officer, reminder.MessageId).EditCount.Should().Be(0);
    }

    [Fact]
    public async Task A_tap_on_a_task_already_done_changes_nothing()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T1");
        await AnsweredAsync(world, world.Fake.PressButton(Officer, reminder, "✅ Hoàn thành"));
        var historyAfterDone = (await world.Bot.Store.GetHistoryAsync("T1")).Count;

        var again = await AnsweredAsync(world, world.Fake.PressButton(Officer, Officer, reminder.MessageId, TaskButtons.Encode(TaskAction.Percent, "T1", "25")));

        again.Text.Should().Contain("đã hoàn thành từ trước");
        (await world.Bot.Store.FindTaskAsync("T1"))!.Percent.Should().Be(100);
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().HaveCount(historyAfterDone);
    }

    [Fact]
    public async Task Snoozing_plans_one_more_reminder_for_that_member_and_changes_no_task()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T1");

        var answer = await AnsweredAsync(world, world.Fake.PressButton(Officer, reminder, "⏰ Sáng mai"));

        answer.Text.Should().Contain("Sẽ nhắc lại lúc 02/03/2026 07:00");
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().HaveCount(1, "only the import");
        (await ((DoSon.Bot.Storage.IReminderStore)world.Bot.Store).GetRemindersAsync())
            .Should().Contain(r => r.TaskCode == "T1" && r.MemberCode == "CB-DC" && r.DueAt == new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_blocker_button_asks_for_the_text_and_the_reply_is_recorded_as_a_blocker()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T2");

        await AnsweredAsync(world, world.Fake.PressButton(Officer, reminder, "⚠️ Vướng mắc"));
        var prompt = await world.MessageAsync(Officer, 2);
        prompt.ForceReply.Should().BeTrue();
        world.Fake.SendText(Officer, "Thiếu kinh phí in tài liệu", replyToMessageId: prompt.MessageId);
        var confirmation = await world.MessageAsync(Officer, 3);

        confirmation.Text.Should().Contain("vướng mắc").And.Contain("T2");
        var task = (await world.Bot.Store.FindTaskAsync("T2"))!;
        task.Status.Should().Be(WorkTaskStatus.Blocked);
        (await world.Bot.Store.GetHistoryAsync("T2"))[^1].Should().Match<ProgressReport>(r => r.Kind == ProgressKind.Blocker && r.Note == "Thiếu kinh phí in tài liệu");
    }

    // ------------------------------------------------------------------ replies

    [Fact]
    public async Task A_reply_to_a_reminder_becomes_a_note_and_offers_the_status_buttons()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T2");

        world.Fake.SendText(Officer, "Đã họp tổ dân phố số 8 <sáng nay> & thống nhất", replyToMessageId: reminder.MessageId);
        var answer = await world.MessageAsync(Officer, 2);

        answer.Text.Should().Contain("Đã ghi chú vào nhiệm vụ T2");
        answer.AllButtons.Select(b => b.Text).Should().Contain("✅ Hoàn thành");
        var note = (await world.Bot.Store.GetHistoryAsync("T2"))[^1];
        note.Kind.Should().Be(ProgressKind.Note);
        note.Note.Should().Be("Đã họp tổ dân phố số 8 <sáng nay> & thống nhất");
        note.MemberCode.Should().Be("CB-DC");
    }

    [Fact]
    public async Task A_reply_to_a_message_about_several_tasks_asks_which_one_unless_it_names_it()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T1", "T2");

        world.Fake.SendText(Officer, "đã xong phần khảo sát", replyToMessageId: reminder.MessageId);
        var question = await world.MessageAsync(Officer, 2);
        world.Fake.SendText(Officer, "T2: đã xong phần khảo sát", replyToMessageId: reminder.MessageId);
        await world.MessageAsync(Officer, 3);

        question.Text.Should().Contain("T1, T2");
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().NotContain(r => r.Kind == ProgressKind.Note);
        (await world.Bot.Store.GetHistoryAsync("T2"))[^1].Note.Should().Be("đã xong phần khảo sát");
    }

    [Fact]
    public async Task A_file_sent_as_a_reply_to_a_reminder_is_noted_with_its_name()
    {
        await using var world = await TelegramWorld.StartAsync();
        var reminder = await SendReminderAsync(world, Officer, "T1");

        world.Fake.SendDocument(Officer, "bien-ban-hop.pdf", [1, 2, 3], caption: "Biên bản họp tổ", replyToMessageId: reminder.MessageId);
        var answer = await world.MessageAsync(Officer, 2);

        answer.Text.Should().Contain("Đã ghi chú vào nhiệm vụ T1");
        (await world.Bot.Store.GetHistoryAsync("T1"))[^1].Note.Should().Be("📎 Tệp đính kèm: bien-ban-hop.pdf — Biên bản họp tổ");
    }

    [Fact]
    public async Task A_file_sent_on_its_own_by_a_member_gets_an_explanation_and_changes_nothing()
    {
        await using var world = await TelegramWorld.StartAsync();

        world.Fake.SendDocument(Officer, "bao-cao.xlsx", [1, 2, 3]);
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("Chỉ Văn phòng Đảng ủy").And.Contain("hãy trả lời (reply) tin nhắn nhắc việc");
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().HaveCount(1);
    }

    // ------------------------------------------------------------------ groups

    [Fact]
    public async Task An_admin_registers_a_group_only_when_addressing_the_bot_and_the_group_gets_the_digest()
    {
        await using var world = await TelegramWorld.StartAsync();
        const long group = -1001234;
        world.Fake.AddGroup(group, "Ban Thường vụ Đảng ủy", supergroup: true);

        var ignored = world.Fake.SendText(Admin, "/dangkynhom", chatId: group);
        world.Fake.SendText(Officer, $"/dangkynhom@{world.Fake.BotUsername}", chatId: group);
        world.Fake.SendText(Admin, $"/dangkynhom@{world.Fake.BotUsername}", chatId: group);
        var refusal = await world.MessageAsync(group, 1);
        var registered = await world.MessageAsync(group, 2);

        // Updates are handled in order: the one not addressed to the bot came first and got no answer.
        await world.Fake.WaitForConfirmedAsync(ignored.UpdateId).WaitAsync(BotHost.Patience);
        world.Fake.SentTo(group).Should().HaveCount(2);
        refusal.Text.Should().Contain("Chỉ quản trị viên");
        registered.Text.Should().Contain("Đã đăng ký nhóm «Ban Thường vụ Đảng ủy»");
        var groups = await world.Bot.Services.GetRequiredService<ITelegramStore>().GetGroupsAsync();
        groups.Should().ContainSingle(g => g.ChatId == group && g.RegisteredBy == "CVP");

        var delivered = await world.Bot.Services.GetRequiredService<GroupDigestSender>().SendAsync(DigestKind.Daily, CancellationToken.None);

        delivered.Should().Be(1);
        var digest = await world.MessageAsync(group, 3);
        digest.Text.Should().Contain("Báo cáo nhiệm vụ").And.Contain("01/03/2026").And.Contain("Tổng số 3 nhiệm vụ");
    }

    // ------------------------------------------------------------------ delivery

    [Fact]
    public async Task A_burst_of_50_messages_to_one_chat_under_429s_fails_only_as_rate_limited_with_telegrams_retry_after()
    {
        var fakeClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BotHost.Start);
        await using var world = await TelegramWorld.StartAsync(new FakeTelegramOptions { Clock = fakeClock, RateLimits = new FakeRateLimits() });
        var channel = Channel(world);
        var waiting = new List<int>();
        var failures = new List<DeliveryFailedException>();

        async Task TryAsync(int i)
        {
            try
            {
                await channel.SendAsync(new OutgoingMessage("1001", Reply.Say($"Tin số {i}")), CancellationToken.None);
            }
            catch (DeliveryFailedException ex)
            {
                failures.Add(ex);
                waiting.Add(i);
                var told = world.Fake.CallsTo("sendMessage")[^1];
                told.StatusCode.Should().Be(429);
                ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(told.RetryAfter));
            }
        }

        for (var i = 1; i <= 50; i++)
        {
            await TryAsync(i);
        }

        // What the outbox will do: wait what Telegram said, then send the rest again.
        while (waiting.Count > 0)
        {
            var again = waiting.ToList();
            waiting.Clear();
            fakeClock.Advance(failures[^1].RetryAfter!.Value);
            foreach (var i in again)
            {
                await TryAsync(i);
            }
        }

        failures.Should().NotBeEmpty().And.OnlyContain(f => f.Kind == DeliveryFailureKind.RateLimited && f.RetryAfter >= TimeSpan.FromSeconds(1));
        var texts = world.Fake.SentTo(Admin).Select(m => m.Text).ToList();
        texts.Should().HaveCount(50).And.OnlyHaveUniqueItems();
        texts.Should().BeEquivalentTo(Enumerable.Range(1, 50).Select(i => $"Tin số {i}"));
    }

    [Fact]
    public async Task An_answer_of_10000_characters_is_split_at_line_breaks()
    {
        await using var world = await TelegramWorld.StartAsync();
        var lines = Enumerable.Range(1, 200).Select(i => $"Dòng {i:D3} & <mốc>: ".PadRight(49, '.')).ToList();
        var text = string.Join("\n", lines);
        text.Length.Should().Be(9_999);

        await Outbox(world).SendAsync(new OutgoingMessage("1001", Reply.Say(text)), CancellationToken.None);

        var parts = world.Fake.SentTo(Admin);
        parts.Should().HaveCount(3);
        parts.Should().OnlyContain(p => p.Text!.Length <= 4096);
        string.Join("\n", parts.Select(p => p.Text)).Should().Be(text);
    }

    // ------------------------------------------------------------------ polling

    [Fact]
    public async Task A_restart_in_the_middle_handles_every_update_exactly_once()
    {
        await using var world = await TelegramWorld.StartAsync();
        for (var i = 1; i <= 10; i++)
        {
            world.Fake.SendText(Officer, $"/capnhat T2 {i} lần {i}");
        }

        await world.MessageAsync(Officer, 3);
        await world.StopBotAsync();
        var handledBeforeStop = world.Fake.SentTo(Officer).Count;
        world.Fake.SendText(Officer, "/capnhat T2 11 lần 11");
        world.Fake.SendText(Officer, "/capnhat T2 12 lần 12");
        await world.StartBotAsync();
        await world.MessageAsync(Officer, 12);

        handledBeforeStop.Should().BeInRange(3, 10);
        var notes = (await world.Bot.Store.GetHistoryAsync("T2")).Where(r => r.Kind == ProgressKind.Progress).Select(r => r.Note).ToList();
        notes.Should().Equal(Enumerable.Range(1, 12).Select(i => $"lần {i}"));
        world.Fake.SentTo(Officer).Should().HaveCount(12);
        (await world.Bot.Store.FindTaskAsync("T2"))!.Percent.Should().Be(12);
    }

    [Fact]
    public async Task After_a_crash_between_handling_and_confirming_the_handled_update_is_not_handled_again()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        BotHost.KnowWardMembers(fake);
        using var database = new TempDatabase();
        var handled = fake.SendText(Officer, "/capnhat T2 30 trước khi sập");
        var arrivedMeanwhile = fake.SendText(Officer, "/capnhat T2 40 sau khi chạy lại");

        await using var bot = await BotHost.StartAsync(fake, database, seed: async store =>
        {
            await WardData.SeedIntoAsync(store);
            await ((ITelegramStore)store).SavePollStateAsync(new TelegramPollState(handled.UpdateId, BotHost.Start));
        });
        await fake.WaitForMessageAsync(Officer).WaitAsync(BotHost.Patience);
        await fake.WaitForConfirmedAsync(arrivedMeanwhile.UpdateId).WaitAsync(BotHost.Patience);

        (await bot.Store.GetHistoryAsync("T2")).Where(r => r.Kind == ProgressKind.Progress).Select(r => r.Note).Should().Equal("sau khi chạy lại");
        fake.SentTo(Officer).Should().HaveCount(1);
    }

    [Fact]
    public async Task Polling_errors_back_off_on_the_apps_clock_and_nothing_is_lost()
    {
        var clock = new ClockDriver(BotHost.Start);
        await using var world = await TelegramWorld.StartAsync(clock: clock);
        world.Fake.SendText(Officer, "/moc");
        await world.MessageAsync(Officer);

        // Once the bot is back in its long poll, the next two polls fail.
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        world.Fake.FailNext(2, 502, "getUpdates");
        world.Fake.SendText(Officer, "/quahan");
        await world.MessageAsync(Officer, 2);
        world.Fake.SendText(Officer, "/sapden");
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));
        var third = await world.MessageAsync(Officer, 3);

        third.Text.Should().ContainEquivalentOf("đến hạn");
        world.Fake.CallsTo("getUpdates").Count(c => c.StatusCode == 502).Should().Be(2);
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains("Nhận tin Telegram thất bại", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ secrets

    [Fact]
    public async Task The_token_never_appears_in_the_logs_even_when_calls_fail()
    {
        var clock = new ClockDriver(BotHost.Start);
        await using var world = await TelegramWorld.StartAsync(clock: clock);
        world.Fake.SendText(Officer, "/nhiemvu");
        await world.MessageAsync(Officer);
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        world.Fake.FailNext(1, 500, "getUpdates");
        world.Fake.SendText(Officer, "/moc");
        await world.MessageAsync(Officer, 2);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        world.Fake.FailNext(1, 500, "sendMessage");
        var failed = async () => await Channel(world).SendAsync(new OutgoingMessage("1003", Reply.Say("thử")), CancellationToken.None);
        (await failed.Should().ThrowAsync<DeliveryFailedException>()).Which.Kind.Should().Be(DeliveryFailureKind.Transient);
        world.Fake.SendText(Officer, "/trogiup");
        await world.MessageAsync(Officer, 3);
        await world.StopBotAsync();

        var logs = world.Bot.Logs.Lines;
        logs.Should().Contain(l => l.Contains("Nhận tin Telegram thất bại", StringComparison.Ordinal));
        logs.Should().Contain(l => l.StartsWith("Information", StringComparison.Ordinal));
        var secret = world.Fake.Token[(world.Fake.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        logs.Should().NotContain(l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_mode_refuses_posts_without_the_secret_and_handles_the_rest()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/hook",
            ["Telegram:WebhookSecret"] = "bi-mat_cua-phuong",
        };
        await using var world = await TelegramWorld.StartAsync(settings: settings, web: true);
        await world.Fake.WaitUntilAsync(() => world.Fake.Webhook is not null).WaitAsync(BotHost.Patience);
        world.Fake.Webhook!.SecretToken.Should().Be("bi-mat_cua-phuong");
        // On the web console's own server, as everything the bot serves.
        var listener = world.Bot.Services.GetRequiredService<WebLoginLinks>().PublicUrl;
        using var http = new HttpClient();
        var update = """
            {"update_id": 900001, "message": {"message_id": 7, "date": 1772326800,
             "from": {"id": 1003, "is_bot": false, "first_name": "Cán bộ"},
             "chat": {"id": 1003, "type": "private", "first_name": "Cán bộ"},
             "text": "/moc", "entities": [{"type": "bot_command", "offset": 0, "length": 4}]}}
            """;

        async Task<int> PostAsync(string? secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, listener + "/telegram/hook")
            {
                Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json"),
            };
            if (secret is not null)
            {
                request.Headers.Add(TelegramWebhookService.SecretHeader, secret);
            }

            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        (await PostAsync(null)).Should().Be(401);
        (await PostAsync("doan-sai")).Should().Be(403);
        world.Fake.SentTo(Officer).Should().BeEmpty();
        (await PostAsync("bi-mat_cua-phuong")).Should().Be(200);
        (await PostAsync("bi-mat_cua-phuong")).Should().Be(200, "Telegram may deliver twice");

        var answer = await world.MessageAsync(Officer);
        answer.Text.Should().Contain("15/03/2026");
        world.Fake.SentTo(Officer).Should().HaveCount(1);
    }

    [Fact]
    public async Task In_webhook_mode_a_member_is_answered_while_another_chats_answer_is_held_up()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/hook",
            ["Telegram:WebhookSecret"] = "bi-mat_cua-phuong",
            ["Telegram:RequestTimeoutSeconds"] = "300",
        };
        await using var world = await TelegramWorld.StartAsync(settings: settings, web: true);
        await world.Fake.WaitUntilAsync(() => world.Fake.Webhook is not null).WaitAsync(BotHost.Patience);
        // On the web console's own server, as everything the bot serves.
        var listener = world.Bot.Services.GetRequiredService<WebLoginLinks>().PublicUrl;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        const long slow = 1002; // another member, whose connection is slow
        world.Fake.HoldSendsTo(slow);

        Task<HttpResponseMessage> Post(int updateId, long chat, string text)
        {
            var update = $$"""
                {"update_id": {{updateId}}, "message": {"message_id": {{updateId}}, "date": 1772326800,
                 "from": {"id": {{chat}}, "is_bot": false, "first_name": "Người"},
                 "chat": {"id": {{chat}}, "type": "private", "first_name": "Người"},
                 "text": "{{text}}" } }
                """;
            var request = new HttpRequestMessage(HttpMethod.Post, listener + "/telegram/hook")
            {
                Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(TelegramWebhookService.SecretHeader, "bi-mat_cua-phuong");
            return http.SendAsync(request);
        }

        var slows = Post(900001, slow, "/moc");
        await world.Fake.WaitUntilAsync(() => world.Fake.HeldSendsTo(slow) == 1).WaitAsync(BotHost.Patience);

        using var member = await Post(900002, Officer, "/moc").WaitAsync(BotHost.Patience);

        ((int)member.StatusCode).Should().Be(200);
        world.Fake.SentTo(Officer).Should().ContainSingle().Which.Text.Should().Contain("15/03/2026");
        slows.IsCompleted.Should().BeFalse("the other chat's answer is still held at the server");
        world.Fake.ReleaseSendsTo(slow);
        await ClockDriver.RunUntilAsync(world.Bot.Clock, () => slows.IsCompleted && world.Fake.SentTo(slow).Count > 0,
            TimeSpan.FromMilliseconds(20), spinsPerStep: 500);
        using var done = await slows;
        ((int)done.StatusCode).Should().Be(200);
        world.Fake.SentTo(slow).Should().ContainSingle();
    }

    [Fact]
    public async Task In_webhook_mode_readyz_counts_telegrams_answer_about_the_webhook_and_a_dropped_webhook_is_set_again()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/hook",
            ["Telegram:WebhookSecret"] = "bi-mat_cua-phuong",
        };
        var clock = new ClockDriver(BotHost.Start);
        await using var world = await TelegramWorld.StartAsync(settings: settings, clock: clock, web: true);
        await world.Fake.WaitUntilAsync(() => world.Fake.Webhook is not null).WaitAsync(BotHost.Patience);
        var readiness = world.Bot.Services.GetRequiredService<WebReadiness>();
        var telegramSilent = WebTexts.PlatformSilent(TelegramChannel.DisplayName, (int)WebReadiness.PlatformWindow.TotalMinutes);
        // The log line comes once Telegram's answer to setWebhook has been counted.
        await ClockDriver.RunUntilAsync(clock, () => world.Bot.Logs.Lines.Any(l => l.Contains("Đã đặt webhook Telegram", StringComparison.Ordinal)), TimeSpan.FromMilliseconds(1));
        (await readiness.ProblemsAsync(CancellationToken.None)).Should().NotContain(telegramSilent, "setting the webhook was Telegram answering");

        // Six minutes pass with nobody writing: the bot's own question, once a minute, keeps Telegram
        // counted as answering (the window is five minutes).
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.CallsTo("getWebhookInfo").Count >= 6, TimeSpan.FromSeconds(10));
        (clock.GetUtcNow() - BotHost.Start).Should().BeGreaterThan(WebReadiness.PlatformWindow);
        (await readiness.ProblemsAsync(CancellationToken.None)).Should().NotContain(telegramSilent, "Telegram answered within the last minute");

        world.Fake.DropWebhook();
        var sets = world.Fake.CallsTo("setWebhook").Count;
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.Webhook is not null, TimeSpan.FromSeconds(10));
        world.Fake.CallsTo("setWebhook").Should().HaveCount(sets + 1);
        world.Fake.Webhook!.SecretToken.Should().Be("bi-mat_cua-phuong");
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains("Webhook Telegram đã bị đổi hoặc xoá", StringComparison.Ordinal));
    }
}
