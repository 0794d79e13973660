using System.Globalization;
using DoSon.Bot.Channels;
using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Chats handled side by side, each in order, through the real Telegram.Bot client and the
/// bot's own Zalo client against the fake servers. A chat is made slow by holding the fake server's
/// answers to it (a slow connection to that person): its backlog is then observable, and the others
/// must be answered all the same. The clock is moved on in small steps while the bot works (the
/// outbox paces on it, and a poll that brings nothing new waits a second on it).</summary>
public sealed class FairHandlingEndToEndTests
{
    private const long Officer = 1003;
    private const long Leader = 1002;
    private const long Police = 1004;
    private const long Stranger = 5555;

    /// <summary>Held answers must not meet the client's own time-out (real seconds).</summary>
    private static readonly Dictionary<string, string?> PatientClient = new()
    {
        ["Telegram:RequestTimeoutSeconds"] = "300",
        ["Zalo:RequestTimeoutSeconds"] = "300",
    };

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private static FloodGate Gate(BotHost bot) => bot.Services.GetRequiredService<FloodGate>();

    private static Task RunUntilAsync(BotHost bot, Func<bool> done) => ClockDriver.RunUntilAsync(bot.Clock, done, Step, spinsPerStep: 500);

    private static async Task<List<string>> ProgressNotesAsync(BotHost bot, string task) =>
        (await bot.Store.GetHistoryAsync(task)).Where(r => r.Kind == ProgressKind.Progress).Select(r => r.Note ?? "").ToList();

    // ------------------------------------------------------------------ Telegram

    [Fact]
    public async Task A_member_is_answered_while_a_stranger_who_sent_60_messages_is_still_being_worked_off()
    {
        await using var world = await TelegramWorld.StartAsync(settings: PatientClient);
        world.Fake.HoldSendsTo(Stranger);
        var flood = Enumerable.Range(1, 60).Select(i => world.Fake.SendText(Stranger, $"xin chào {i}")).ToList();
        await RunUntilAsync(world.Bot, () => world.Fake.HeldSendsTo(Stranger) == 1);

        var command = world.Fake.SendText(Officer, "/nhiemvu");
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(Officer).Count == 1);

        world.Fake.SentTo(Officer)[0].Text.Should().Contain("• T1");
        world.Fake.SentTo(Stranger).Should().BeEmpty("the stranger's first answer is still on its way");
        Gate(world.Bot).DroppedSoFar(ChatPlatform.Telegram).Should().Be(0, "the 59 behind it wait in the stranger's own queue");
        world.Fake.IsConfirmed(flood[0].UpdateId).Should().BeFalse();

