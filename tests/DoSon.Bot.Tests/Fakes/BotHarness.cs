using DoSon.Bot.Channels.Console;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>The app as Program builds it (AddDoSonBot), on a temp database, a fake clock and a fake
/// terminal; the store is filled from <see cref="WardData"/> unless told otherwise.</summary>
public sealed class BotHarness : IAsyncDisposable
{
    /// <summary>08/03/2026 08:00 in the ward (01:00 UTC).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 8, 1, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database;

    private BotHarness(
        IDictionary<string, string?>? settings,
        string input,
        DateTimeOffset? now,
        TempDatabase? database)
    {
        _database = database ?? new TempDatabase();
        OwnsDatabase = database is null;
        Clock = new FakeTimeProvider(now ?? DefaultNow);
        Output = new ObservableWriter();
        Io = new ConsoleIo(new StringReader(input), Output, interactive: false);

        var config = new Dictionary<string, string?> { ["Console:Member"] = WardData.Admin.Code };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        Host = new TestHost
        {
            DatabasePath = _database.Path,
            Clock = Clock,
            Settings = config,
            ContentRoot = _database.Folder,
            Terminal = Io,
        }.Build();
    }

    public static async Task<BotHarness> CreateAsync(
        IDictionary<string, string?>? settings = null,
        bool seedWard = true,
        string input = "",
        DateTimeOffset? now = null,
        TempDatabase? database = null)
    {
        var bot = new BotHarness(settings, input, now, database);
        if (seedWard)
        {
            await WardData.SeedIntoAsync(bot.Store);
        }

        return bot;
    }

    private bool OwnsDatabase { get; }

    public IHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public ObservableWriter Output { get; }

    public ConsoleIo Io { get; }

    public IBotStore Store => Host.Services.GetRequiredService<IBotStore>();

    public CommandRouter Router => Host.Services.GetRequiredService<CommandRouter>();

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public async Task<string> SayAsync(Member member, string text) =>
        (await Router.RouteAsync(await Store.FindMemberAsync(member.Code) ?? member, text, "test", CancellationToken.None)).Text;

    public async ValueTask DisposeAsync()
    {
        if (Host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            Host.Dispose();
        }

        if (OwnsDatabase)
        {
            _database.Dispose();
        }
    }
}
