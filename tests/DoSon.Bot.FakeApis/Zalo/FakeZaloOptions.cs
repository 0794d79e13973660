namespace DoSon.Bot.FakeApis.Zalo;

/// <summary>How the fake Zalo Bot API server behaves: its bot, its clock, its limits and the shape of
/// its answers.</summary>
public sealed class FakeZaloOptions
{
    /// <summary>The only token the server accepts ("{bot_id}:{secret}"); anything else gets 401.</summary>
    public string Token { get; init; } = "1234567890123456789:FakeZaloSecret-for-tests";

    /// <summary>The bot's account_name, as getMe tells it.</summary>
    public string BotName { get; init; } = "Bot Nhắc việc Đồ Sơn";

    /// <summary>The server's own clock: message dates (milliseconds), long-poll timeouts and rate-limit
    /// windows. Tests inject a FakeTimeProvider to drive them without waiting.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Null: no rate limits (the default, so that tests not about limits never see a 429).</summary>
    public FakeZaloRateLimits? RateLimits { get; init; }

    /// <summary>False (default): an error is answered with the HTTP status equal to its error_code
    /// (401, 408, 429, ...). True: every answer is HTTP 200 and only the body says ok:false; Zalo's
    /// documentation shows the body only, so the client must cope with both.</summary>
    public bool ErrorsAsHttp200 { get; init; }

    /// <summary>The field the sender's name is sent in: Zalo's documentation says "display_name", a
    /// public client reads "name".</summary>
    public string SenderNameField { get; init; } = "display_name";
}

/// <summary>Zalo publishes no numeric limits; the fake answers 429 "Quota exceeded" (with no retry
/// time, as Zalo) once more than <paramref name="PerChat"/> messages went to one chat, or more than
/// <paramref name="Overall"/> in all, within the sliding <paramref name="Window"/>.</summary>
public sealed record FakeZaloRateLimits(int PerChat = 5, int Overall = 30, TimeSpan? Window = null)
{
    public TimeSpan WindowLength => Window ?? TimeSpan.FromMinutes(1);
}
