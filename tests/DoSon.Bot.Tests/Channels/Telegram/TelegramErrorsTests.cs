using System.Net;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Messaging;
using FluentAssertions;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DoSon.Bot.Tests.Channels.Telegram;

public class TelegramErrorsTests
{
    [Fact]
    public void Map_When429_ShouldBeRateLimitedWithTelegramsRetryAfter()
    {
        var failure = TelegramErrors.Map(new ApiRequestException("Too Many Requests: retry after 7", 429, new ResponseParameters { RetryAfter = 7 }));

        failure!.Kind.Should().Be(DeliveryFailureKind.RateLimited);
        failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Map_When429WithoutRetryAfter_ShouldWaitTheDefault()
    {
        var failure = TelegramErrors.Map(new ApiRequestException("Too Many Requests", 429));

        failure!.Kind.Should().Be(DeliveryFailureKind.RateLimited);
        failure.RetryAfter.Should().Be(TelegramErrors.DefaultRetryAfter);
    }

    [Theory]
    [InlineData(403, DeliveryFailureKind.Blocked)]
    [InlineData(400, DeliveryFailureKind.Permanent)]
    [InlineData(404, DeliveryFailureKind.Permanent)]
    [InlineData(401, DeliveryFailureKind.Permanent)]
    [InlineData(500, DeliveryFailureKind.Transient)]
    [InlineData(502, DeliveryFailureKind.Transient)]
    public void Map_WhenTelegramAnswersAnError_ShouldClassifyItByCode(int code, DeliveryFailureKind kind)
    {
        var failure = TelegramErrors.Map(new ApiRequestException("Telegram said no", code));

        failure!.Kind.Should().Be(kind);
        failure.RetryAfter.Should().BeNull();
        failure.Message.Should().Contain(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Map_WhenTheRequestTimedOutOrTheNetworkFailed_ShouldBeTransient()
    {
        TelegramErrors.Map(new RequestException("Bot API Request timed out", new TaskCanceledException()))!.Kind.Should().Be(DeliveryFailureKind.Transient);
        TelegramErrors.Map(new RequestException("Bot API Service Failure", new HttpRequestException("Connection refused")))!.Kind.Should().Be(DeliveryFailureKind.Transient);
        TelegramErrors.Map(new HttpRequestException("Connection reset"))!.Kind.Should().Be(DeliveryFailureKind.Transient);
        TelegramErrors.Map(new RequestException("Required properties not found in response", HttpStatusCode.BadGateway))!.Kind.Should().Be(DeliveryFailureKind.Transient);
    }

    [Fact]
    public void Map_WhenAnUnreadable4xxCameBack_ShouldBePermanent()
    {
        TelegramErrors.Map(new RequestException("Required properties not found in response", HttpStatusCode.NotFound))!.Kind.Should().Be(DeliveryFailureKind.Permanent);
    }

    [Fact]
    public void Map_WhenTheExceptionIsNotAboutDelivery_ShouldGiveNull()
    {
        TelegramErrors.Map(new InvalidOperationException("a bug")).Should().BeNull();
    }
}
