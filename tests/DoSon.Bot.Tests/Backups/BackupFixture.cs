using DoSon.Bot.Backups;
using DoSon.Bot.Cli;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Backups;

/// <summary>A temp database with the small ward in it, its backups beside it, on a fake clock.</summary>
public sealed class BackupFixture : IDisposable
{
    /// <summary>02:30 on 02/03/2026 in the ward (UTC+7).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 19, 30, 0, TimeSpan.Zero);

    /// <summary>An empty database; <see cref="CreateAsync"/> fills it with the small ward.</summary>
    public BackupFixture(int keepDaily = 14, int keepMonthly = 12, DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? Start);
        Options = new BackupOptions { KeepDaily = keepDaily, KeepMonthly = keepMonthly };
        Backups = new DatabaseBackups(Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = Db.Path }), Clock);
    }

    public static async Task<BackupFixture> CreateAsync(int keepDaily = 14, int keepMonthly = 12, DateTimeOffset? start = null)
    {
        var fixture = new BackupFixture(keepDaily, keepMonthly, start);
        using var store = fixture.Db.Open();
        await WardData.SeedIntoAsync(store);
        return fixture;
    }

    public TempDatabase Db { get; } = new();

    public FakeTimeProvider Clock { get; }

    public BackupOptions Options { get; }

    public DatabaseBackups Backups { get; }

    public string Folder => Path.Combine(Db.Folder, "backups");

    public BackupVerb BackupVerb => new(Backups);

    public RestoreVerb RestoreVerb => new(Backups);

    public CheckVerb CheckVerb => new(Backups);

    public static async Task<(int Code, string Output)> RunAsync(ICliVerb verb, params string[] args)
    {
        var output = new StringWriter();
        var code = await verb.RunAsync(args, output, CancellationToken.None);
        return (code, output.ToString());
    }

    public void Dispose() => Db.Dispose();
}
