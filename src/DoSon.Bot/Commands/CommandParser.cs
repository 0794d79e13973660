namespace DoSon.Bot.Commands;

public enum ParsedCommandKind
{
    /// <summary>Nothing but spaces and control characters.</summary>
    Empty,

    /// <summary>Text that does not start with '/'.</summary>
    NotACommand,

    /// <summary>"/name args"; the name may be empty (a lone "/").</summary>
    Command,
}

/// <summary>One message, parsed once for every chat: the command router, Telegram (linking, a group
/// command addressed to the bot by name) and Zalo (linking) read the same fields.</summary>
/// <param name="Text">The message cleaned (<see cref="CommandRouter.Clean"/>): NFC, no control characters but line breaks, trimmed.</param>
/// <param name="Token">What follows the slash up to the first space or line break, as typed ("Nhiệm_vụ@DoSonBot").</param>
/// <param name="Name">The token normalised by <see cref="CommandRouter.NormalizeName"/> ("nhiemvu"); "" when not a command.</param>
/// <param name="Target">The bot's name after '@' ("DoSonBot"), or null.</param>
/// <param name="Arguments">The rest after the token, trimmed; line breaks inside it are kept.</param>
public sealed record ParsedCommand(ParsedCommandKind Kind, string Text, string Token, string Name, string? Target, string Arguments)
{
    public bool IsCommand => Kind == ParsedCommandKind.Command;

    /// <summary>Longer than the command core reads (<see cref="CommandRouter.MaxMessageLength"/>).</summary>
    public bool IsTooLong => Text.Length > CommandRouter.MaxMessageLength;

    /// <summary>The arguments' words, split at spaces and line breaks.</summary>
    public IReadOnlyList<string> Words { get; } = CommandParser.Words(Arguments);
}

public static class CommandParser
{
    private static readonly char[] Separators = [' ', '\n'];

    public static ParsedCommand Parse(string? text)
    {
        var clean = CommandRouter.Clean(text);
        if (clean.Length == 0)
        {
            return new(ParsedCommandKind.Empty, clean, "", "", null, "");
        }

        if (clean[0] != '/')
        {
            return new(ParsedCommandKind.NotACommand, clean, "", "", null, "");
        }

        // Clean has turned tabs and carriage returns into spaces.
        var end = clean.IndexOfAny(Separators);
        var token = end < 0 ? clean[1..] : clean[1..end];
        var at = token.IndexOf('@', StringComparison.Ordinal);
        var target = at >= 0 ? token[(at + 1)..] : null;
        var arguments = end < 0 ? "" : clean[(end + 1)..].Trim();
        return new(ParsedCommandKind.Command, clean, token, CommandRouter.NormalizeName(token), target, arguments);
    }

    public static IReadOnlyList<string> Words(string arguments) =>
        arguments.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
