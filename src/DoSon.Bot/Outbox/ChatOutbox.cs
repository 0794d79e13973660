using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Outbox;

/// <summary>The senders of every configured chat platform, one each, and the choice of where to
/// reach a member: the first platform (in registration order) on which they have a chat.</summary>
public sealed class ChatOutbox : IDisposable
{
    private readonly List<OutboxSender> _senders;

    public ChatOutbox(IEnumerable<IChatChannel> channels, IOptions<ReminderOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<ChatOutbox>();
        _senders = [.. channels.Select(c => new OutboxSender(c, c.Pace(options.Value.Outbox), time, logger))];
    }

    public IReadOnlyList<OutboxSender> Senders => _senders;

    /// <summary>The one sender of the platform with this name ("telegram", "zalo", "console").</summary>
    public OutboxSender For(string channelName) =>
        _senders.FirstOrDefault(s => s.Channel.Name == channelName)
        ?? throw new InvalidOperationException($"No chat platform named {channelName} is configured.");

    /// <summary>The sender and chat to reach this member on, or null when they have linked no platform.</summary>
    public (OutboxSender Sender, string ChatId)? Route(Member member)
    {
        foreach (var sender in _senders)
        {
            if (sender.Channel.ChatIdOf(member) is { Length: > 0 } chat)
            {
                return (sender, chat);
            }
        }

        return null;
    }

    public void Dispose()
    {
        foreach (var s in _senders)
        {
            s.Dispose();
        }
    }
}
