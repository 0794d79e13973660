using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DoSon.Bot.Bench;

/// <summary>A PostgreSQL server of the benchmark's own, started as the tests' PostgresServer fixture
/// starts one (tests/DoSon.Bot.Tests/Fakes/PostgresServer.cs, which needs xunit and so is not shared):
/// Debian's PostgreSQL 15, initdb in a temporary folder, pg_ctl on a free port on 127.0.0.1, as the
/// postgres user when run as root; stopped and deleted at the end.</summary>
internal sealed class BenchPostgres : IDisposable
{
    private const string BinFolder = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly string _data;
    private readonly bool _asPostgres = Environment.UserName == "root";

    public BenchPostgres()
    {
        if (!File.Exists(Path.Combine(BinFolder, "pg_ctl")))
        {
            throw new InvalidOperationException($"{BinFolder}/pg_ctl is missing: apt-get install -y postgresql.");
        }

        _folder = Path.Combine(Path.GetTempPath(), "doson-bot-bench-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (_asPostgres)
        {
            Run("/bin/chown", "postgres:postgres", _folder);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Exec("initdb", "-D", _data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        Exec("pg_ctl", "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200", "start");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        try
        {
            Exec("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            // Already stopped, or left for the OS to clean.
        }
    }

    private void Exec(string tool, params string[] args)
    {
        var path = Path.Combine(BinFolder, tool);
        if (_asPostgres)
        {
            Run("/usr/sbin/runuser", ["-u", "postgres", "--", path, .. args]);
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
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }
}
