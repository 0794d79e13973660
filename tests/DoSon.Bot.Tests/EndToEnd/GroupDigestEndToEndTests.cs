using DoSon.Bot.Channels.Telegram.Groups;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The ward digest for registered groups, scheduled with Quartz on the app's clock: the real
/// host against the fake Bot API, both on one FakeTimeProvider. 02/03/2026 is a Monday.</summary>
public sealed class GroupDigestEndToEndTests
{
    private const long Board = -1001001;
    private const long Office = -1001002;
    private const long LateGroup = -1001003;
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateOnly Tuesday = new(2026, 3, 3);

    /// <summary>A local time in the ward (UTC+7), as a UTC instant.</summary>
    private static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private static async Task SeedWithGroupsAsync(IBotStore store)
    {
        await WardData.SeedIntoAsync(store);
        var groups = (ITelegramStore)store;
        await groups.RegisterGroupAsync(new TelegramGroup(Board, "Ban Thường vụ Đảng ủy", "CVP", Local(1, 8)));
        await groups.RegisterGroupAsync(new TelegramGroup(Office, "Văn phòng Đảng ủy", "CVP", Local(1, 8)));
    }

    private static async Task<TelegramWorld> StartAsync(FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var world = await TelegramWorld.StartAsync(new FakeTelegramOptions { Clock = clock }, settings, SeedWithGroupsAsync, clock);
        world.Fake.AddGroup(Board, "Ban Thường vụ Đảng ủy", supergroup: true);
        world.Fake.AddGroup(Office, "Văn phòng Đảng ủy");
        world.Fake.AddGroup(LateGroup, "Chi bộ Tổ dân phố 8");
        return world;
    }

    private static GroupDigestService Digests(TelegramWorld world) => world.Bot.Services.GetRequiredService<GroupDigestService>();

    private static Task<DateTimeOffset?> NextAsync(TelegramWorld world, DigestKind kind) =>
        world.Bot.Services.GetRequiredService<ReminderScheduler>().NextGroupDigestAsync(kind.ToString(), CancellationToken.None);

