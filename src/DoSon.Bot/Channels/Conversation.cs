using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels;

/// <summary>The platform-independent part of a chat: a known member's text in, what to answer out.</summary>
public sealed class Conversation(CommandRouter router)
{
    public ValueTask<Reply> AnswerAsync(Member member, string? text, string channel, CancellationToken cancellationToken) =>
        router.RouteAsync(member, text, channel, cancellationToken);

    /// <summary>A message the adapter has parsed already (to link, or to see whom a group message addresses).</summary>
    public ValueTask<Reply> AnswerAsync(Member member, ParsedCommand command, string channel, CancellationToken cancellationToken) =>
        router.RouteAsync(member, command, channel, cancellationToken);
}
