namespace DoSon.Bot.Channels;

/// <summary>Recognises a bot token that was copied from an example and never filled in (the one in
/// deploy/env.example passes the shape check, and the bot would then retry its connection for ever).
/// Only forms an example uses: words telling to replace it, an ellipsis, angle brackets, the
/// "ABC-DEF" of the documentation, or one character repeated. A test's fake token is not one of them.</summary>
public static class TokenPlaceholder
{
    private static readonly string[] ExampleWords =
    [
        "replace", "your-token", "your_token", "yourtoken", "placeholder", "token-from", "botfather",
        "bot-manager", "...", "…", "<", ">", "abc-def", "abc-replace", "xxxx", "changeme", "change-me",
    ];

    public static bool IsPlaceholder(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        var value = token.Trim();
        if (ExampleWords.Any(w => value.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var secret = colon >= 0 ? value[(colon + 1)..] : value;
        return secret.Length > 0 && secret.All(c => c == secret[0]);
    }
}
