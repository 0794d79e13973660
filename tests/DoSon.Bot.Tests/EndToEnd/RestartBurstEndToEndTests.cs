using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.FakeApis.Zalo;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The bot is stopped (as systemd stops it) in the middle of a burst of 300 reminders, once
/// the fake server has accepted some of them, and a new process starts on the same database and server:
/// every reminder reaches the platform exactly once and is recorded sent. The README promises that a
/// reminder can arrive twice only when an answer was lost after a time-out (none here) or after a crash,
/// not after a stop. The bots and the servers share one FakeTimeProvider; the stop waits on the server's
/// count, never on time.</summary>
public sealed class RestartBurstEndToEndTests
{
    internal const int Burst = 300;

    /// <summary>"3 days before" the burst's deadline (05/03/2026): 02/03/2026 07:30 in the ward.</summary>
    internal static readonly DateTimeOffset Due = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    /// <summary>How long a restart takes at least: more than Telegram's one-second window.</summary>
    private static readonly TimeSpan RestartTime = TimeSpan.FromSeconds(2);

    internal static string Code(int i) => $"R{i:000}";

    internal static long TelegramChat(int i) => 40_000 + i;

    private static string ZaloChat(int i) => $"5a1b2c3d4e5f{i:00000000}";

    /// <summary>WardData plus 300 members, each with a task due 05/03/2026, linked on Telegram or on Zalo.</summary>
    internal static async Task SeedBurstAsync(IBotStore store, bool zalo)
    {
        var members = Enumerable.Range(1, Burst)
            .Select(i => new Member(Code(i), $"Cán bộ {i}", "Công chức", ["UBND"], MemberRole.Member,
                TelegramUserId: zalo ? null : TelegramChat(i), ZaloUserId: zalo ? ZaloChat(i) : null))
            .ToList();
        var tasks = members.Select(m => WardData.Task($"{m.Code}-T", "UBND", new DateOnly(2026, 3, 5), m.Code));
        await store.ApplyImportAsync(
            WardData.Plan(tasks: [WardData.LandTask, WardData.UbndTask, WardData.PoliceTask, .. tasks],
                members: [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police, .. members]),
            "seed", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    }

    internal static async Task<IReadOnlyList<Reminder>> BurstRemindersAsync(BotHost bot) =>
        [.. (await bot.Services.GetRequiredService<IReminderStore>().GetRemindersAsync()).Where(r => r.MemberCode.StartsWith('R') && r.Key.EndsWith(":before-3", StringComparison.Ordinal))];

    [Fact]
    public async Task A_restart_in_the_middle_of_a_telegram_burst_of_300_reminders_loses_none_and_sends_none_twice()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        await using var world = await TelegramWorld.StartAsync(
            new FakeTelegramOptions { Clock = clock, RateLimits = new FakeRateLimits() }, null, async s => await SeedBurstAsync(s, zalo: false), clock);
        for (var i = 1; i <= Burst; i++)
        {
            world.Fake.AddUser(TelegramChat(i), $"Cán bộ {i}");
        }

        int Accepted() => world.Fake.CallsTo("sendMessage").Where(c => c.StatusCode == 200 && c.ChatId > 40_000).Select(c => c.ChatId).Distinct().Count();
        (await BurstRemindersAsync(world.Bot)).Should().HaveCount(Burst).And.OnlyContain(r => r.State == ReminderState.Pending);

        // The server's count, checked by the server itself after every change: cheap enough to spin on.
        var hundred = world.Fake.WaitUntilAsync(() => Accepted() >= 100);
        await ClockDriver.AdvanceToAsync(clock, Due, () => hundred.IsCompleted, Step, 200);
        await world.StopBotAsync();
        var beforeRestart = Accepted();
        beforeRestart.Should().BeInRange(100, Burst - 1, "the bot was stopped in the middle of the burst");

        // A new process cannot know what the old one sent in its last second; starting one takes
        // longer than that window (README, "Giới hạn"). Without this the new process met a window the
        // old one had filled and got a 429 (waited out, nothing lost), depending on the machine's speed.
        clock.Advance(RestartTime);
        await world.StartBotAsync(clock);
        var all = world.Fake.WaitUntilAsync(() => Accepted() >= Burst);
        await ClockDriver.RunUntilAsync(clock, () => all.IsCompleted, Step, 200);
        var idle = world.Bot.Services.GetRequiredService<ReminderDispatcher>().WhenIdleAsync(CancellationToken.None);
        await ClockDriver.RunUntilAsync(clock, () => idle.IsCompleted, Step, 200);

        for (var i = 1; i <= Burst; i++)
        {
            var messages = world.Fake.SentTo(TelegramChat(i));
            messages.Should().ContainSingle($"chat {TelegramChat(i)} gets its reminder exactly once")
                .Which.Text.Should().Contain($"{Code(i)}-T —");
        }

        (await BurstRemindersAsync(world.Bot)).Should().HaveCount(Burst).And.OnlyContain(r => r.State == ReminderState.Sent && r.Channel == "telegram");
        world.Fake.Calls.Should().NotContain(c => c.StatusCode == 429, "both processes kept Telegram's limits");
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_zalo_burst_of_300_reminders_loses_none_and_sends_none_twice()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        await using var world = await ZaloWorld.StartAsync(new FakeZaloOptions { Clock = clock }, clock: clock, seed: async s => await SeedBurstAsync(s, zalo: true));
        for (var i = 1; i <= Burst; i++)
        {
            world.Fake.AddUser(ZaloChat(i));
        }

        var burstChats = Enumerable.Range(1, Burst).Select(ZaloChat).ToHashSet(StringComparer.Ordinal);
        int Accepted() => burstChats.Count(c => world.Fake.SentTo(c).Count > 0);
        (await BurstRemindersAsync(world.Bot)).Should().HaveCount(Burst).And.OnlyContain(r => r.State == ReminderState.Pending);

        var hundred = world.Fake.WaitUntilAsync(() => Accepted() >= 100);
        await ClockDriver.AdvanceToAsync(clock, Due, () => hundred.IsCompleted, Step, 200);
        await world.StopBotAsync();
        var beforeRestart = Accepted();
        beforeRestart.Should().BeInRange(100, Burst - 1, "the bot was stopped in the middle of the burst");

        await world.StartBotAsync(clock);
        var all = world.Fake.WaitUntilAsync(() => Accepted() >= Burst);
        await ClockDriver.RunUntilAsync(clock, () => all.IsCompleted, Step, 200);

        var idle = world.Bot.Services.GetRequiredService<ReminderDispatcher>().WhenIdleAsync(CancellationToken.None);
        await ClockDriver.RunUntilAsync(clock, () => idle.IsCompleted, Step, 200);

        for (var i = 1; i <= Burst; i++)
        {
            var messages = world.Fake.SentTo(ZaloChat(i));
            messages.Should().ContainSingle($"chat {ZaloChat(i)} gets its reminder exactly once")
                .Which.Text.Should().Contain($"{Code(i)}-T");
        }

        (await BurstRemindersAsync(world.Bot)).Should().HaveCount(Burst).And.OnlyContain(r => r.State == ReminderState.Sent && r.Channel == "zalo");
        world.Fake.CallsTo("sendMessage").Should().OnlyContain(c => c.Ok);
    }
}
