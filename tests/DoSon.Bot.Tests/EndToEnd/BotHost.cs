using DoSon.Bot.Channels.Console;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The real host, built as Program builds it (Host.CreateApplicationBuilder + AddDoSonBot),
/// with Telegram.Bot and/or the Zalo client pointed at fake Bot API servers, its own database file,
/// and the store filled from <see cref="WardData"/>. Only the clock is replaced (a FakeTimeProvider at
/// 01/03/2026 08:00).</summary>
public sealed class BotHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>How long a test waits for the bot at most; only a safety net, never a timing.</summary>
    public static readonly TimeSpan Patience = ClockDriver.Patience;

    private BotHost(IHost host, LogCapture logs, FakeTimeProvider clock)
    {
        Host = host;
        Logs = logs;
        Clock = clock;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public LogCapture Logs { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>What the terminal chat wrote (web hosts only).</summary>
    public StringWriter Terminal { get; private init; } = new();

    public IBotStore Store => Services.GetRequiredService<IBotStore>();

    /// <summary>The ward's members have written to the bot before (their private chats exist), as they
    /// would have in real life once they linked.</summary>
    public static void KnowWardMembers(FakeTelegramServer fake)
    {
        foreach (var member in new[] { WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police })
        {
            fake.AddUser(member.TelegramUserId!.Value, member.Name);
        }
    }

    public static IHost Build(FakeTelegramServer fake, string databasePath, TimeProvider clock, LogCapture logs, IReadOnlyDictionary<string, string?>? settings = null) =>
        Build(databasePath, clock, logs, Merge(TelegramSettings(fake), settings));

    /// <summary>Telegram.Bot pointed at the fake server.</summary>
    public static Dictionary<string, string?> TelegramSettings(FakeTelegramServer fake) => new()
    {
        ["Telegram:BotToken"] = fake.Token,
        ["Telegram:BaseUrl"] = fake.BaseUrl,
        ["Telegram:PollTimeoutSeconds"] = "20",
        ["Telegram:RequestTimeoutSeconds"] = "10",
    };

    public static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> first, IReadOnlyDictionary<string, string?>? second)
    {
        var merged = new Dictionary<string, string?>(first);
        foreach (var (key, value) in second ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>The host with whatever chat settings are given (Telegram, Zalo, both, or none). With
    /// <paramref name="web"/> it is built as Program builds it, by WebApplication.CreateBuilder, and serves
    /// the web console on 127.0.0.1 at a free port (unless the settings say otherwise); the terminal chat,
    /// when there is no token, reads nothing and writes to <paramref name="terminal"/>.</summary>
    public static IHost Build(string databasePath, TimeProvider clock, LogCapture logs, IReadOnlyDictionary<string, string?> settings, bool web = false, TextWriter? terminal = null) =>
        Shape(databasePath, clock, logs, settings, web, terminal).Build();

    /// <summary>The shared <see cref="TestHost"/> with what end-to-end tests add: the host's defaults as
    /// Program keeps them, every log line captured, and an outbox that does not pace on the fake clock.</summary>
    private static TestHost Shape(string databasePath, TimeProvider clock, LogCapture logs, IReadOnlyDictionary<string, string?> settings, bool web, TextWriter? terminal)
    {
        var values = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:System.Net.Http"] = "Trace",
            // Every answer goes through the outbox, paced on this fake clock, which only moves when a
            // test moves it: no spacing per chat unless a test about pacing sets its own.
            ["Reminders:Outbox:PerChatPerSecond"] = "0",
            ["Zalo:PerChatPerSecond"] = "0",
            // Zalo's conservative 5 a second would hold a test's 21 answers on this clock: Telegram's 30.
            ["Zalo:PerSecond"] = "30",
            ["Web:ListenUrls"] = "http://127.0.0.1:0",
        };
        return new TestHost
        {
            DatabasePath = databasePath,
            Clock = clock,
            Settings = Merge(values, settings),
            Web = web,
            Defaults = true,
            Logs = logs,
            MinimumLogLevel = LogLevel.Trace,
            Terminal = web ? new ConsoleIo(TextReader.Null, terminal ?? TextWriter.Null, interactive: false) : null,
        };
    }

    public static Task<BotHost> StartAsync(
        FakeTelegramServer fake,
        TempDatabase database,
        FakeTimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Func<IBotStore, Task>? seed = null,
        bool web = false) =>
        StartAsync(database, Merge(TelegramSettings(fake), settings), clock, seed, web);

    public static async Task<BotHost> StartAsync(
        TempDatabase database,
        IReadOnlyDictionary<string, string?> settings,
        FakeTimeProvider? clock = null,
        Func<IBotStore, Task>? seed = null,
        bool web = false)
    {
        clock ??= new FakeTimeProvider(Start);
        var logs = new LogCapture();
        var terminal = new StringWriter();
        var host = await Shape(database.Path, clock, logs, settings, web, TextWriter.Synchronized(terminal)).StartAsync(seed ?? WardData.SeedIntoAsync);
        return new BotHost(host, logs, clock) { Terminal = terminal };
    }

    private int _disposed;

    /// <summary>Stops and disposes the host once; a test may stop it early and still `await using` it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await Host.StopAsync();
        Host.Dispose();
    }
}
