namespace DoSon.Bot.Messaging;

/// <summary>A button under a message; <paramref name="Data"/> is what comes back when it is tapped
/// (at most 64 bytes on Telegram).</summary>
public sealed record ReplyButton(string Text, string Data);

/// <summary>What the bot says back: plain text (each channel escapes it for its own format) and,
/// where the channel has them, rows of buttons.</summary>
public sealed record Reply(string Text, IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons)
{
    /// <summary>A picture sent after the text where the channel shows pictures (Telegram); the others
    /// send the text alone, which says everything the picture shows.</summary>
    public ReplyPicture? Picture { get; init; }

    /// <summary>What to do to get the whole of an answer too long to send in full (e.g. "gõ /baocao
    /// 03/2026 để nhận tệp Word"): shown under its first parts instead of the rest.</summary>
    public string? Overflow { get; init; }

    public static Reply Say(string text) => new(text, []);

    public Reply WithButtons(params IReadOnlyList<ReplyButton>[] rows) => this with { Buttons = rows };
}

/// <summary>A PNG picture under an answer, with its caption.</summary>
public sealed record ReplyPicture(string FileName, byte[] Png, string Caption);
