using DoSon.Bot.Channels.Telegram.Groups;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>When the registered groups get the ward digest. 02/03/2026 is a Monday; times are the
/// ward's (UTC+7).</summary>
public class GroupDigestScheduleTests
{
    private static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private static GroupDigestSchedule Schedule(Action<ReminderOptions>? change = null)
    {
        var options = new ReminderOptions();
        change?.Invoke(options);
        return new GroupDigestSchedule(options);
    }

    [Fact]
    public void First_BeforeTheTime_ShouldBeTodaysDigestsAtTheSetTimes()
    {
        var schedule = Schedule(o => o.GroupDigest.WeeklyTime = "08:15");

        schedule.First(DigestKind.Daily, Local(2, 6)).Should().Be(new GroupDigestOccurrence(DigestKind.Daily, new DateOnly(2026, 3, 2), Local(2, 7)));
        schedule.First(DigestKind.Weekly, Local(2, 6)).Should().Be(new GroupDigestOccurrence(DigestKind.Weekly, new DateOnly(2026, 3, 2), Local(2, 8, 15)));
    }

    [Fact]
    public void First_WhenTodaysDigestWasMissedWithinTheCatchUpWindow_ShouldSendItNow()
    {
        var now = Local(2, 9);

        Schedule().First(DigestKind.Daily, now).Should().Be(new GroupDigestOccurrence(DigestKind.Daily, new DateOnly(2026, 3, 2), now));
    }

    [Theory]
    [InlineData(20, 12)] // 13 hours after 07:00: beyond the catch-up window
    [InlineData(9, 0)] // two hours late, with catching up turned off
    public void First_WhenTheMissedDigestIsTooOld_ShouldBeTheNextOne(int hour, double catchUpHours)
    {
        var schedule = Schedule(o => o.CatchUpHours = catchUpHours);

        schedule.First(DigestKind.Daily, Local(2, hour)).At.Should().Be(Local(3, 7));
        schedule.First(DigestKind.Weekly, Local(2, hour)).At.Should().Be(Local(9, 7));
    }

    [Fact]
    public void Next_ShouldBeTheFollowingDayOrWeekAndSkipWhatAJumpingClockLeftBehind()
    {
        var schedule = Schedule(o => o.GroupDigest.WeeklyDay = "Chủ nhật");

        schedule.Next(DigestKind.Daily, new DateOnly(2026, 3, 2), Local(2, 7)).At.Should().Be(Local(3, 7));
        schedule.Next(DigestKind.Weekly, new DateOnly(2026, 3, 1), Local(2, 7)).Should()
            .Be(new GroupDigestOccurrence(DigestKind.Weekly, new DateOnly(2026, 3, 8), Local(8, 7)));
        schedule.Next(DigestKind.Daily, new DateOnly(2026, 3, 2), Local(5, 8)).At.Should().Be(Local(6, 7));
    }

    [Fact]
    public void A_time_inside_the_quiet_hours_moves_to_their_end()
    {
        var schedule = Schedule(o => o.GroupDigest.DailyTime = "22:30");

        schedule.At(DigestKind.Daily, new DateOnly(2026, 3, 2)).Should().Be(Local(3, 7));
        schedule.QuietTime(DigestKind.Daily).Should().Be(new TimeOnly(22, 30));
        schedule.QuietTime(DigestKind.Weekly).Should().BeNull();
    }

    [Fact]
    public void Kinds_FollowTheSettings()
    {
        Schedule().Kinds.Should().Equal(DigestKind.Daily, DigestKind.Weekly);
        Schedule(o => o.GroupDigest.WeeklyDay = "").Kinds.Should().Equal(DigestKind.Daily);
        Schedule(o => o.GroupDigest.DailyTime = "").Kinds.Should().Equal(DigestKind.Weekly);
        Schedule(o => o.GroupDigest.Enabled = false).Kinds.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Monday", DayOfWeek.Monday)]
    [InlineData("friday", DayOfWeek.Friday)]
    [InlineData("Thứ Hai", DayOfWeek.Monday)]
    [InlineData("chủ nhật", DayOfWeek.Sunday)]
    public void TryParseDay_AcceptsEnglishAndVietnameseNames(string text, DayOfWeek day)
    {
        GroupDigestSchedule.TryParseDay(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(day);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Thứ 2")]
    [InlineData("T2")]
    [InlineData("Monday, Tuesday")]
    [InlineData("")]
    public void TryParseDay_RefusesAnythingElse(string text) =>
        GroupDigestSchedule.TryParseDay(text, out _).Should().BeFalse();

    [Fact]
    public void Wrong_group_digest_settings_are_refused_with_messages_naming_the_key()
    {
        var options = new ReminderOptions();
        options.GroupDigest.DailyTime = "7h";
        options.GroupDigest.WeeklyDay = "Thứ 2";
        options.GroupDigest.WeeklyTime = "25:00";

        var result = new ReminderOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().Contain(f => f.Contains("Reminders:GroupDigest:DailyTime", StringComparison.Ordinal) && f.Contains("«7h»", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.Contains("Reminders:GroupDigest:WeeklyDay", StringComparison.Ordinal) && f.Contains("Thứ Hai", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.Contains("Reminders:GroupDigest:WeeklyTime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_telegram_no_group_digest_is_scheduled()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, BotHost.March1);
        var scheduler = bot.Host.Services.GetRequiredService<ReminderScheduler>();

        (await scheduler.NextGroupDigestAsync(nameof(DigestKind.Daily), CancellationToken.None)).Should().BeNull();
        (await scheduler.NextGroupDigestAsync(nameof(DigestKind.Weekly), CancellationToken.None)).Should().BeNull();
        bot.Host.Services.GetRequiredService<GroupDigestService>().Schedule.Kinds.Should().HaveCount(2, "it is on, but there is no group to send to");
    }
}
