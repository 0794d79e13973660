using System.Globalization;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels;

/// <summary>Flood control per sender, the same on Telegram and Zalo (see <see cref="FloodGate"/>).</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>A stranger (an account linked to no member) gets the "not linked" answer at most once in
    /// this many minutes; what they send in between is dropped without an answer.</summary>
    public double StrangerAnswerEveryMinutes { get; set; } = 10;

    /// <summary>How many messages (and button taps) of one linked member are handled in any minute; the
    /// next gets one "slow down" answer, and the rest of that minute are dropped.</summary>
    public int MaxMessagesPerMinute { get; set; } = 20;
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
