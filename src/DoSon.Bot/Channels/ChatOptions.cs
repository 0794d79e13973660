using System.Globalization;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels;

/// <summary>Flood control per sender (see <see cref="FloodGate"/>) and how many chats are handled at
/// once (see <see cref="ChatPartitions{T}"/>), the same on Telegram and Zalo.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>A stranger (an account linked to no member) gets the "not linked" answer at most once in
    /// this many minutes; what they send in between is dropped without an answer.</summary>
    public double StrangerAnswerEveryMinutes { get; set; } = 10;

    /// <summary>How many messages (and button taps) of one linked member are handled in any minute; the
    /// next gets one "slow down" answer, and the rest of that minute are dropped.</summary>
    public int MaxMessagesPerMinute { get; set; } = 20;

    /// <summary>How many chats have an update handled at the same time (each chat's own updates are
    /// handled one after another, in the order they arrived).</summary>
    public int MaxConcurrentChats { get; set; } = 8;

    /// <summary>How many updates of one platform may be taken and not yet handled; when this many are
    /// waiting, the bot takes no more from the platform until some are done.</summary>
    public int MaxQueuedUpdates { get; set; } = 1000;
}

public sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var failures = new List<string>();
        if (!(options.StrangerAnswerEveryMinutes is > 0 and <= 1440))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Chat:StrangerAnswerEveryMinutes = {options.StrangerAnswerEveryMinutes} không hợp lệ: phải lớn hơn 0 và không quá 1440 phút (mặc định 10)."));
        }

        if (options.MaxMessagesPerMinute is < 1 or > 1000)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Chat:MaxMessagesPerMinute = {options.MaxMessagesPerMinute} không hợp lệ: phải từ 1 đến 1000 tin nhắn một phút (mặc định 20)."));
        }

        if (options.MaxConcurrentChats is < 1 or > 256)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Chat:MaxConcurrentChats = {options.MaxConcurrentChats} không hợp lệ: phải từ 1 đến 256 cuộc trò chuyện (mặc định 8)."));
        }

        if (options.MaxQueuedUpdates is < 1 or > 100_000)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Chat:MaxQueuedUpdates = {options.MaxQueuedUpdates} không hợp lệ: phải từ 1 đến 100000 tin nhắn đang chờ (mặc định 1000)."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
