using System.Globalization;
using DoSon.Bot.Channels;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.FakeApis.Zalo;
using DoSon.Bot.Import;
using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Everything through one outbox per platform, against the fake servers with the real clients:
/// long answers under 429s and failures, answers ahead of reminders, a tap answered first. The bot and
/// the servers share one FakeTimeProvider, moved by <see cref="ClockDriver"/>.</summary>
public sealed class OutboxLanesEndToEndTests
{
    private const long Admin = 1001;
    private static readonly long[] QueuedChats = [1001, 1002, 1004];

    /// <summary>A busy month: many open tasks with long titles, so an admin's /nhiemvu is long.</summary>
    private static async Task AddBusyMonthAsync(IBotStore store, int count, DateTimeOffset at)
    {
        var tasks = Enumerable.Range(1, count)
            .Select(i => WardData.Task($"B{i:D3}", "UBND", new DateOnly(2026, 3, 25), "CB-DC") with
            {
                Title = $"Nhiệm vụ bận số {i:D3}: rà soát, tổng hợp & báo cáo <kết quả> thực hiện các chỉ tiêu kinh tế – xã hội quý I của phường",
            })
            .Select(t => new Change<WorkTask>(ChangeKind.Created, t, []))
            .ToList();
        await store.ApplyImportAsync(new ImportPlan(new SourceNotice("TB-03B", new DateOnly(2026, 2, 28), "Bổ sung"), [], [], [], tasks), "test", at);
    }

    private static async Task<string> AnswerTextAsync(BotHost bot, string memberCode, string command, string channel)
    {
        var member = (await bot.Store.FindMemberAsync(memberCode))!;
        return (await bot.Services.GetRequiredService<Conversation>().AnswerAsync(member, command, channel, CancellationToken.None)).Text;
    }