        world.Fake.ReleaseSendsTo(Stranger);
        await RunUntilAsync(world.Bot, () => Gate(world.Bot).DroppedSoFar(ChatPlatform.Telegram) == 59
            && world.Fake.IsConfirmed(command.UpdateId) && world.Fake.IsConfirmed(flood[^1].UpdateId));
        world.Fake.SentTo(Stranger).Should().ContainSingle().Which.Text.Should().Contain("chưa được liên kết");
        world.Fake.SentTo(Officer).Should().ContainSingle();
    }

    [Fact]
    public async Task A_member_is_answered_before_300_strangers_writing_at_once_are_all_worked_off()
    {
        await using var world = await TelegramWorld.StartAsync(settings: PatientClient);
        var strangers = Enumerable.Range(1, 300).Select(i => 900_000L + i).ToList();
        var slow = strangers.TakeLast(7).ToList();
        foreach (var stranger in slow)
        {
            world.Fake.HoldSendsTo(stranger);
        }

        foreach (var stranger in strangers)
        {
            world.Fake.SendText(stranger, "xin chào");
        }

        world.Fake.SendText(Officer, "/nhiemvu");
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(Officer).Count == 1);

        world.Fake.SentTo(Officer)[0].Text.Should().Contain("• T1");
        slow.Should().OnlyContain(s => world.Fake.SentTo(s).Count == 0, "their answers are still on their way");

        foreach (var stranger in slow)
        {
            world.Fake.ReleaseSendsTo(stranger);
        }

        await RunUntilAsync(world.Bot, () => strangers.All(s => world.Fake.SentTo(s).Count > 0));
        strangers.Should().OnlyContain(s => world.Fake.SentTo(s).Count == 1, "each stranger is answered once");
        world.Fake.SentTo(Officer).Should().ContainSingle();
    }

    [Fact]
    public async Task A_members_commands_are_answered_in_order_while_another_chat_is_slow()
    {
        await using var world = await TelegramWorld.StartAsync(settings: PatientClient);
        world.Fake.HoldSendsTo(Leader);
        world.Fake.SendText(Leader, "/nhiemvu");
        await RunUntilAsync(world.Bot, () => world.Fake.HeldSendsTo(Leader) == 1);

        for (var i = 1; i <= 5; i++)
        {
            world.Fake.SendText(Officer, $"/capnhat T2 {i * 10} lần {i}");
        }

        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(Officer).Count == 5);

        world.Fake.SentTo(Leader).Should().BeEmpty();
        world.Fake.SentTo(Officer).Select(m => m.Text).Should().SatisfyRespectively(
            Enumerable.Range(1, 5).Select(i => (Action<string?>)(t => t.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"{i * 10}%")))));
        (await ProgressNotesAsync(world.Bot, "T2")).Should().Equal(Enumerable.Range(1, 5).Select(i => $"lần {i}"));

        world.Fake.ReleaseSendsTo(Leader);
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(Leader).Count == 1);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_batch_loses_no_update_and_handles_none_twice()
    {
        await using var world = await TelegramWorld.StartAsync(settings: PatientClient);
        world.Fake.HoldSendsTo(Police);
        var police = new[] { world.Fake.SendText(Police, "/nhiemvu"), world.Fake.SendText(Police, "/nhiemvu") };
        await RunUntilAsync(world.Bot, () => world.Fake.HeldSendsTo(Police) == 1);
        var officer = Enumerable.Range(1, 10).Select(i => world.Fake.SendText(Officer, $"/capnhat T2 {i} lần {i}")).ToList();
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(Officer).Count == 10);

        // Stopped while the police chief's first update is under way and the second waits behind it:
        // the officer's ten, handled above the unfinished one, cannot be confirmed yet.
        var stopping = world.StopBotAsync();
        await RunUntilAsync(world.Bot, () => world.Bot.Logs.Lines.Any(l => l.Contains("Dừng nhận tin Telegram", StringComparison.Ordinal)));
        world.Fake.ReleaseSendsTo(Police);
        await stopping.WaitAsync(BotHost.Patience);
        world.Fake.SentTo(Police).Should().ContainSingle("the second update was not started");
        officer.Should().OnlyContain(o => !world.Fake.IsConfirmed(o.UpdateId));

        await world.StartBotAsync(settings: PatientClient);
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(Police).Count == 2 && world.Fake.IsConfirmed(officer[^1].UpdateId));

        world.Fake.IsConfirmed(police[1].UpdateId).Should().BeTrue();
        world.Fake.SentTo(Officer).Should().HaveCount(10, "each of the officer's updates was handled once");
        (await ProgressNotesAsync(world.Bot, "T2")).Should().Equal(Enumerable.Range(1, 10).Select(i => $"lần {i}"));
        world.Fake.SentTo(Police).Should().HaveCount(2);
    }

    // ------------------------------------------------------------------ Zalo

    [Fact]
    public async Task A_zalo_member_is_answered_while_a_flooding_stranger_is_still_being_worked_off()
    {
        await using var world = await ZaloWorld.StartAsync(settings: PatientClient);
        world.Fake.HoldSendsTo(ZaloWorld.Stranger);
        for (var i = 1; i <= 60; i++)
        {
            world.Fake.SendText(ZaloWorld.Stranger, $"xin chào {i}");
        }

        await RunUntilAsync(world.Bot, () => world.Fake.HeldSendsTo(ZaloWorld.Stranger) == 1);
        world.Fake.SendText(ZaloWorld.Officer, "/nhiemvu");
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(ZaloWorld.Officer).Count == 1);

        world.Fake.SentTo(ZaloWorld.Officer)[0].Text.Should().Contain("• T1");
        world.Fake.SentTo(ZaloWorld.Stranger).Should().BeEmpty();
        Gate(world.Bot).DroppedSoFar(ChatPlatform.Zalo).Should().Be(0, "the 59 behind it wait in the stranger's own queue");

        world.Fake.ReleaseSendsTo(ZaloWorld.Stranger);
        await RunUntilAsync(world.Bot, () => Gate(world.Bot).DroppedSoFar(ChatPlatform.Zalo) == 59);
        world.Fake.SentTo(ZaloWorld.Stranger).Should().ContainSingle();
    }

    [Fact]
    public async Task Zalo_messages_handed_out_again_while_under_way_or_after_a_restart_are_handled_once()
    {
        await using var world = await ZaloWorld.StartAsync(settings: PatientClient);
        world.Fake.HoldSendsTo(ZaloWorld.Officer);
        world.Fake.SendText(ZaloWorld.Officer, "/capnhat T2 10 lần 1");
        await RunUntilAsync(world.Bot, () => world.Fake.HeldSendsTo(ZaloWorld.Officer) == 1);
        var underWay = world.Fake.RedeliverLast();
        world.Fake.SendText(ZaloWorld.Leader, "/nhiemvu");
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(ZaloWorld.Leader).Count == 1);
        world.Fake.ReleaseSendsTo(ZaloWorld.Officer);
        world.Fake.SendText(ZaloWorld.Officer, "/capnhat T2 20 lần 2");
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(ZaloWorld.Officer).Count == 2);

        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        await world.StopBotAsync();
        await world.Fake.WaitUntilAsync(() => !world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        await world.StartBotAsync();
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(BotHost.Patience);
        var afterRestart = world.Fake.RedeliverLast();
        world.Fake.SendText(ZaloWorld.Officer, "/capnhat T2 30 lần 3");
        await RunUntilAsync(world.Bot, () => world.Fake.SentTo(ZaloWorld.Officer).Count == 3);

        (await ProgressNotesAsync(world.Bot, "T2")).Should().Equal("lần 1", "lần 2", "lần 3");
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains(afterRestart.MessageId, StringComparison.Ordinal) && l.Contains("bỏ qua", StringComparison.Ordinal));
        underWay.MessageId.Should().NotBe(afterRestart.MessageId);
    }
}
