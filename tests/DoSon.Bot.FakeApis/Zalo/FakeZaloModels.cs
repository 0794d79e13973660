using System.Text.Json.Nodes;

namespace DoSon.Bot.FakeApis.Zalo;

/// <summary>A message the bot sent, as the server holds it; for a photo (sendPhoto) its address, and
/// its caption as the text.</summary>
public sealed record FakeZaloMessage(string ChatId, string MessageId, string Text, long Date, string? Photo = null);

/// <summary>One call the bot made, with its parameters and the answer: HTTP status, and for a failure
/// the error_code and description of the body.</summary>
public sealed record FakeZaloCall(string Method, JsonObject Parameters, int HttpStatus, int? ErrorCode, string? Description)
{
    public bool Ok => ErrorCode is null;
}

/// <summary>What a test queued: the message's id (Zalo's are strings).</summary>
public sealed record FakeZaloIncoming(string MessageId);

public sealed record FakeZaloWebhook(string Url, string SecretToken);
