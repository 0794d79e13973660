using DoSon.Bot.Domain;
using Microsoft.Extensions.Options;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Channels.Console;

/// <summary>The terminal as a chat platform: whatever is sent to any member is printed, headed by
/// whom it is for, so a demo shows every reminder the bot would send.</summary>
public sealed class ConsoleChannel(ConsoleIo io, IOptions<ConsoleChatOptions> options, IBotStore store) : IChatChannel
{
    private long _next;

    public string Name => "console";

    public string? ChatIdOf(Member member) => member.Code;

    public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var header = ConsoleTexts.Heading(await store.FindMemberAsync(message.ChatId, cancellationToken), message.ChatId,
            string.Equals(message.ChatId, options.Value.Member, StringComparison.OrdinalIgnoreCase));
        io.WriteBlock($"{header}\n{ConsoleFormat.Render(message.Content)}");
        return new SentMessage(message.ChatId, Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
