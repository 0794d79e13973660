using System.Globalization;
using Npgsql;

namespace DoSon.Bot.Bench;

/// <summary>Where part size keeps one of its two wards: a LiteDB file in the work folder (base.db,
/// year.db), or with <see cref="ConnectionString"/> a schema of that PostgreSQL server (base, year).
/// Passed to the child processes as `--db name [--pg connection-string]`.</summary>
internal sealed record SizeStore(string Folder, string Name, string? ConnectionString)
{
    public bool IsPostgreSql => ConnectionString is not null;

    public string FilePath => Path.Combine(Folder, Name + ".db");

    public static SizeStore FromArgs(string folder, string[] args) =>
        new(folder, ValueOf(args, "--db") ?? throw new ArgumentException("--db is missing", nameof(args)), ValueOf(args, "--pg"));

    public string[] ToArgs() => IsPostgreSql ? ["--db", Name, "--pg", ConnectionString!] : ["--db", Name];

    /// <summary>The storage settings of the host (the keys of appsettings.json).</summary>
    public Dictionary<string, string?> Settings() => IsPostgreSql
        ? new()
        {
            ["Storage:DatabasePath"] = FilePath,
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = ConnectionString,
            ["Storage:Schema"] = Name,
        }
        : new() { ["Storage:DatabasePath"] = FilePath };

    /// <summary>The same as environment variables, for the built bot started as a child process.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Environment() =>
        Settings().Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace(":", "__", StringComparison.Ordinal), kv.Value));

    /// <summary>The LiteDB file's size, or the schema's tables with their indexes and TOAST.</summary>
    public string SizeMb()
    {
        long bytes;
        if (!IsPostgreSql)
        {
            bytes = new FileInfo(FilePath).Length;
        }
        else
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relkind = 'r'",
                connection);
            command.Parameters.AddWithValue("schema", Name);
            bytes = (long)command.ExecuteScalar()!;
        }

        return (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
    }

    private static string? ValueOf(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
