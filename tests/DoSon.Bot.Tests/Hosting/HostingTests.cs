using DoSon.Bot.Cli;
using DoSon.Bot.Hosting;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Hosting;

public class HostingTests
{
    [Fact]
    public void CommandLine_separates_settings_from_a_verb_and_its_flags()
    {
        var line = CommandLine.Parse(["import", "tệp.json", "--dry-run", "--Storage:DatabasePath=x.db"]);

        line.Verb.Should().Be("import");
        line.VerbArguments.Should().Equal("tệp.json", "--dry-run");
        line.ConfigurationArguments.Should().Equal("--Storage:DatabasePath=x.db");
    }

    [Fact]
    public void CommandLine_without_a_verb_runs_the_bot()
    {
        var line = CommandLine.Parse(["--Clock:Speed=60", "--Clock:Start=2026-03-01T07:00:00+07:00"]);

        line.Verb.Should().BeNull();
        line.ConfigurationArguments.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_wrong_setting_stops_the_host_with_a_message_naming_the_key()
    {
        await using var bot = await BotHarness.CreateAsync(new Dictionary<string, string?> { ["Clock:Speed"] = "-1" });

        var act = () => bot.Host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Clock:Speed");
    }

    [Fact]
    public async Task An_empty_console_member_is_refused_with_its_key()
    {
        await using var bot = await BotHarness.CreateAsync(new Dictionary<string, string?> { ["Console:Member"] = "" }, seedWard: false);

        var act = () => bot.Host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Console:Member");
    }

    [Fact]
    public void ScaledTimeProvider_starts_at_the_given_instant_and_runs_faster()
    {
        var real = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.FromHours(7));
        var scaled = new ScaledTimeProvider(real, start, speed: 60);

        real.Advance(TimeSpan.FromMinutes(2));

        scaled.GetUtcNow().Should().Be(start.AddHours(2));
        scaled.LocalTimeZone.Id.Should().Be("Asia/Ho_Chi_Minh");
    }

    [Fact]
    public void ScaledTimeProvider_timers_fire_after_the_scaled_delay()
    {
        var real = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var scaled = new ScaledTimeProvider(real, real.GetUtcNow(), speed: 60);
        var fired = 0;
        using var timer = scaled.CreateTimer(_ => fired++, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromSeconds(59));
        fired.Should().Be(0);
        real.Advance(TimeSpan.FromSeconds(1));
        fired.Should().Be(1);
    }
}
