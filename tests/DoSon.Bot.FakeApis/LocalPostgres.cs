using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DoSon.Bot.FakeApis;

/// <summary>A throwaway PostgreSQL server: Debian's PostgreSQL 15 binaries, a cluster made by initdb
/// in a temporary folder, started by pg_ctl on a free port on 127.0.0.1 (its unix socket in the same
/// folder), stopped and deleted on Dispose. PostgreSQL refuses to run as root, so as root it runs as
/// the postgres user (runuser). Where the binaries are missing, <see cref="Missing"/> says how to
/// install them and nothing is started. Shared by the tests (their PostgresServer fixture) and the
/// benchmark (part size on PostgreSQL).</summary>
public sealed class LocalPostgres : IDisposable
{
    public const string BinFolder = "/usr/lib/postgresql/15/bin";
    private const string Runuser = "/usr/sbin/runuser";

    private readonly string? _folder;
    private readonly string? _data;
    private readonly bool _asPostgres;

    public LocalPostgres()
    {
        if (!File.Exists(Path.Combine(BinFolder, "initdb")) || !File.Exists(Path.Combine(BinFolder, "pg_ctl")))
        {
            Missing = $"{BinFolder}/initdb is missing: apt-get install -y postgresql to run the PostgreSQL store tests.";
            return;
        }

        _asPostgres = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), "doson-bot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (_asPostgres)
        {
            Run("/bin/chown", "postgres:postgres", _folder);
        }

        Port = FreePort();
        Exec("initdb", "-D", _data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        Exec("pg_ctl", "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    /// <summary>Why there is no server (binaries missing), or null.</summary>
    public string? Missing { get; }

    public int Port { get; }

    /// <summary>To the server's postgres database as the superuser postgres (trust on 127.0.0.1).</summary>
    public string ConnectionString { get; } = "";

    /// <summary>Where the server keeps its cluster (the data folder), for its size on disk.</summary>
    public string? DataFolder => _data;

    public void Dispose()
    {
        if (_data is null || _folder is null)
        {
            return;
        }

        try
        {
            Exec("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder goes anyway.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    private void Exec(string tool, params string[] args)
    {
        var path = Path.Combine(BinFolder, tool);
        if (_asPostgres)
        {
            Run(Runuser, ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Run(path, args);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        // Read both streams to the end before waiting: a full pipe would block pg_ctl.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
