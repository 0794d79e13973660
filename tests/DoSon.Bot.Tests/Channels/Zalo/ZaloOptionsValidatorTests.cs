using DoSon.Bot.Channels.Zalo;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels.Zalo;

public class ZaloOptionsValidatorTests
{
    private const string GoodToken = "738499441022218443:fake-secret-for-the-tests";

    private static List<string> Failures(ZaloOptions options) =>
        new ZaloOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_WhenNoTokenIsSet_ShouldPass()
    {
        Failures(new ZaloOptions()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("not-a-token-secret-value")]
    [InlineData("738499441022218443:short")]
    [InlineData("738499441022218443:has/a/slash-in-the-secret")]
    public void Validate_WhenTheTokenHasTheWrongShape_ShouldNameTheKeyButNeverRepeatTheToken(string token)
    {
        var failures = Failures(new ZaloOptions { BotToken = token });

        failures.Should().ContainSingle(f => f.Contains("Zalo:BotToken"));
        failures.Should().NotContain(f => f.Contains(token));
    }

    [Fact]
    public void Validate_WhenNumbersAreOutOfRangeOrTheBaseUrlIsNotHttp_ShouldNameEachKey()
    {
        var failures = Failures(new ZaloOptions
        {
            BotToken = GoodToken,
            BaseUrl = "ftp://bot-api.example",
            PollTimeoutSeconds = 0,
            RequestTimeoutSeconds = 0,
            RateLimitedWaitSeconds = 0,
        });

        failures.Should().HaveCount(4);
        foreach (var key in new[] { "Zalo:BaseUrl", "Zalo:PollTimeoutSeconds", "Zalo:RequestTimeoutSeconds", "Zalo:RateLimitedWaitSeconds" })
        {
            failures.Should().Contain(f => f.Contains(key));
        }
    }

    [Fact]
    public void Validate_WhenEverythingIsRight_ShouldPass()
    {
        Failures(new ZaloOptions { BotToken = GoodToken, BaseUrl = "http://127.0.0.1:5000" }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    [InlineData("has a space in it")]
    public void Validate_WhenTheWebhookSecretIsMissingOrShortOrHasSpaces_ShouldNameTheKeyInOneSentence(string secret)
    {
        var failures = Failures(new ZaloOptions { BotToken = GoodToken, WebhookUrl = "https://bot.example.vn/zalo/webhook", WebhookSecret = secret });

        failures.Should().ContainSingle().Which.Should().StartWith("Zalo:WebhookSecret").And.Contain("8 đến 256");
    }

    [Fact]
    public void Validate_WhenTheWebhookSecretIsLongerThan256_ShouldFail()
    {
        Failures(new ZaloOptions { BotToken = GoodToken, WebhookUrl = "https://bot.example.vn/hook", WebhookSecret = new string('a', 257) })
            .Should().ContainSingle(f => f.StartsWith("Zalo:WebhookSecret", StringComparison.Ordinal));
        Failures(new ZaloOptions { BotToken = GoodToken, WebhookUrl = "https://bot.example.vn/hook", WebhookSecret = new string('a', 256) })
            .Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenTheWebhookUrlIsNotHttps_ShouldNameTheKey()
    {
        Failures(new ZaloOptions { BotToken = GoodToken, WebhookUrl = "http://bot.example.vn/hook", WebhookSecret = "bi-mat-du-dai" })
            .Should().ContainSingle().Which.Should().StartWith("Zalo:WebhookUrl");
    }

    [Fact]
    public void WebhookServerCheck_WhenTheWebServerIsOff_ShouldSayToTurnItOn()
    {
        var web = Microsoft.Extensions.Options.Options.Create(new DoSon.Bot.Web.WebOptions { Enabled = false });
        var options = new ZaloOptions { BotToken = GoodToken, WebhookUrl = "https://bot.example.vn/hook", WebhookSecret = "bi-mat-du-dai" };

        new ZaloWebhookServerCheck(web).Validate(null, options).Failures.Should().ContainSingle()
            .Which.Should().Contain("Zalo:WebhookUrl").And.Contain("Web:Enabled");
        new ZaloWebhookServerCheck(Microsoft.Extensions.Options.Options.Create(new DoSon.Bot.Web.WebOptions())).Validate(null, options).Succeeded.Should().BeTrue();
    }
}
