using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DoSon.Bot.Channels.Console;
using DoSon.Bot.Cli;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis.Zalo;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static DoSon.Bot.Tests.EndToEnd.ZaloWorld;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The bot as it runs on Zalo: the real host and our Zalo client, against the fake Zalo Bot
/// API server. Members are linked with the ids of <see cref="ZaloWorld"/>; Stranger is not.</summary>
public sealed partial class ZaloEndToEndTests
{
    private const string NewUser = "1a2b3c4d5e6f70812001";
    private const string OtherUser = "1a2b3c4d5e6f70812002";

    [GeneratedRegex(@"/lienket ([A-Z0-9]+)")]
    private static partial Regex LinkCode();

    /// <summary>The platform's sender, which splits a long message into parts as everything sent does.</summary>
    private static DoSon.Bot.Outbox.OutboxSender Outbox(ZaloWorld world) =>
        world.Bot.Services.GetRequiredService<DoSon.Bot.Outbox.ChatOutbox>().For("zalo");

    private static IChatChannel Channel(ZaloWorld world) =>
        world.Bot.Services.GetServices<IChatChannel>().Single(c => c.Name == "zalo");

    private static async Task<(int Exit, string Output)> RunInviteAsync(ZaloWorld world, string memberCode)
    {
        using var output = new StringWriter();
        var exit = await world.Bot.Services.GetRequiredService<CliRunner>()
            .RunAsync(CommandLine.Parse(["members", "invite", memberCode]), output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private static async Task<string> InviteAsync(ZaloWorld world, string memberCode)
    {
        var (exit, output) = await RunInviteAsync(world, memberCode);
        exit.Should().Be(0, output);
        return LinkCode().Match(output).Groups[1].Value;
    }

    // ------------------------------------------------------------------ linking

    [Fact]
    public async Task Members_invite_prints_the_text_to_send_on_zalo_and_the_code_links_the_zalo_user_once()
    {
        await using var world = await ZaloWorld.StartAsync();
        var (_, printed) = await RunInviteAsync(world, "CB-DC");
        printed.Should().Contain("Zalo").And.Contain($"«{world.Fake.BotName}»").And.NotContain("t.me", "Telegram is not set up here");
        var code = LinkCode().Match(printed).Groups[1].Value;
        world.Fake.AddUser(NewUser);

        world.Fake.SendText(NewUser, "/lienket " + code);
        var welcome = await world.MessageAsync(NewUser);
        world.Fake.SendText(OtherUser, "/lienket " + code);
        var refused = await world.MessageAsync(OtherUser);

        welcome.Text.Should().Contain("Đã liên kết tài khoản Zalo").And.Contain(WardData.UbndOfficer.Name);
        (await world.Bot.Store.FindMemberByZaloAsync(NewUser))!.Code.Should().Be("CB-DC");
        refused.Text.Should().Contain("đã được dùng").And.Contain(OtherUser).And.Contain("/lienket");
        (await world.Bot.Store.FindMemberByZaloAsync(OtherUser)).Should().BeNull();
    }

    [Fact]
    public async Task An_expired_invite_code_is_refused_on_zalo_and_links_nobody()
    {
        await using var world = await ZaloWorld.StartAsync();
        var code = await InviteAsync(world, "CT-UBND");
        world.Bot.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        world.Fake.SendText(NewUser, "/lienket " + code);
        var refused = await world.MessageAsync(NewUser);

        refused.Text.Should().Contain("hết hạn");
        (await world.Bot.Store.FindMemberByZaloAsync(NewUser)).Should().BeNull();
        (await world.Bot.Store.FindMemberAsync("CT-UBND"))!.ZaloUserId.Should().Be(Leader);
    }

    [Fact]
    public async Task Start_with_a_code_links_too_and_lienket_without_a_code_explains_itself()
    {
        await using var world = await ZaloWorld.StartAsync();
        var code = await InviteAsync(world, "TCA");

        world.Fake.SendText(NewUser, "/lienket");
        var usage = await world.MessageAsync(NewUser);
        world.Fake.SendText(NewUser, "/start " + code.ToLowerInvariant());
        var welcome = await world.MessageAsync(NewUser, 2);

        usage.Text.Should().Contain("/lienket kèm mã liên kết");
        welcome.Text.Should().Contain("Đã liên kết");
        (await world.Bot.Store.FindMemberByZaloAsync(NewUser))!.Code.Should().Be("TCA");
    }

    [Fact]
    public async Task A_stranger_is_told_their_zalo_id_and_how_to_link_and_sees_no_task()
    {
        await using var world = await ZaloWorld.StartAsync();

        world.Fake.SendText(Stranger, "/nhiemvu");
        var answer = await world.MessageAsync(Stranger);
        // Flood control: a stranger is answered once per Chat:StrangerAnswerEveryMinutes (10 by default).
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(10));
        world.Fake.SendImage(Stranger);
        var second = await world.MessageAsync(Stranger, 2);

        answer.Text.Should().Contain("chưa được liên kết").And.Contain(Stranger).And.Contain("/lienket");
        answer.Text.Should().NotContain("T1").And.NotContain("T2").And.NotContain("Nhiệm vụ T");
        second.Text.Should().Be(answer.Text, "a stranger gets the same polite answer whatever they send");
        world.Fake.SentTo(Stranger).Should().HaveCount(2);
    }

    // ------------------------------------------------------------------ commands

    [Fact]
    public async Task Nhiemvu_lists_the_members_open_tasks()
    {
        await using var world = await ZaloWorld.StartAsync();

        world.Fake.SendText(Officer, "/nhiemvu");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("• T1").And.Contain("• T2").And.NotContain("• T3");
    }

    [Fact]
    public async Task Capnhat_records_progress_with_the_channel_zalo()
    {
        await using var world = await ZaloWorld.StartAsync();

        world.Fake.SendText(Officer, "/capnhat T2 40 đã họp tổ dân phố");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("T2").And.Contain("40%");
        var report = (await world.Bot.Store.GetHistoryAsync("T2"))[^1];
        report.Kind.Should().Be(ProgressKind.Progress);
        report.Channel.Should().Be("zalo");
        report.MemberCode.Should().Be("CB-DC");
        report.Note.Should().Be("đã họp tổ dân phố");
        (await world.Bot.Store.FindTaskAsync("T2"))!.Percent.Should().Be(40);
    }

    [Fact]
    public async Task A_member_is_refused_a_leader_command()
    {
        await using var world = await ZaloWorld.StartAsync();

        world.Fake.SendText(Officer, "/tongquan");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("chỉ dành cho lãnh đạo");
        answer.Text.Should().NotContain("Tổng quan");
    }

    [Fact]
    public async Task An_image_is_answered_with_its_address_a_sticker_and_unsupported_content_with_the_only_text_answer_and_nothing_changes()
    {
        await using var world = await ZaloWorld.StartAsync();
        var history = (await world.Bot.Store.GetHistoryAsync("T1")).Count;

        world.Fake.SendImage(Officer, caption: "/xong T1");
        world.Fake.SendSticker(Officer);
        world.Fake.SendUnsupported(Officer);
        await world.MessageAsync(Officer, 3);

        var sent = world.Fake.SentTo(Officer);
        sent.Should().HaveCount(3);
        sent[0].Text.Should().Contain("https://photo.example.test/" + Officer + ".jpg").And.Contain("/chitiet <mã> rồi gửi lại ảnh");
        sent.Skip(1).Should().OnlyContain(m => m.Text.Contains("chỉ hiểu tin nhắn chữ", StringComparison.Ordinal));
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().HaveCount(history);
        (await world.Bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.NotStarted);
    }

    [Fact]
    public async Task A_group_chat_is_ignored_with_a_log_line()
    {
        await using var world = await ZaloWorld.StartAsync();

        world.Fake.SendText(Officer, "/nhiemvu", groupId: "5f5f5f5f5f5f5f5f9999");
        world.Fake.SendText(Officer, "/moc");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("15/03/2026", "the group's /nhiemvu got no answer; the next message did");
        world.Fake.SentTo("5f5f5f5f5f5f5f5f9999").Should().BeEmpty();
        world.Fake.SentTo(Officer).Should().HaveCount(1);
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains("Bỏ qua tin nhắn trong nhóm Zalo", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ what the outbox sends

    [Fact]
    public async Task A_message_with_task_buttons_is_sent_with_the_short_answers_and_a_typed_command_works()
    {
        await using var world = await ZaloWorld.StartAsync();
        var task = (await world.Bot.Store.FindTaskAsync("T1"))!;

        await Channel(world).SendAsync(new OutgoingMessage(Officer, new Reply("🔔 Nhắc việc: T1 — Nhiệm vụ T1", TaskButtons.For(task)), ["T1"]), CancellationToken.None);
        var reminder = await world.MessageAsync(Officer);
        world.Fake.SendText(Officer, "/xong T1");
        var done = await world.MessageAsync(Officer, 2);

        reminder.Text.Should().Be("🔔 Nhắc việc: T1 — Nhiệm vụ T1\n\nTrả lời ngắn: «xong» · «25» · «vướng: <nội dung>» · «nhắc lại mai» · «ghi chú: <nội dung>»");
        done.Text.Should().Contain("T1");
        (await world.Bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Done);
        (await world.Bot.Store.GetHistoryAsync("T1"))[^1].Channel.Should().Be("zalo");
    }

    [Fact]
    public async Task An_answer_of_5000_characters_is_split_at_2000_on_line_breaks()
    {
        await using var world = await ZaloWorld.StartAsync();
        var text = string.Join("\n", Enumerable.Range(1, 100).Select(i => $"Dòng {i:D3} & <mốc>: ".PadRight(49, '.')));

        await Outbox(world).SendAsync(new OutgoingMessage(Admin, Reply.Say(text)), CancellationToken.None);

        var parts = world.Fake.SentTo(Admin);
        parts.Should().HaveCount(3).And.OnlyContain(p => p.Text.Length <= 2000);
        string.Join("\n", parts.Select(p => p.Text)).Should().Be(text);
    }

    [Fact]
    public async Task Sending_failures_map_to_rate_limited_transient_and_blocked()
    {
        var serverClock = new FakeTimeProvider(BotHost.Start);
        await using var world = await ZaloWorld.StartAsync(new FakeZaloOptions { Clock = serverClock, RateLimits = new FakeZaloRateLimits(PerChat: 2, Window: TimeSpan.FromSeconds(30)) });
        var channel = Channel(world);
        Task<SentMessage> SendAsync(string chat, string text) => channel.SendAsync(new OutgoingMessage(chat, Reply.Say(text)), CancellationToken.None);

        await SendAsync(Admin, "1");
        await SendAsync(Admin, "2");
        var limited = await FluentActions.Awaiting(() => SendAsync(Admin, "3")).Should().ThrowAsync<DeliveryFailedException>();
        world.Fake.FailNext(1, 500, "sendMessage");
        var failed = await FluentActions.Awaiting(() => SendAsync(Leader, "4")).Should().ThrowAsync<DeliveryFailedException>();
        world.Fake.Block(Police);
        var blocked = await FluentActions.Awaiting(() => SendAsync(Police, "5")).Should().ThrowAsync<DeliveryFailedException>();
        serverClock.Advance(limited.Which.RetryAfter!.Value);
        await SendAsync(Admin, "3");

        limited.Which.Kind.Should().Be(DeliveryFailureKind.RateLimited);
        limited.Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(30), "Zalo gives no retry time: Zalo:RateLimitedWaitSeconds");
        failed.Which.Kind.Should().Be(DeliveryFailureKind.Transient);
        blocked.Which.Kind.Should().Be(DeliveryFailureKind.Blocked);
        world.Fake.SentTo(Admin).Select(m => m.Text).Should().Equal("1", "2", "3");
    }

    // ------------------------------------------------------------------ polling

    [Fact]
    public async Task A_408_is_a_poll_with_nothing_new_and_the_bot_polls_on_without_complaint()
    {
        var serverClock = new FakeTimeProvider(BotHost.Start);
        await using var world = await ZaloWorld.StartAsync(new FakeZaloOptions { Clock = serverClock });
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);

        serverClock.Advance(TimeSpan.FromSeconds(20));
        await world.Fake.WaitForCallAsync("getUpdates", 1, errorCode: 408).WaitAsync(BotHost.Patience);
        world.Fake.SendText(Officer, "/moc");
        var answer = await world.MessageAsync(Officer);

        answer.Text.Should().Contain("15/03/2026");
        world.Bot.Logs.Lines.Should().NotContain(l => l.Contains("Nhận tin Zalo thất bại", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Polling_errors_back_off_on_the_apps_clock_and_nothing_is_lost()
    {
        var clock = new ClockDriver(BotHost.Start);
        await using var world = await ZaloWorld.StartAsync(clock: clock);
        world.Fake.SendText(Officer, "/moc");
        await world.MessageAsync(Officer);

        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        world.Fake.FailNext(2, 502, "getUpdates");
        world.Fake.SendText(Officer, "/quahan");
        await world.MessageAsync(Officer, 2);
        world.Fake.SendText(Officer, "/sapden");
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(2));
        var third = await world.MessageAsync(Officer, 3);

        third.Text.Should().ContainEquivalentOf("đến hạn");
        world.Fake.CallsTo("getUpdates").Count(c => c.ErrorCode == 502).Should().Be(2);
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains("Nhận tin Zalo thất bại", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_and_unknown_updates_do_not_stop_the_bot()
    {
        var clock = new ClockDriver(BotHost.Start);
        await using var world = await ZaloWorld.StartAsync(clock: clock);

        world.Fake.QueueRaw(JsonNode.Parse("""
            {"event_name": "message.text.received", "message": {"from": null, "chat": null, "message_id": "a1", "date": 1}}
            """)!.AsObject());
        world.Fake.QueueRaw(JsonNode.Parse($$$"""
            {"event_name": "message.voice.received", "message": {"from": {"id": "{{{Officer}}}", "display_name": "Cán bộ"},
             "chat": {"id": "{{{Officer}}}", "chat_type": "PRIVATE"}, "voice_url": "https://v.example.test/a.aac", "message_id": "a2", "date": 1}}
            """)!.AsObject());
        world.Fake.QueueRaw(JsonNode.Parse("""{"event_name": ["not", "a", "name"]}""")!.AsObject());
        world.Fake.SendText(Officer, "/moc");
        var voice = await world.MessageAsync(Officer);
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        var moc = await world.MessageAsync(Officer, 2);

        voice.Text.Should().Contain("chỉ hiểu tin nhắn chữ");
        moc.Text.Should().Contain("15/03/2026");
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains("Nhận tin Zalo thất bại", StringComparison.Ordinal) && l.Contains("không đọc được", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_zalo_hands_out_again_after_a_restart_is_not_handled_twice()
    {
        await using var world = await ZaloWorld.StartAsync();
        world.Fake.SendText(Officer, "/capnhat T2 30 trước khi dừng");
        await world.MessageAsync(Officer);
        // Stopped while it waits in its next poll, and the repeat queued only once the server saw that
        // poll end and the new process poll: a poll of the stopped process must not take it.
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        await world.StopBotAsync();
        await world.Fake.WaitUntilAsync(() => !world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        await world.StartBotAsync();
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        var repeated = world.Fake.RedeliverLast();
        world.Fake.SendText(Officer, "/capnhat T2 40 sau khi chạy lại");
        await world.MessageAsync(Officer, 2);

        repeated.MessageId.Should().NotBeEmpty();
        (await world.Bot.Store.GetHistoryAsync("T2")).Where(r => r.Kind == ProgressKind.Progress).Select(r => r.Note)
            .Should().Equal("trước khi dừng", "sau khi chạy lại");
        world.Fake.SentTo(Officer).Should().HaveCount(2);
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains(repeated.MessageId, StringComparison.Ordinal) && l.Contains("bỏ qua", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_webhook_left_set_is_removed_at_start_so_that_polling_receives()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        fake.AddUser(Officer);
        fake.SetWebhook("https://bot.example.test/zalo", "bi-mat-cua-phuong");
        using var database = new TempDatabase();

        await using var bot = await BotHost.StartAsync(database, ZaloSettings(fake), seed: SeedWithZaloAsync);
        fake.SendText(Officer, "/moc");
        await fake.WaitForMessageAsync(Officer).WaitAsync(BotHost.Patience);

        fake.Webhook.Should().BeNull();
        bot.Logs.Lines.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("webhook", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ secrets

    [Fact]
    public async Task The_token_never_appears_in_the_logs_even_when_calls_fail()
    {
        var clock = new ClockDriver(BotHost.Start);
        await using var world = await ZaloWorld.StartAsync(clock: clock);
        world.Fake.SendText(Officer, "/nhiemvu");
        await world.MessageAsync(Officer);
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        world.Fake.FailNext(1, 500, "getUpdates");
        world.Fake.SendText(Officer, "/moc");
        await world.MessageAsync(Officer, 2);
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        world.Fake.FailNext(1, 500, "sendMessage");
        var failed = async () => await Channel(world).SendAsync(new OutgoingMessage(Officer, Reply.Say("thử")), CancellationToken.None);
        (await failed.Should().ThrowAsync<DeliveryFailedException>()).Which.Kind.Should().Be(DeliveryFailureKind.Transient);
        world.Fake.SendText(Officer, "/trogiup");
        await world.MessageAsync(Officer, 3);
        await world.StopBotAsync();

        var logs = world.Bot.Logs.Lines;
        logs.Should().Contain(l => l.Contains("Nhận tin Zalo thất bại", StringComparison.Ordinal));
        logs.Should().Contain(l => l.Contains("Bot Zalo «", StringComparison.Ordinal));
        var secret = world.Fake.Token[(world.Fake.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        logs.Should().NotContain(l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_token_is_logged_as_critical_naming_the_setting_and_never_the_token()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var database = new TempDatabase();
        const string wrong = "1234567890123456789:Not-the-right-secret-42";
        var settings = BotHost.Merge(ZaloSettings(fake), new Dictionary<string, string?> { ["Zalo:BotToken"] = wrong });

        var clock = new ClockDriver(BotHost.Start);

        await using var bot = await BotHost.StartAsync(database, settings, clock, SeedWithZaloAsync);
        // The bot arms its back-off once it has logged the refusal.
        await clock.WaitForTimersAsync(1);
        await bot.DisposeAsync();

        fake.CallsTo("getMe").Should().OnlyContain(c => c.ErrorCode == 401);

        bot.Logs.Lines.Should().Contain(l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("Zalo:BotToken", StringComparison.Ordinal));
        bot.Logs.Lines.Should().NotContain(l => l.Contains("Not-the-right-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_of_the_wrong_shape_stops_the_host_with_a_message_naming_the_key_only()
    {
        using var database = new TempDatabase();
        var settings = new Dictionary<string, string?> { ["Zalo:BotToken"] = "khong-phai-token-zalo" };

        var start = async () => await BotHost.StartAsync(database, settings, seed: SeedWithZaloAsync);

        var thrown = await start.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>();
        thrown.Which.Message.Should().Contain("Zalo:BotToken").And.NotContain("khong-phai-token-zalo");
    }

    // ------------------------------------------------------------------ Telegram and Zalo together

    [Fact]
    public async Task With_only_the_zalo_token_the_console_chat_does_not_run_and_zalo_is_the_only_channel()
    {
        await using var world = await ZaloWorld.StartAsync();

        world.Bot.Services.GetServices<IChatChannel>().Select(c => c.Name).Should().Equal("zalo");
        world.Bot.Services.GetServices<IHostedService>().Should().NotContain(s => s is ConsoleChatService);
    }

    [Fact]
    public async Task With_both_tokens_both_chats_run_and_each_answers_its_own_users()
    {
        await using var world = await ZaloWorld.StartAsync(withTelegram: true);
        var telegram = world.Telegram!;
        var officerOnTelegram = WardData.UbndOfficer.TelegramUserId!.Value;
        var policeOnTelegram = WardData.Police.TelegramUserId!.Value;

        telegram.SendText(officerOnTelegram, "/nhiemvu");
        world.Fake.SendText(Police, "/nhiemvu");
        var onTelegram = await telegram.WaitForMessageAsync(officerOnTelegram).WaitAsync(BotHost.Patience);
        var onZalo = await world.MessageAsync(Police);

        onTelegram.Text.Should().Contain("• T1").And.NotContain("• T3");
        onZalo.Text.Should().Contain("• T3").And.NotContain("• T1");
        telegram.SentTo(policeOnTelegram).Should().BeEmpty();
        world.Fake.SentTo(Officer).Should().BeEmpty();

        var channels = world.Bot.Services.GetServices<IChatChannel>().ToList();
        channels.Select(c => c.Name).Should().Equal("telegram", "zalo");
        var route = world.Bot.Services.GetRequiredService<DoSon.Bot.Outbox.ChatOutbox>().Route((await world.Bot.Store.FindMemberAsync("CB-DC"))!);
        route.Should().NotBeNull();
        (route!.Value.Sender.Channel.Name, route.Value.ChatId).Should().Be(
            ("telegram", officerOnTelegram.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "a member linked on both platforms gets reminders once, on Telegram");
        world.Bot.Services.GetServices<IHostedService>().Should().NotContain(s => s is ConsoleChatService);

        var (exit, printed) = await RunInviteAsync(world, "CB-DC");
        exit.Should().Be(0);
        printed.Should().Contain($"https://t.me/{telegram.BotUsername}?start=").And.Contain("/lienket ");
    }
}
