using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands;

/// <summary>Who is asking, from where, and what they typed after the command name.</summary>
public sealed record CommandContext(Member Caller, string Arguments, string Channel)
{
    public IReadOnlyList<string> Words { get; } = CommandParser.Words(Arguments);
}

/// <summary>One chat command. Handlers return what to say; they never talk to a chat platform.</summary>
public interface ICommandHandler
{
    /// <summary>The name without the slash, lowercase ASCII (Telegram allows only a-z, 0-9 and _).</summary>
    string Name { get; }

    /// <summary>How to call it, e.g. "/capnhat &lt;mã&gt; &lt;phần trăm&gt; [ghi chú]".</summary>
    string Usage { get; }

    /// <summary>One line of Vietnamese for /trogiup and Telegram's command menu.</summary>
    string Description { get; }

    MemberRole MinimumRole { get; }

    ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
