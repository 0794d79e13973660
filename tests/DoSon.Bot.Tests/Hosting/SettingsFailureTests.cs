using DoSon.Bot.Hosting;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Configuration;

namespace DoSon.Bot.Tests.Hosting;

/// <summary>Issue 8, item 7: a wrong setting is one Vietnamese sentence naming its key, exit 2, and nothing else.</summary>
public sealed class SettingsFailureTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private Task<ProgramRun.Outcome> Run(params string[] args) =>
        ProgramRun.InProcess(_db.Folder, [.. args, $"--Storage:DatabasePath={_db.Path}"]);

    private static string Only(params string[] sentences) =>
        HostingTexts.SettingsHeader + "\n" + string.Join("\n", sentences) + Environment.NewLine;

    [Theory]
    [InlineData("--Clock:Speed=abc", "Clock:Speed", "abc", HostingTexts.ExpectNumber)]
    [InlineData("--Clock:Speed=1,5", "Clock:Speed", "1,5", HostingTexts.ExpectNumber)]
    [InlineData("--Clock:Start=13/03/2026", "Clock:Start", "13/03/2026", HostingTexts.ExpectInstant)]
    [InlineData("--Clock:Start=01/03/2026", "Clock:Start", "01/03/2026", HostingTexts.ExpectInstant)]
    [InlineData("--Clock:Start=2026-03-01T07:00:00", "Clock:Start", "2026-03-01T07:00:00", HostingTexts.ExpectInstant)]
    [InlineData("--Invites:ValidDays=bảy", "Invites:ValidDays", "bảy", HostingTexts.ExpectNumber)]
    [InlineData("--Backup:KeepDaily=14.5", "Backup:KeepDaily", "14.5", HostingTexts.ExpectInteger)]
    public async Task A_setting_that_cannot_be_read_is_named_in_one_sentence_with_exit_2(string setting, string key, string value, string hint)
    {
        var outcome = await Run(setting);

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Output.Should().BeEmpty();
        outcome.Error.Should().Be(Only(HostingTexts.CannotRead(key, value, hint)));
        File.Exists(_db.Path).Should().BeFalse();
    }

    [Fact]
    public async Task A_verb_refuses_a_setting_that_cannot_be_read_before_it_does_anything()
    {
        var outcome = await Run("template", Path.Combine(_db.Folder, "mau.xlsx"), "--Clock:Speed=nhanh");

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Error.Should().Be(Only(HostingTexts.CannotRead("Clock:Speed", "nhanh", HostingTexts.ExpectNumber)));
        File.Exists(Path.Combine(_db.Folder, "mau.xlsx")).Should().BeFalse();
    }

    [Fact]
    public async Task A_setting_out_of_range_prints_only_its_own_vietnamese_sentence()
    {
        var outcome = await Run("--Clock:Speed=-1");

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Error.Should().Be(Only("Clock:Speed phải là số dương (1 = thời gian thực, 60 = một phút thành một giờ)."));
        File.Exists(_db.Path).Should().BeFalse();
    }

    [Fact]
    public async Task Every_wrong_setting_is_listed_at_once()
    {
        var outcome = await Run("--Clock:Speed=abc", "--Clock:Start=13/03/2026");

        outcome.Error.Should().Be(Only(
            HostingTexts.CannotRead("Clock:Start", "13/03/2026", HostingTexts.ExpectInstant),
            HostingTexts.CannotRead("Clock:Speed", "abc", HostingTexts.ExpectNumber)));
    }

    [Theory]
    [InlineData("2026-03-01T07:00:00+07:00")]
    [InlineData("2026-03-01T07:00+07:00")]
    [InlineData("2026-03-01T00:00:00Z")]
    public void An_iso_instant_with_an_offset_is_accepted(string start)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clock:Start"] = start }).Build();

        SettingsCheck.Problems(configuration).Should().BeEmpty();
        configuration.GetSection(ClockOptions.Section).Get<ClockOptions>()!.Start.Should().Be(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Every_setting_of_the_example_and_the_defaults_is_read_without_a_complaint()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.example.json"))
            .AddJsonFile(Path.Combine(root, "src", "DoSon.Bot", "appsettings.json"))
            .Build();

        SettingsCheck.Problems(configuration).Should().BeEmpty();
    }

    [Fact]
    public async Task As_a_real_process_a_wrong_setting_prints_its_sentence_and_nothing_else()
    {
        var outcome = await ProgramRun.AsProcess(_db.Folder, "--Clock:Speed=abc", $"--Storage:DatabasePath={_db.Path}");

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Output.Should().BeEmpty();
        outcome.Error.Should().Be(Only(HostingTexts.CannotRead("Clock:Speed", "abc", HostingTexts.ExpectNumber)));
        File.Exists(_db.Path).Should().BeFalse();
    }

    [Fact]
    public async Task As_a_real_process_a_validation_failure_prints_its_sentence_and_nothing_else()
    {
        var outcome = await ProgramRun.AsProcess(_db.Folder, "--Clock:Speed=0", $"--Storage:DatabasePath={_db.Path}");

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Output.Should().BeEmpty();
        outcome.Error.Should().Be(Only("Clock:Speed phải là số dương (1 = thời gian thực, 60 = một phút thành một giờ)."));
    }
}
