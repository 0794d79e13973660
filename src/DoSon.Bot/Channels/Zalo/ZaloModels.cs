using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>The event names of the Zalo Bot API's updates.</summary>
public static class ZaloEvents
{
    public const string Text = "message.text.received";
    public const string Image = "message.image.received";
    public const string Sticker = "message.sticker.received";
    public const string Unsupported = "message.unsupported.received";
}

/// <summary>One update: getUpdates hands out one at a time (not an array, as Telegram does).</summary>
public sealed class ZaloUpdate
{
    [JsonPropertyName("event_name")] public string EventName { get; init; } = "";

    [JsonPropertyName("message")] public ZaloMessage? Message { get; init; }

    /// <summary>Reads an update given bare ({event_name, message}) or wrapped as {ok, result:{...}}, as
    /// the webhook sends it and some servers answer getUpdates: both are accepted.</summary>
    public static ZaloUpdate Parse(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object
            && !element.TryGetProperty("event_name", out _)
            && element.TryGetProperty("result", out var inner)
            && inner.ValueKind == JsonValueKind.Object)
        {
            element = inner;
        }

        return element.Deserialize<ZaloUpdate>(ZaloJson.Options)
               ?? throw new JsonException("Zalo update is null.");
    }
}

public sealed class ZaloMessage
{
    [JsonPropertyName("message_id"), JsonConverter(typeof(ZaloIdConverter))]
    public string MessageId { get; init; } = "";

    /// <summary>Unix time in milliseconds (Telegram's is in seconds).</summary>
    [JsonPropertyName("date")] public long Date { get; init; }

    [JsonPropertyName("text")] public string? Text { get; init; }

    [JsonPropertyName("photo")] public string? Photo { get; init; }

    [JsonPropertyName("caption")] public string? Caption { get; init; }

    [JsonPropertyName("sticker")] public string? Sticker { get; init; }

    [JsonPropertyName("from")] public ZaloUser From { get; init; } = new();

    [JsonPropertyName("chat")] public ZaloChat Chat { get; init; } = new();

    /// <summary>A one-to-one chat. Groups are announced but not generally available on Zalo; an
    /// unknown chat type counts as private only when the chat is the sender's own.</summary>
    public bool IsPrivate => Chat.ChatType is { } type
        ? string.Equals(type, "PRIVATE", StringComparison.OrdinalIgnoreCase)
        : Chat.Id == From.Id;
}

public sealed class ZaloUser
{
    [JsonPropertyName("id"), JsonConverter(typeof(ZaloIdConverter))]
    public string Id { get; init; } = "";

    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>What some clients call the sender's display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("is_bot")] public bool IsBot { get; init; }

    public string? ShownName => DisplayName ?? Name;
}

public sealed class ZaloChat
{
    [JsonPropertyName("id"), JsonConverter(typeof(ZaloIdConverter))]
    public string Id { get; init; } = "";

    /// <summary>PRIVATE or GROUP.</summary>
    [JsonPropertyName("chat_type")] public string? ChatType { get; init; }
}

/// <summary>getMe's answer.</summary>
public sealed class ZaloBotInfo
{
    [JsonPropertyName("id"), JsonConverter(typeof(ZaloIdConverter))]
    public string Id { get; init; } = "";

    [JsonPropertyName("account_name")] public string? AccountName { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("account_type")] public string? AccountType { get; init; }

    [JsonPropertyName("can_join_groups")] public bool CanJoinGroups { get; init; }

    public string DisplayName => AccountName ?? Name ?? Id;
}

/// <summary>sendMessage's answer.</summary>
public sealed class ZaloSentMessage
{
    [JsonPropertyName("message_id"), JsonConverter(typeof(ZaloIdConverter))]
    public string MessageId { get; init; } = "";

    /// <summary>Unix time in milliseconds.</summary>
    [JsonPropertyName("date")] public long Date { get; init; }
}

public sealed class ZaloWebhookInfo
{
    [JsonPropertyName("url")] public string? Url { get; init; }

    [JsonPropertyName("updated_at")] public long? UpdatedAt { get; init; }
}

internal static class ZaloJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

/// <summary>Ids are strings in Zalo's documentation; a number is read as its digits rather than
/// failing the whole update.</summary>
internal sealed class ZaloIdConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
        JsonTokenType.Null => null,
        _ => throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"An id must be a string or a number, not {reader.TokenType}.")),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
