using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.FakeApis.Zalo;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>One test's world on Zalo: a fake Zalo Bot API server (and, when asked, a fake Telegram
/// one beside it), a database file, and the bot's host. The ward's members are linked on Zalo with
/// the ids below (and on Telegram with WardData's).</summary>
public sealed class ZaloWorld : IAsyncDisposable
{
    public const string Admin = "7f3e0c2a9b1d4e5f1001";
    public const string Leader = "7f3e0c2a9b1d4e5f1002";
    public const string Officer = "7f3e0c2a9b1d4e5f1003";
    public const string Police = "7f3e0c2a9b1d4e5f1004";
    public const string Stranger = "9c8b7a6f5e4d3c2b5555";

    private bool _stopped;

    private ZaloWorld(FakeZaloServer fake, FakeTelegramServer? telegram, TempDatabase database, IReadOnlyDictionary<string, string?> settings, BotHost bot, bool web)
    {
        Web = web;
        Fake = fake;
        Telegram = telegram;
        Database = database;
        Settings = settings;
        Bot = bot;
    }

    public FakeZaloServer Fake { get; }

    public FakeTelegramServer? Telegram { get; }

    public TempDatabase Database { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; private set; }

    /// <summary>The bot serves its web server (and so any webhook) on 127.0.0.1.</summary>
    public bool Web { get; }

    public BotHost Bot { get; private set; }

    public static Dictionary<string, string?> ZaloSettings(FakeZaloServer fake) => new()
    {
        ["Zalo:BotToken"] = fake.Token,
        ["Zalo:BaseUrl"] = fake.BaseUrl,
        ["Zalo:PollTimeoutSeconds"] = "20",
        ["Zalo:RequestTimeoutSeconds"] = "10",
        ["Zalo:RateLimitedWaitSeconds"] = "30",
    };

    /// <summary>The ward of <see cref="WardData"/>, its members linked on Zalo too.</summary>
    public static async Task SeedWithZaloAsync(IBotStore store)
    {
        await WardData.SeedIntoAsync(store);
        await store.SetZaloUserAsync("CVP", Admin);
        await store.SetZaloUserAsync("CT-UBND", Leader);
        await store.SetZaloUserAsync("CB-DC", Officer);
        await store.SetZaloUserAsync("TCA", Police);
    }

    public static async Task<ZaloWorld> StartAsync(
        FakeZaloOptions? fakeOptions = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool withTelegram = false,
        FakeTimeProvider? clock = null,
        Func<IBotStore, Task>? seed = null,
        bool web = false)
    {
        var fake = await FakeZaloServer.StartAsync(fakeOptions);
        foreach (var member in new[] { Admin, Leader, Officer, Police })
        {
            fake.AddUser(member);
        }

        FakeTelegramServer? telegram = null;
        var all = BotHost.Merge(ZaloSettings(fake), settings);
        if (withTelegram)
        {
            telegram = await FakeTelegramServer.StartAsync();
            BotHost.KnowWardMembers(telegram);
            all = BotHost.Merge(all, BotHost.TelegramSettings(telegram));
        }

        var database = new TempDatabase();
        var bot = await BotHost.StartAsync(database, all, clock, seed ?? SeedWithZaloAsync, web);
        return new ZaloWorld(fake, telegram, database, all, bot, web);
    }

    /// <summary>Stops the bot gracefully, as systemd would; the servers and the database stay.</summary>
    public async Task StopBotAsync()
    {
        await Bot.DisposeAsync();
        _stopped = true;
    }

    /// <summary>A new process of the bot on the same database and servers, on a new clock at the old
    /// one's time unless a clock is given (the servers' own, when they run on it), with
    /// <paramref name="settings"/> changed from the first start's.</summary>
    public async Task StartBotAsync(FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Settings = BotHost.Merge(Settings, settings);
        Bot = await BotHost.StartAsync(Database, Settings, clock ?? new FakeTimeProvider(Bot.Clock.GetUtcNow()), web: Web);
        _stopped = false;
    }

    /// <summary>The n-th message the bot sends to a Zalo chat, with a generous safety net.</summary>
    public Task<FakeZaloMessage> MessageAsync(string chatId, int n = 1) =>
        Fake.WaitForMessageAsync(chatId, n).WaitAsync(BotHost.Patience);

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await Bot.DisposeAsync();
        }

        await Fake.DisposeAsync();
        if (Telegram is not null)
        {
            await Telegram.DisposeAsync();
        }

        Database.Dispose();
    }
}
