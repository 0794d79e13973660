using DoSon.Bot.Channels;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

public sealed class ChatOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() =>
        new ChatOptionsValidator().Validate(null, new ChatOptions()).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData(0, 1000, "Chat:MaxConcurrentChats")]
    [InlineData(257, 1000, "Chat:MaxConcurrentChats")]
    [InlineData(8, 0, "Chat:MaxQueuedUpdates")]
    [InlineData(8, 100_001, "Chat:MaxQueuedUpdates")]
    public void A_concurrency_setting_out_of_range_is_refused_naming_its_key(int chats, int queued, string key)
    {
        var result = new ChatOptionsValidator().Validate(null, new ChatOptions { MaxConcurrentChats = chats, MaxQueuedUpdates = queued });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(key);
    }
}
