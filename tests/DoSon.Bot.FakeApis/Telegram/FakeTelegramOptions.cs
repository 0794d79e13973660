namespace DoSon.Bot.FakeApis.Telegram;

/// <summary>How the fake Bot API server behaves: its bot, its clock and its limits.</summary>
public sealed class FakeTelegramOptions
{
    /// <summary>The only token the server accepts; anything else gets 401 Unauthorized.</summary>
    public string Token { get; init; } = "123456:TEST-fake-token-for-doson-bot-tests_0123";

    public string BotUsername { get; init; } = "DoSonTestBot";

    public string BotFirstName { get; init; } = "DoSon Bot";

    /// <summary>The server's own clock: message dates, long-poll timeouts and rate-limit windows.
    /// Tests inject a FakeTimeProvider to drive the limits without waiting.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Null: no rate limits (the default, so that tests not about limits never see a 429).</summary>
    public FakeRateLimits? RateLimits { get; init; }

    /// <summary>The first update_id the server hands out.</summary>
    public long FirstUpdateId { get; init; } = 700_000_001;
}

/// <summary>Telegram's published limits: about one message a second in one chat (a short burst is
/// tolerated), about 30 a second overall, at most 20 a minute into one group.</summary>
public sealed record FakeRateLimits(
    double PerChatPerSecond = 1,
    int PerChatBurst = 3,
    int GlobalPerSecond = 30,
    int GroupPerMinute = 20);
