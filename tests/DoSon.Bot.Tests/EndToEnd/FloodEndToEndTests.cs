using System.Globalization;
using DoSon.Bot.Channels;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Messaging;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Flood control as a person meets it, through the real Telegram.Bot client and the bot's own
/// Zalo client against the fake servers: a stranger is answered once, a flooding member gets their
/// limit handled, one "slow down", silence, and is answered again after a minute.</summary>
public sealed class FloodEndToEndTests
{
    private const long TelegramOfficer = 1003;
    private const long TelegramStranger = 5555;

    private static FloodGate Gate(BotHost bot) => bot.Services.GetRequiredService<FloodGate>();

    private static Task DroppedAsync(BotHost bot, ChatPlatform platform, long count, Func<Func<bool>, Task> waitOn) =>
        waitOn(() => Gate(bot).DroppedSoFar(platform) >= count).WaitAsync(BotHost.Patience);

    private static string DropLine(int messages, string platform, int senders) =>
        $"Bỏ qua {messages} tin nhắn {platform} từ {senders} tài khoản do gửi quá nhanh trong phút vừa qua.";

    // ------------------------------------------------------------------ Telegram

    [Fact]
    public async Task A_telegram_stranger_who_sends_60_messages_gets_exactly_one_answer_and_one_log_line()
    {
        await using var world = await TelegramWorld.StartAsync();

        var sent = Enumerable.Range(1, 60).Select(i => world.Fake.SendText(TelegramStranger, i % 2 == 0 ? "/nhiemvu" : $"xin chào {i}")).ToList();
        var answer = await world.MessageAsync(TelegramStranger);
        await DroppedAsync(world.Bot, ChatPlatform.Telegram, 59, world.Fake.WaitUntilAsync);
        await world.Fake.WaitForConfirmedAsync(sent[^1].UpdateId).WaitAsync(BotHost.Patience);
        world.Fake.SendText(TelegramOfficer, "/nhiemvu");
        var member = await world.MessageAsync(TelegramOfficer);
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(1));