    [Fact]
    public async Task Past_seven_each_registered_group_gets_one_daily_digest_and_on_monday_also_the_weekly_summary()
    {
        var clock = new FakeTimeProvider(Local(2, 6));
        await using var world = await StartAsync(clock);
        (await NextAsync(world, DigestKind.Daily)).Should().Be(Local(2, 7));
        (await NextAsync(world, DigestKind.Weekly)).Should().Be(Local(2, 7));

        var daily = Digests(world).WhenRunAsync(DigestKind.Daily, Monday);
        var weekly = Digests(world).WhenRunAsync(DigestKind.Weekly, Monday);
        await ClockDriver.AdvanceToAsync(clock, Local(2, 7), () => daily.IsCompleted && weekly.IsCompleted);

        (await daily).Delivered.Should().Be(2);
        (await weekly).Delivered.Should().Be(2);
        foreach (var group in new[] { Board, Office })
        {
            var sent = world.Fake.SentTo(group);
            sent.Should().HaveCount(2);
            sent.Should().ContainSingle(m => m.Text!.StartsWith("📊 Báo cáo nhiệm vụ Đảng ủy phường Đồ Sơn — ngày 02/03/2026", StringComparison.Ordinal));
            sent.Should().ContainSingle(m => m.Text!.StartsWith("📊 Tổng kết tuần 02/03 – 08/03/2026", StringComparison.Ordinal));
            sent.Should().OnlyContain(m => m.Date >= Local(2, 7).ToUnixTimeSeconds(), "nothing goes out before the set time");
        }

        (await NextAsync(world, DigestKind.Daily)).Should().Be(Local(3, 7));
        (await NextAsync(world, DigestKind.Weekly)).Should().Be(Local(9, 7));

        var tuesday = Digests(world).WhenRunAsync(DigestKind.Daily, Tuesday);
        await ClockDriver.AdvanceToAsync(clock, Local(3, 7), () => tuesday.IsCompleted);

        (await tuesday).Delivered.Should().Be(2);
        foreach (var group in new[] { Board, Office })
        {
            var sent = world.Fake.SentTo(group);
            sent.Should().HaveCount(3, "Tuesday has the daily digest only");
            sent[^1].Text.Should().StartWith("📊 Báo cáo nhiệm vụ Đảng ủy phường Đồ Sơn — ngày 03/03/2026");
        }

        world.Fake.SentTo(LateGroup).Should().BeEmpty("that group never registered");
        Digests(world).Runs.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_restart_the_same_day_sends_no_group_the_same_digest_again_even_with_a_later_time_set()
    {
        var clock = new FakeTimeProvider(Local(2, 6));
        await using var world = await StartAsync(clock);
        var daily = Digests(world).WhenRunAsync(DigestKind.Daily, Monday);
        var weekly = Digests(world).WhenRunAsync(DigestKind.Weekly, Monday);
        await ClockDriver.AdvanceToAsync(clock, Local(2, 7), () => daily.IsCompleted && weekly.IsCompleted);
        world.Fake.SentTo(Board).Should().HaveCount(2);

        // A group registered after this morning's digest: it waits for the next one.
        await ((ITelegramStore)world.Bot.Store).RegisterGroupAsync(new TelegramGroup(LateGroup, "Chi bộ Tổ dân phố 8", "CVP", Local(2, 7, 30)));

        // Restart at 09:00: this morning's digests were missed by less than Reminders:CatchUpHours, so
        // they are run again at once, and find every group already served.
        clock.Advance(Local(2, 9) - clock.GetUtcNow());
        await world.StopBotAsync();
        await world.StartBotAsync(clock);
        var againDaily = Digests(world).WhenRunAsync(DigestKind.Daily, Monday);
        var againWeekly = Digests(world).WhenRunAsync(DigestKind.Weekly, Monday);
        await ClockDriver.RunUntilAsync(clock, () => againDaily.IsCompleted && againWeekly.IsCompleted, TimeSpan.FromMilliseconds(1));

        (await againDaily).Should().Be(new GroupDigestRun(DigestKind.Daily, Monday, Delivered: 0, AlreadySent: 2));
        (await againWeekly).Should().Be(new GroupDigestRun(DigestKind.Weekly, Monday, Delivered: 0, AlreadySent: 2));

        // Restart again with the daily digest moved to 10:00: today's comes due once more at 10:00 and
        // goes only to the group that has not had it (registered at 07:30, before 10:00).
        await world.StopBotAsync();
        await world.StartBotAsync(clock, new Dictionary<string, string?> { ["Reminders:GroupDigest:DailyTime"] = "10:00" });
        (await NextAsync(world, DigestKind.Daily)).Should().Be(Local(2, 10));
        var atTen = Digests(world).WhenRunAsync(DigestKind.Daily, Monday);
        await ClockDriver.AdvanceToAsync(clock, Local(2, 10), () => atTen.IsCompleted);

        (await atTen).Should().Be(new GroupDigestRun(DigestKind.Daily, Monday, Delivered: 1, AlreadySent: 2));
        world.Fake.SentTo(Board).Should().HaveCount(2);
        world.Fake.SentTo(Office).Should().HaveCount(2);
        world.Fake.SentTo(LateGroup).Should().ContainSingle().Which.Text.Should().Contain("ngày 02/03/2026");
    }

    [Fact]
    public async Task A_digest_time_inside_the_quiet_hours_is_sent_when_they_end()
    {
        var clock = new FakeTimeProvider(Local(2, 5));
        await using var world = await StartAsync(clock, new Dictionary<string, string?>
        {
            ["Reminders:GroupDigest:DailyTime"] = "06:00",
            ["Reminders:GroupDigest:WeeklyDay"] = "",
        });

        (await NextAsync(world, DigestKind.Daily)).Should().Be(Local(2, 7), "quiet hours last until 07:00");
        (await NextAsync(world, DigestKind.Weekly)).Should().BeNull("the weekly summary is off");
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains("06:00 nằm trong giờ yên lặng", StringComparison.Ordinal));

        var daily = Digests(world).WhenRunAsync(DigestKind.Daily, Monday);
        await ClockDriver.AdvanceToAsync(clock, Local(2, 7), () => daily.IsCompleted);

        world.Fake.SentTo(Board).Should().ContainSingle().Which.Date.Should().BeGreaterThanOrEqualTo(Local(2, 7).ToUnixTimeSeconds());
        Digests(world).Runs.Should().ContainSingle();
    }

    [Fact]
    public async Task Turned_off_the_groups_get_nothing_scheduled()
    {
        var clock = new FakeTimeProvider(Local(2, 6));
        await using var world = await StartAsync(clock, new Dictionary<string, string?> { ["Reminders:GroupDigest:Enabled"] = "false" });

        (await NextAsync(world, DigestKind.Daily)).Should().BeNull();
        (await NextAsync(world, DigestKind.Weekly)).Should().BeNull();
    }
}
