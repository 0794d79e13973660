using System.Globalization;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Bench;

/// <summary>The dispatch benchmark against the real thing, short of the internet: the host runs with
/// Telegram configured, so reminders go through TelegramChannel and the real Telegram.Bot client over
/// HTTP to the fake Bot API server on 127.0.0.1, which keeps Telegram's published limits on the real
/// clock (30 messages in any second overall, one a second per chat with a burst of 3) and answers
/// anything beyond with 429 and retry_after. What it accepted is read from the server's own record.</summary>
internal sealed class TelegramTarget : IBenchTarget
{
    private readonly FakeTelegramServer _server;

    private TelegramTarget(FakeTelegramServer server) => _server = server;

    public static long UserId(int member) => 500_000_000L + member;

    public static async Task<TelegramTarget> StartAsync(int members)
    {
        var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            Clock = TimeProvider.System,
            RateLimits = new FakeRateLimits(),
        });
        for (var m = 1; m <= members; m++)
        {
            server.AddUser(UserId(m), $"Cán bộ {m}");
        }

        return new TelegramTarget(server);
    }

    public IChatChannel? Channel => null;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telegram:BotToken"] = _server.Token,
        ["Telegram:BaseUrl"] = _server.BaseUrl,
        ["Telegram:BotUsername"] = _server.BotUsername,
    };

    public long? TelegramUserIdOf(int member) => UserId(member);

    public IReadOnlyList<(string ChatId, DateTimeOffset At)> Accepted =>
        [.. _server.CallsTo("sendMessage").Where(c => c.StatusCode == 200)
            .Select(c => (c.ChatId?.ToString(CultureInfo.InvariantCulture) ?? "", c.At))];

    public int TooManyRequests => _server.CallsTo("sendMessage").Count(c => c.StatusCode == 429);

    public string Describe =>
        "the real `TelegramChannel` and Telegram.Bot 22.10.3.3 client over HTTP to the fake Bot API server (`tests/DoSon.Bot.FakeApis`) on 127.0.0.1, which enforces 30 messages in any second overall and one per second per chat (burst 3) on the real clock and answers 429 with retry_after";

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