        answer.Text.Should().Contain("chưa được liên kết").And.Contain("5555");
        world.Fake.SentTo(TelegramStranger).Should().ContainSingle();
        member.Text.Should().Contain("• T1", "a member is not held up by the stranger");
        world.Bot.Logs.Lines.Where(l => l.Contains("do gửi quá nhanh", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().EndWith(DropLine(59, "Telegram", 1));
    }

    [Fact]
    public async Task A_telegram_stranger_can_still_link_while_flooding()
    {
        await using var world = await TelegramWorld.StartAsync();
        var invite = await world.Bot.Services.GetRequiredService<ChatInvites>().CreateAsync("CT-UBND");

        for (var i = 0; i < 5; i++)
        {
            world.Fake.SendText(TelegramStranger, "xin chào");
        }

        world.Fake.SendText(TelegramStranger, "/start " + invite.Code);
        var welcome = await world.MessageAsync(TelegramStranger, 2);

        welcome.Text.Should().Contain("Đã liên kết");
        (await world.Bot.Store.FindMemberByTelegramAsync(TelegramStranger))!.Code.Should().Be("CT-UBND");
        Gate(world.Bot).DroppedSoFar(ChatPlatform.Telegram).Should().Be(4);
    }

    [Fact]
    public async Task A_telegram_member_flooding_30_messages_gets_20_answers_one_slow_down_and_after_a_minute_is_answered_again()
    {
        await using var world = await TelegramWorld.StartAsync();
        static bool IsAnswer(FakeMessage m) => m.Text?.Contains("• T1", StringComparison.Ordinal) == true;

        for (var i = 0; i < 30; i++)
        {
            world.Fake.SendText(TelegramOfficer, "/nhiemvu");
        }

        await world.MessageAsync(TelegramOfficer, 21);
        await DroppedAsync(world.Bot, ChatPlatform.Telegram, 10, world.Fake.WaitUntilAsync);
        var flood = world.Fake.SentTo(TelegramOfficer);
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        world.Fake.SendText(TelegramOfficer, "/nhiemvu");
        await world.Fake.WaitUntilAsync(() => world.Fake.SentTo(TelegramOfficer).Count(IsAnswer) == 21).WaitAsync(BotHost.Patience);

        flood.Should().HaveCount(21);
        flood.Take(20).Count(IsAnswer).Should().Be(20);
        flood[20].Text.Should().Be(FloodTexts.SlowDown);
        world.Fake.SentTo(TelegramOfficer).Count(m => m.Text == FloodTexts.SlowDown).Should().Be(1);
        world.Bot.Logs.Lines.Should().Contain(l => l.EndsWith(DropLine(10, "Telegram", 1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_members_taps_count_too_and_every_tap_is_answered()
    {
        await using var world = await TelegramWorld.StartAsync(settings: new Dictionary<string, string?> { ["Chat:MaxMessagesPerMinute"] = "2" });
        var task = (await world.Bot.Store.FindTaskAsync("T1"))!;
        var channel = world.Bot.Services.GetServices<IChatChannel>().Single(c => c.Name == "telegram");
        var sent = await channel.SendAsync(new OutgoingMessage(TelegramOfficer.ToString(CultureInfo.InvariantCulture), new Reply("🔔 Nhắc việc: T1", TaskButtons.For(task)), ["T1"]), CancellationToken.None);
        var reminder = int.Parse(sent.MessageId, CultureInfo.InvariantCulture);
        world.Fake.SendText(TelegramOfficer, "/nhiemvu");
        world.Fake.SendText(TelegramOfficer, "/nhiemvu");
        await world.MessageAsync(TelegramOfficer, 3);

        var slowed = world.Fake.PressButton(TelegramOfficer, TelegramOfficer, reminder, TaskButtons.Encode(TaskAction.Done, "T1"));
        var dropped = world.Fake.PressButton(TelegramOfficer, TelegramOfficer, reminder, TaskButtons.Encode(TaskAction.Done, "T1"));
        await world.Fake.WaitUntilAsync(() => world.Fake.AnswerOf(dropped.CallbackQueryId!) is not null).WaitAsync(BotHost.Patience);

        world.Fake.AnswerOf(slowed.CallbackQueryId!)!.Text.Should().Be(FloodTexts.SlowDown);
        world.Fake.AnswerOf(dropped.CallbackQueryId!)!.Text.Should().BeNullOrEmpty();
        (await world.Bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.NotStarted, "a tap over the limit changes nothing");

        world.Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = world.Fake.PressButton(TelegramOfficer, TelegramOfficer, reminder, TaskButtons.Encode(TaskAction.Done, "T1"));
        await world.Fake.WaitUntilAsync(() => world.Fake.AnswerOf(later.CallbackQueryId!) is not null).WaitAsync(BotHost.Patience);
        (await world.Bot.Store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Done);
    }

    // ------------------------------------------------------------------ Zalo

    [Fact]
    public async Task A_zalo_stranger_who_sends_60_messages_gets_exactly_one_answer_and_one_log_line()
    {
        await using var world = await ZaloWorld.StartAsync();

        for (var i = 1; i <= 60; i++)
        {
            world.Fake.SendText(ZaloWorld.Stranger, i % 2 == 0 ? "/nhiemvu" : $"xin chào {i}");
        }

        var answer = await world.MessageAsync(ZaloWorld.Stranger);
        await DroppedAsync(world.Bot, ChatPlatform.Zalo, 59, world.Fake.WaitUntilAsync);
        world.Fake.SendText(ZaloWorld.Officer, "/nhiemvu");
        var member = await world.MessageAsync(ZaloWorld.Officer);
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(1));

        answer.Text.Should().Contain("chưa được liên kết").And.Contain(ZaloWorld.Stranger);
        world.Fake.SentTo(ZaloWorld.Stranger).Should().ContainSingle();
        member.Text.Should().Contain("• T1");
        world.Bot.Logs.Lines.Where(l => l.Contains("do gửi quá nhanh", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().EndWith(DropLine(59, "Zalo", 1));
    }

    [Fact]
    public async Task A_zalo_member_flooding_30_messages_gets_20_answers_one_slow_down_and_after_a_minute_is_answered_again()
    {
        await using var world = await ZaloWorld.StartAsync();
        static bool IsAnswer(DoSon.Bot.FakeApis.Zalo.FakeZaloMessage m) => m.Text.Contains("• T1", StringComparison.Ordinal);

        for (var i = 0; i < 30; i++)
        {
            world.Fake.SendText(ZaloWorld.Officer, "/nhiemvu");
        }

        await world.MessageAsync(ZaloWorld.Officer, 21);
        await DroppedAsync(world.Bot, ChatPlatform.Zalo, 10, world.Fake.WaitUntilAsync);
        var flood = world.Fake.SentTo(ZaloWorld.Officer);
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        world.Fake.SendText(ZaloWorld.Officer, "/nhiemvu");
        await world.Fake.WaitUntilAsync(() => world.Fake.SentTo(ZaloWorld.Officer).Count(IsAnswer) == 21).WaitAsync(BotHost.Patience);

        flood.Should().HaveCount(21);
        flood.Take(20).Count(IsAnswer).Should().Be(20);
        flood[20].Text.Should().Be(FloodTexts.SlowDown);
        world.Fake.SentTo(ZaloWorld.Officer).Count(m => m.Text == FloodTexts.SlowDown).Should().Be(1);
        world.Bot.Logs.Lines.Should().Contain(l => l.EndsWith(DropLine(10, "Zalo", 1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_chat_setting_stops_the_host_with_a_message_naming_the_key()
    {
        await using var bot = await BotHarness.CreateAsync(new Dictionary<string, string?> { ["Chat:MaxMessagesPerMinute"] = "0" });

        var act = () => bot.Host.StartAsync();

        (await act.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>()).Which.Message.Should().Contain("Chat:MaxMessagesPerMinute");
    }
}
