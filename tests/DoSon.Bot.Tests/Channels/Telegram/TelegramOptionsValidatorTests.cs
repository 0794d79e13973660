using DoSon.Bot.Channels.Telegram;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels.Telegram;

public class TelegramOptionsValidatorTests
{
    private static List<string> Failures(TelegramOptions options) =>
        new TelegramOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_WhenNoTokenIsSet_ShouldPass()
    {
        Failures(new TelegramOptions()).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenTheTokenHasTheWrongShape_ShouldNameTheKeyButNeverRepeatTheToken()
    {
        var failures = Failures(new TelegramOptions { BotToken = "not-a-token-secret-value" });

        failures.Should().ContainSingle(f => f.Contains("Telegram:BotToken"));
        failures.Should().NotContain(f => f.Contains("not-a-token-secret-value"));
    }

    [Fact]
    public void Validate_WhenTheWebhookHasNoSecretOrIsNotHttps_ShouldRefuse()
    {
        var failures = Failures(new TelegramOptions
        {
            BotToken = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_0123-45",
            WebhookUrl = "http://bot.example.vn/hook",
        });

        failures.Should().Contain(f => f.Contains("Telegram:WebhookUrl")).And.Contain(f => f.Contains("Telegram:WebhookSecret"));
    }

    [Fact]
    public void Validate_WhenEverythingIsRight_ShouldPass()
    {
        Failures(new TelegramOptions
        {
            BotToken = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_0123-45",
            BaseUrl = "http://localhost:8081",
            BotUsername = "@DoSonBot",
            WebhookUrl = "https://bot.example.vn/telegram/webhook",
            WebhookSecret = "bi-mat_123",
        }).Should().BeEmpty();
    }
}
