using DoSon.Bot.Channels;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

public class InviteOptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public void Validate_WhenTheValidityIsOutOfRange_ShouldNameTheKey(double days)
    {
        var result = new InviteOptionsValidator().Validate(null, new InviteOptions { ValidDays = days });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Invites:ValidDays");
    }

    [Fact]
    public void Validate_ByDefault_ShouldPassWithSevenDays()
    {
        var options = new InviteOptions();

        options.ValidDays.Should().Be(7);
        new InviteOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }
}
