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
}