    private static async Task SpinUntilAsync(Func<bool> condition)
    {
        using var safety = new CancellationTokenSource(BotHost.Patience);
        while (!condition())
        {
            safety.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    [Fact]
    public async Task An_11_part_answer_under_injected_429s_and_errors_arrives_complete_in_order_each_part_once()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Outbox:PerChatPerSecond"] = "1",
            ["Reminders:Outbox:MaxParts"] = "20",
            ["Reminders:Outbox:BaseDelaySeconds"] = "0.2",
            ["Reminders:Outbox:MaxDelaySeconds"] = "1",
        };
        await using var world = await TelegramWorld.StartAsync(new FakeTelegramOptions { Clock = clock, RateLimits = new FakeRateLimits() }, settings, null, clock);
        await AddBusyMonthAsync(world.Bot.Store, 300, clock.GetUtcNow());
        var expected = TelegramFormat.Split(await AnswerTextAsync(world.Bot, "CVP", "/donvi UBND", TelegramChannel.ChannelName));
        expected.Should().HaveCountGreaterThanOrEqualTo(11).And.HaveCountLessThanOrEqualTo(20);

        world.Fake.SendText(Admin, "/donvi UBND");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(Admin).Count >= 3, TimeSpan.FromMilliseconds(50));
        world.Fake.FailNext(1, 429, "sendMessage", retryAfterSeconds: 5);
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(Admin).Count >= 7, TimeSpan.FromMilliseconds(50));
        world.Fake.FailNext(2, 502, "sendMessage");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(Admin).Count >= expected.Count, TimeSpan.FromMilliseconds(50));

        world.Fake.SentTo(Admin).Select(m => m.Text).Should().Equal(expected, "every part, in order, once");
        var calls = world.Fake.CallsTo("sendMessage").Where(c => c.ChatId == Admin).ToList();
        var limited = calls.Where(c => c.StatusCode == 429).Should().ContainSingle("only the injected 429: the bot itself kept the limits").Subject;
        calls.Where(c => c.StatusCode == 200 && c.At > limited.At - TimeSpan.FromTicks(1)).Should()
            .OnlyContain(c => c.At >= limited.At + TimeSpan.FromSeconds(5), "nothing after the 429 before retry_after has passed");
        calls.Count(c => c.StatusCode == 502).Should().Be(2);
    }

    [Fact]
    public async Task In_a_burst_of_300_reminders_a_members_commands_are_answered_before_the_remaining_reminders_without_a_429()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Outbox:PerChatPerSecond"] = "1",
        };
        await using var world = await TelegramWorld.StartAsync(new FakeTelegramOptions { Clock = clock, RateLimits = new FakeRateLimits() }, settings, null, clock);
        var chats = Enumerable.Range(0, 300).Select(i => 20_000L + i).ToList();
        foreach (var chat in chats)
        {
            world.Fake.AddUser(chat, $"Cán bộ {chat}");
        }

        // As the reminder dispatcher hands them over: all at once, in the background lane.
        var sender = world.Bot.Services.GetRequiredService<ChatOutbox>().For(TelegramChannel.ChannelName);
        var burst = chats.Select(c => sender.SendAsync(new OutgoingMessage(c.ToString(CultureInfo.InvariantCulture), Reply.Say("🔔 Nhắc việc: T1 — hạn 10/03/2026")), CancellationToken.None)).ToList();
        int Reminded() => world.Fake.CallsTo("sendMessage").Count(c => c.ChatId >= 20_000 && c.StatusCode == 200);
        await ClockDriver.RunUntilAsync(clock, () => Reminded() >= 60, TimeSpan.FromMilliseconds(20));

        var before = Reminded();
        world.Fake.SendText(Admin, "/trogiup");
        world.Fake.SendText(1003, "/nhiemvu");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(Admin).Count >= 1 && world.Fake.SentTo(1003).Count >= 1, TimeSpan.FromMilliseconds(20));
        var atAnswers = Reminded();
        await ClockDriver.RunUntilAsync(clock, () => burst.All(t => t.IsCompleted), TimeSpan.FromMilliseconds(20));

        (atAnswers - before).Should().BeLessThan(60, "the answers went ahead of the reminders still waiting (about two seconds' worth at most)");
        (300 - atAnswers).Should().BeGreaterThan(150, "most of the burst was still waiting when the answers went out");
        world.Fake.Calls.Should().NotContain(c => c.StatusCode == 429, "the bot kept Telegram's limits for answers and reminders together");
        (await Task.WhenAll(burst)).Should().OnlyContain(o => o.Status == DeliveryStatus.Sent);
        world.Fake.CallsTo("sendMessage").Where(c => c.ChatId >= 20_000 && c.StatusCode == 200).Select(c => c.ChatId).Should().OnlyHaveUniqueItems().And.HaveCount(300);
    }

    [Fact]
    public async Task A_tap_is_answered_before_the_edit_and_before_reminders_queued_earlier()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Outbox:PerSecond"] = "1",
            ["Reminders:Outbox:SafetyMarginMilliseconds"] = "0",
        };
        await using var world = await TelegramWorld.StartAsync(new FakeTelegramOptions { Clock = clock }, settings, null, clock);
        var sender = world.Bot.Services.GetRequiredService<ChatOutbox>().For(TelegramChannel.ChannelName);
        var reminder = await sender.SendAsync(new OutgoingMessage("1003", new Reply("🔔 Nhắc việc:\nT1 — Nhiệm vụ T1", TaskButtons.For((await world.Bot.Store.FindTaskAsync("T1"))!)), ["T1"]), CancellationToken.None);
        var tapped = world.Fake.Message(1003, int.Parse(reminder.Sent!.MessageId, CultureInfo.InvariantCulture));
        // Three more reminders wait for the next seconds (one message a second in this test).
        var queued = QueuedChats
            .Select(c => sender.SendAsync(new OutgoingMessage(c.ToString(CultureInfo.InvariantCulture), Reply.Say("🔔 Nhắc việc xếp hàng trước")), CancellationToken.None))
            .ToList();
        await SpinUntilAsync(() => sender.Limiter.Waiting == 3);

        var press = world.Fake.PressButton(1003, tapped, "✅ Hoàn thành");
        await SpinUntilAsync(() => sender.Limiter.Waiting == 4);
        await ClockDriver.RunUntilAsync(clock, () => queued.All(t => t.IsCompleted) && world.Fake.CallsTo("editMessageText").Count > 0, TimeSpan.FromMilliseconds(50));

        var order = world.Fake.Calls.Where(c => c.Method is "answerCallbackQuery" or "editMessageText" or "sendMessage").Select(c => c.Method == "sendMessage" ? $"sendMessage:{c.ChatId}" : c.Method).ToList();
        order.Take(2).Should().Equal(["sendMessage:1003", "answerCallbackQuery"], "the tap's answer jumps the reminders queued before it");
        order.Skip(2).Should().BeEquivalentTo("editMessageText", "sendMessage:1001", "sendMessage:1002", "sendMessage:1004");
        world.Fake.AnswerOf(press.CallbackQueryId!)!.Text.Should().Contain("T1");
    }

    [Fact]
    public async Task On_zalo_a_long_answer_under_a_429_and_errors_arrives_complete_in_order_each_part_once()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        var settings = new Dictionary<string, string?>
        {
            ["Zalo:PerChatPerSecond"] = "1",
            ["Zalo:RateLimitedWaitSeconds"] = "10",
            ["Reminders:Outbox:BaseDelaySeconds"] = "0.2",
            ["Reminders:Outbox:MaxDelaySeconds"] = "1",
        };
        await using var world = await ZaloWorld.StartAsync(new FakeZaloOptions { Clock = clock }, settings, clock: clock);
        await AddBusyMonthAsync(world.Bot.Store, 50, clock.GetUtcNow());
        var expected = ZaloFormat.Render(Reply.Say(await AnswerTextAsync(world.Bot, "CVP", "/donvi UBND", ZaloChannel.ChannelName)));
        expected.Should().HaveCountGreaterThanOrEqualTo(4).And.HaveCountLessThanOrEqualTo(10);

        world.Fake.SendText(ZaloWorld.Admin, "/donvi UBND");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(ZaloWorld.Admin).Count >= 1, TimeSpan.FromMilliseconds(50));
        world.Fake.FailNext(1, 429, "sendMessage");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(ZaloWorld.Admin).Count >= 2, TimeSpan.FromMilliseconds(50));
        world.Fake.FailNext(2, 500, "sendMessage");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(ZaloWorld.Admin).Count >= expected.Count, TimeSpan.FromMilliseconds(50));

        world.Fake.SentTo(ZaloWorld.Admin).Select(m => m.Text).Should().Equal(expected, "every part, in order, once");
        world.Fake.CallsTo("sendMessage").Count(c => !c.Ok).Should().Be(3);
    }

    [Fact]
    public async Task On_zalo_in_a_burst_of_300_reminders_a_members_commands_are_answered_before_the_remaining_reminders_without_a_429()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        // The bot paces Zalo at 10 a second, 1 a second per chat; the fake server refuses anything beyond that.
        var settings = new Dictionary<string, string?>
        {
            ["Zalo:PerSecond"] = "10",
            ["Zalo:PerChatPerSecond"] = "1",
        };
        await using var world = await ZaloWorld.StartAsync(
            new FakeZaloOptions { Clock = clock, RateLimits = new FakeZaloRateLimits(PerChat: 1, Overall: 10, Window: TimeSpan.FromSeconds(1)) },
            settings, clock: clock);
        var chats = Enumerable.Range(0, 300).Select(i => $"6b2c3d4e5f6a{20_000 + i:00000000}").ToList();
        foreach (var chat in chats)
        {
            world.Fake.AddUser(chat);
        }

        var sender = world.Bot.Services.GetRequiredService<ChatOutbox>().For(ZaloChannel.ChannelName);
        var burst = chats.Select(c => sender.SendAsync(new OutgoingMessage(c, Reply.Say("🔔 Nhắc việc: T1 — hạn 10/03/2026")), CancellationToken.None)).ToList();
        var burstChats = chats.ToHashSet(StringComparer.Ordinal);
        int Reminded() => world.Fake.CallsTo("sendMessage").Count(c => c.Ok && burstChats.Contains((string?)c.Parameters["chat_id"] ?? ""));
        await ClockDriver.RunUntilAsync(clock, () => Reminded() >= 30, TimeSpan.FromMilliseconds(20));

        var before = Reminded();
        world.Fake.SendText(ZaloWorld.Admin, "/trogiup");
        world.Fake.SendText(ZaloWorld.Officer, "/nhiemvu");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(ZaloWorld.Admin).Count >= 1 && world.Fake.SentTo(ZaloWorld.Officer).Count >= 1, TimeSpan.FromMilliseconds(20));
        var atAnswers = Reminded();
        await ClockDriver.RunUntilAsync(clock, () => burst.All(t => t.IsCompleted), TimeSpan.FromMilliseconds(20));

        (atAnswers - before).Should().BeLessThan(40, "the answers went ahead of the reminders still waiting (a few seconds' worth at most)");
        (300 - atAnswers).Should().BeGreaterThan(150, "most of the burst was still waiting when the answers went out");
        world.Fake.Calls.Should().NotContain(c => c.ErrorCode == 429, "the bot kept the pace for answers and reminders together");
        (await Task.WhenAll(burst)).Should().OnlyContain(o => o.Status == DeliveryStatus.Sent);
        chats.Should().OnlyContain(c => world.Fake.SentTo(c).Count == 1, "each reminder once");
    }

    [Fact]
    public async Task On_zalo_an_11_part_answer_under_a_429_and_errors_arrives_complete_in_order_each_part_once()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Outbox:MaxParts"] = "30",
            ["Zalo:PerChatPerSecond"] = "1",
            ["Zalo:RateLimitedWaitSeconds"] = "10",
            ["Reminders:Outbox:BaseDelaySeconds"] = "0.2",
            ["Reminders:Outbox:MaxDelaySeconds"] = "1",
        };
        await using var world = await ZaloWorld.StartAsync(new FakeZaloOptions { Clock = clock }, settings, clock: clock);
        await AddBusyMonthAsync(world.Bot.Store, 200, clock.GetUtcNow());
        var expected = ZaloFormat.Render(Reply.Say(await AnswerTextAsync(world.Bot, "CVP", "/donvi UBND", ZaloChannel.ChannelName)));
        expected.Should().HaveCountGreaterThanOrEqualTo(11).And.HaveCountLessThanOrEqualTo(30);

        world.Fake.SendText(ZaloWorld.Admin, "/donvi UBND");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(ZaloWorld.Admin).Count >= 1, TimeSpan.FromMilliseconds(50));
        world.Fake.FailNext(1, 429, "sendMessage");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(ZaloWorld.Admin).Count >= 2, TimeSpan.FromMilliseconds(50));
        world.Fake.FailNext(2, 500, "sendMessage");
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(ZaloWorld.Admin).Count >= expected.Count, TimeSpan.FromMilliseconds(50));

        world.Fake.SentTo(ZaloWorld.Admin).Select(m => m.Text).Should().Equal(expected, "every part, in order, once");
        world.Fake.CallsTo("sendMessage").Count(c => !c.Ok).Should().Be(3);
    }
}
