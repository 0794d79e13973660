using System.Globalization;
using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands;

/// <summary>Finds the handler for "/name args" and enforces its minimum role. Any text at all, however
/// long or strange, gets an answer rather than an exception.</summary>
public sealed class CommandRouter
{
    public const int MaxMessageLength = 4000;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["help"] = "trogiup",
        ["start"] = "trogiup",
        ["menu"] = "trogiup",
    };

    private readonly Dictionary<string, ICommandHandler> _handlers;

    public CommandRouter(IEnumerable<ICommandHandler> handlers)
    {
        _handlers = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<ICommandHandler> Handlers => _handlers.Values;

    /// <summary>The commands a member of this role may use, in a stable order for menus.</summary>
    public IReadOnlyList<ICommandHandler> AvailableTo(MemberRole role) =>
        _handlers.Values.Where(h => role >= h.MinimumRole).ToList();

    public ValueTask<Reply> RouteAsync(Member caller, string? text, string channel, CancellationToken cancellationToken) =>
        RouteAsync(caller, CommandParser.Parse(text), channel, cancellationToken);

    /// <summary>Answers a message an adapter has already parsed (<see cref="CommandParser.Parse"/>): it is not parsed again.</summary>
    public async ValueTask<Reply> RouteAsync(Member caller, ParsedCommand command, string channel, CancellationToken cancellationToken)
    {
        if (command.Kind == ParsedCommandKind.Empty)
        {
            return Reply.Say(CommandTexts.EmptyMessage);
        }

        if (command.IsTooLong)
        {
            return Reply.Say(CommandTexts.TooLong(MaxMessageLength));
        }

        if (!command.IsCommand)
        {
            return Reply.Say(CommandTexts.NotACommand);
        }

        var name = command.Name;
        if (Aliases.TryGetValue(name, out var target))
        {
            name = target;
        }

        if (!_handlers.TryGetValue(name, out var handler))
        {
            return Reply.Say(CommandTexts.UnknownCommand(Shorten(command.Token)));
        }

        if (caller.Role < handler.MinimumRole)
        {
            return Reply.Say(CommandTexts.NotAllowed(handler.Name, handler.Usage, handler.MinimumRole));
        }

        return await handler.HandleAsync(new CommandContext(caller, command.Arguments, channel), cancellationToken);
    }

    /// <summary>"/Nhiệm_vụ@DoSonBot" and "/nhiemvu" are the same command: officials type with and
    /// without diacritics, and Telegram appends the bot's name in groups.</summary>
    public static string NormalizeName(string raw)
    {
        var at = raw.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            raw = raw[..at];
        }

        var decomposed = raw.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '_' && c != '-')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>NFC, no control characters but line breaks, trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : SafeNormalize(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '\n' || !char.IsControl(c))
            {
                sb.Append(c);
            }
            else if (c == '\t' || c == '\r')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().Trim();
    }

    private static string SafeNormalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; drop them rather than fail.
            return new string(text.Where(c => !char.IsSurrogate(c)).ToArray());
        }
    }

    private static string Shorten(string s) => s.Length <= 32 ? s : s[..32] + "…";
}
