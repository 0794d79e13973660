using DoSon.Bot.FakeApis;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>The PostgreSQL server of the test run (<see cref="LocalPostgres"/>: initdb and pg_ctl in a
/// temporary folder, a free port on 127.0.0.1), stopped and deleted when the collection ends. Where
/// the binaries are missing, <see cref="SkipIfMissing"/> skips the test, saying how to install them.
/// Each test takes a schema of its own (<see cref="NewSchema"/>), so tests never see each other.</summary>
public sealed class PostgresServer : IDisposable
{
    public const string BinFolder = LocalPostgres.BinFolder;

    private readonly LocalPostgres _server = new();

    /// <summary>Why there is no server (binaries missing), or null.</summary>
    public string? Missing => _server.Missing;

    public int Port => _server.Port;

    /// <summary>To the server's postgres database as the superuser postgres (trust on 127.0.0.1).</summary>
    public string ConnectionString => _server.ConnectionString;

    /// <summary>A fresh schema for one test.</summary>
    public PostgresWard NewWard() => new(this);

    public void SkipIfMissing() => Skip.If(Missing is not null, Missing);

    /// <summary>A schema name no other test uses (the store creates it when it first opens).</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public void Dispose() => _server.Dispose();
}

/// <summary>The tests that use the one PostgreSQL server of the run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
