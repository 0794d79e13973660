using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Extensions.Options;

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

    [Fact]
    public void Validate_WhenTheOldWebhookListenUrlIsLeft_ShouldSayWhatReplacedIt()
    {
        Failures(new TelegramOptions { WebhookListenUrl = "http://127.0.0.1:8088" })
            .Should().ContainSingle().Which.Should().Contain("Telegram:WebhookListenUrl").And.Contain("Web:ListenUrls");
    }

    [Fact]
    public void Validate_WhenTheWebhookHasNoWebServer_ShouldRefuseNamingWebEnabled()
    {
        var webhook = new TelegramOptions { WebhookUrl = "https://bot.example.vn/telegram/webhook", WebhookSecret = "bi-mat_123" };
        var off = new TelegramWebhookServerCheck(Options.Create(new WebOptions { Enabled = false })).Validate(null, webhook);
        off.Failed.Should().BeTrue();
        off.FailureMessage.Should().Contain("Web:Enabled");
        new TelegramWebhookServerCheck(Options.Create(new WebOptions())).Validate(null, webhook).Succeeded.Should().BeTrue();
        new TelegramWebhookServerCheck(Options.Create(new WebOptions { Enabled = false })).Validate(null, new TelegramOptions()).Succeeded.Should().BeTrue("polling needs no web server");
    }
}
