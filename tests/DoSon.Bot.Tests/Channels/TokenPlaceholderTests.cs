using DoSon.Bot.Channels;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.Hosting;
using DoSon.Bot.Tests.Docs;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Hosting;
using FakeApis = DoSon.Bot.FakeApis;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

/// <summary>Issue 10, item 7: a token copied from an example and never filled in stops the start,
/// instead of the bot retrying its connection for ever.</summary>
public sealed class TokenPlaceholderTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static string ExampleValue(string key) =>
        File.ReadLines(RepositoryFiles.PathOf("deploy", "env.example"))
            .Select(l => l.TrimStart('#'))
            .First(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    [Theory]
    [InlineData("123456:ABC...")]
    [InlineData("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")]
    [InlineData("1234567890123456789:AbCdEf...")]
    [InlineData("123456:<token>")]
    [InlineData("123456:your-token-here-0000000000000")]
    [InlineData("123456:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("000000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void A_token_from_an_example_is_a_placeholder(string token)
    {
        TokenPlaceholder.IsPlaceholder(token).Should().BeTrue();
    }

    [Fact]
    public void The_tokens_in_env_example_are_placeholders()
    {
        TokenPlaceholder.IsPlaceholder(ExampleValue("Telegram__BotToken")).Should().BeTrue();
        TokenPlaceholder.IsPlaceholder(ExampleValue("Zalo__BotToken")).Should().BeTrue();
    }

    [Theory]
    [InlineData("123456:ABCdefGHIjklMNOpqrSTUvwxYZ_0123-45")]
    [InlineData("738499441022218443:fake-secret-for-the-tests")]
    [InlineData("987654:TEST-long-and-plainly-fake-token-for-the-tests")]
    public void A_real_looking_or_test_token_is_not_a_placeholder(string token)
    {
        TokenPlaceholder.IsPlaceholder(token).Should().BeFalse();
    }

    [Fact]
    public void The_fake_servers_tokens_are_not_placeholders()
    {
        TokenPlaceholder.IsPlaceholder(new FakeApis.Telegram.FakeTelegramOptions().Token).Should().BeFalse();
        TokenPlaceholder.IsPlaceholder(new FakeApis.Zalo.FakeZaloOptions().Token).Should().BeFalse();
    }

    [Fact]
    public void The_validators_say_the_token_was_never_filled_in_without_repeating_it()
    {
        var telegram = new TelegramOptionsValidator().Validate(null, new TelegramOptions { BotToken = "123456:ABC-replace-with-the-token-from-BotFather" });
        var zalo = new ZaloOptionsValidator().Validate(null, new ZaloOptions { BotToken = "replace-with-the-token-from-Zalo-Bot-Manager" });

        telegram.Failures.Should().Equal(TelegramTexts.TokenNeverFilledIn);
        zalo.Failures.Should().Equal(ZaloTexts.TokenNeverFilledIn);
        TelegramTexts.TokenNeverFilledIn.Should().StartWith("Telegram:BotToken chưa được điền");
        ZaloTexts.TokenNeverFilledIn.Should().StartWith("Zalo:BotToken chưa được điền");
    }

    [Theory]
    [InlineData("Telegram__BotToken", "--Telegram:BotToken=", TelegramTexts.TokenNeverFilledIn)]
    [InlineData("Zalo__BotToken", "--Zalo:BotToken=", ZaloTexts.TokenNeverFilledIn)]
    public async Task The_bot_started_with_the_env_example_token_stops_with_one_sentence_and_exit_2(string key, string setting, string sentence)
    {
        var outcome = await ProgramRun.InProcess(_db.Folder, setting + ExampleValue(key), $"--Storage:DatabasePath={_db.Path}");

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Output.Should().BeEmpty();
        outcome.Error.Should().Be(HostingTexts.SettingsHeader + "\n" + sentence + Environment.NewLine);
        File.Exists(_db.Path).Should().BeFalse();
    }
}
