using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>One test's world: a fake Bot API server, a database file, and the bot's host.</summary>
public sealed class TelegramWorld : IAsyncDisposable
{
    private TelegramWorld(FakeTelegramServer fake, TempDatabase database, BotHost bot)
    {
        Fake = fake;
        Database = database;
        Bot = bot;
    }

    public FakeTelegramServer Fake { get; }

    public TempDatabase Database { get; }

    public BotHost Bot { get; private set; }

    public static async Task<TelegramWorld> StartAsync(
        FakeTelegramOptions? fakeOptions = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Func<IBotStore, Task>? seed = null,
        FakeTimeProvider? clock = null,
        bool web = false)
    {
        var fake = await FakeTelegramServer.StartAsync(fakeOptions);
        BotHost.KnowWardMembers(fake);
        var database = new TempDatabase();
        var bot = await BotHost.StartAsync(fake, database, clock, settings, seed, web);
        return new TelegramWorld(fake, database, bot);
    }

    private bool _stopped;

    /// <summary>Stops the bot gracefully, as systemd would; the server and the database stay.</summary>
    public async Task StopBotAsync()
    {
        await Bot.DisposeAsync();
        _stopped = true;
    }

    /// <summary>A new process of the bot on the same database and server, on a new clock at the old
    /// one's time unless a clock is given, with other settings if given.</summary>
    public async Task StartBotAsync(FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Bot = await BotHost.StartAsync(Fake, Database, clock ?? new FakeTimeProvider(Bot.Clock.GetUtcNow()), settings);
        _stopped = false;
    }

    /// <summary>The n-th message the bot sends to a chat, with a generous safety net.</summary>
    public Task<FakeMessage> MessageAsync(long chatId, int n = 1) =>
        Fake.WaitForMessageAsync(chatId, n).WaitAsync(BotHost.Patience);

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await Bot.DisposeAsync();
        }

        await Fake.DisposeAsync();
        Database.Dispose();
    }
}
