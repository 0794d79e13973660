using System.Globalization;
using System.Text.Json.Nodes;

namespace DoSon.Bot.FakeApis.Telegram;

/// <summary>A button of an inline keyboard as the bot sent it.</summary>
public sealed record FakeButton(string Text, string? CallbackData, string? Url);

/// <summary>A message in a chat, as the server holds it now (after any edits).</summary>
public sealed record FakeMessage(
    long ChatId,
    int MessageId,
    bool FromBot,
    long? FromUserId,
    long Date,
    string? Text,
    string? Html,
    string? Caption,
    int? ReplyToMessageId,
    IReadOnlyList<IReadOnlyList<FakeButton>> Buttons,
    bool ForceReply,
    int EditCount,
    string? DocumentFileName,
    string? DocumentFileId,
    string? PhotoFileId)
{
    public IEnumerable<FakeButton> AllButtons => Buttons.SelectMany(r => r);
}

/// <summary>One call the bot made, with the parameters it sent and what the server answered.</summary>
public sealed record FakeCall(string Method, JsonObject Parameters, int StatusCode, string? Error, long RetryAfter)
{
    /// <summary>When the server answered, on its clock (for a held call: when the client gave up).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The chat_id parameter, when there is one.</summary>
    public long? ChatId => Parameters["chat_id"] switch
    {
        JsonValue v when v.TryGetValue<long>(out var id) => id,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };

    /// <summary>The text parameter, when there is one.</summary>
    public string? Text => Parameters["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

public sealed record FakeCallbackAnswer(string? Text, bool ShowAlert);

public sealed record FakeBotCommand(string Command, string Description);

/// <summary>What a test queued: the update's id and, for a message, its id in the chat; for a button
/// press, the callback query's id.</summary>
public sealed record FakeIncoming(long UpdateId, int? MessageId, string? CallbackQueryId);

public sealed record FakeWebhook(string Url, string? SecretToken);

public sealed record FakeFile(string FileId, string FileUniqueId, string FilePath, string FileName, string MimeType, byte[] Content);
