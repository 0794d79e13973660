using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels;

/// <summary>The platform-independent part of a chat: a known member's text in, what to answer out.</summary>
public sealed class Conversation(CommandRouter router)
{
    public ValueTask<Reply> AnswerAsync(Member member, string? text, string channel, CancellationToken cancellationToken) =>
        router.RouteAsync(member, text, channel, cancellationToken);
}
