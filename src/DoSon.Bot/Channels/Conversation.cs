using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels;

/// <summary>The platform-independent part of a chat: a known member's text in, what to answer out.
/// A command goes to the router; other text may be a short answer about the member's current task
/// (<see cref="ShortAnswers"/>), the same on Zalo, Telegram and the console.</summary>
public sealed class Conversation(CommandRouter router, ShortAnswers shortAnswers)
{
    public ValueTask<Reply> AnswerAsync(Member member, string? text, string channel, CancellationToken cancellationToken) =>
        AnswerAsync(member, CommandParser.Parse(text), channel, cancellationToken);

    /// <summary>A message the adapter has parsed already (to link, or to see whom a group message addresses).</summary>
    public async ValueTask<Reply> AnswerAsync(Member member, ParsedCommand command, string channel, CancellationToken cancellationToken)
    {
        if (command is { Kind: ParsedCommandKind.NotACommand, IsTooLong: false }
            && await shortAnswers.AnswerAsync(member, command.Text, channel, cancellationToken) is { } answer)
        {
            return answer;
        }

        return await router.RouteAsync(member, command, channel, cancellationToken);
    }

    /// <summary>A photo's address: a note on the member's current task, or null when there is no one task to put it on.</summary>
    public ValueTask<Reply?> AttachPhotoAsync(Member member, string address, string channel, CancellationToken cancellationToken) =>
        shortAnswers.AttachPhotoAsync(member, address, channel, cancellationToken);
}
