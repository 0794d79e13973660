using DoSon.Bot.Storage;
using DoSon.Bot.Storage.PostgreSql;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>Where one test keeps its ward: a LiteDB file of its own (<see cref="TempDatabase"/>) or a
/// PostgreSQL schema of its own (<see cref="PostgresWard"/>). The store contract tests run on both.</summary>
public interface ITestWard : IDisposable
{
    /// <summary>A store on this ward, opened at once; opening again gives a store on the same data.
    /// Where the provider is missing on this machine, skips the test (call it inside the test).</summary>
    internal IWardStore Open();

    /// <summary>False where the provider is missing on this machine (the test is then skipped).</summary>
    bool Available => true;
}

/// <summary>A schema of its own on the run's PostgreSQL server (dropped with the server at the end).</summary>
public sealed class PostgresWard(PostgresServer server) : ITestWard
{
    public string Schema { get; } = PostgresServer.NewSchema();

    public string ConnectionString => server.ConnectionString;

    public bool Available => server.Missing is null;

    IWardStore ITestWard.Open() => Open();

    internal PostgreSqlBotStore Open()
    {
        server.SkipIfMissing();
        var store = new PostgreSqlBotStore(server.ConnectionString, Schema);
        store.EnsureOpen();
        return store;
    }

    public void Dispose()
    {
    }
}
