using DbUp;
using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>Creates the ward's schema when it is missing and runs the versioned scripts
/// (Migrations/NNNN_*.sql, embedded) that it has not run yet, each recorded in the schema's own
/// journal table (schemaversions), so wards on one server migrate independently.</summary>
internal static class PostgreSqlMigrations
{
    public const string Journal = "schemaversions";

    /// <summary>Returns whether the schema was new (no journal before this run). A run that may not
    /// create a ward (<paramref name="mayCreate"/> false: every verb but the bot's start and `import`)
    /// creates nothing and throws <see cref="SchemaMissingException"/> instead.</summary>
    public static async Task<bool> RunAsync(string connectionString, string schema, bool mayCreate = true, CancellationToken cancellationToken = default)
    {
        bool createdNew;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var check = new NpgsqlCommand("SELECT to_regclass(@journal) IS NULL", connection);
            check.Parameters.AddWithValue("journal", $"{schema}.{Journal}");
            createdNew = (bool)(await check.ExecuteScalarAsync(cancellationToken))!;
            if (createdNew && !mayCreate)
            {
                throw new SchemaMissingException();
            }

            // The schema name is a validated lower-case identifier (StorageOptions.IsValidSchema).
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var scripts = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
        var upgrade = DeployChanges.To
            .PostgresqlDatabase(scripts)
            .JournalToPostgresqlTable(schema, Journal)
            .WithScriptsEmbeddedInAssembly(typeof(PostgreSqlMigrations).Assembly, name => name.Contains(".Storage.PostgreSql.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!upgrade.Successful)
        {
            throw new MigrationException(upgrade.Error?.Message ?? "?", upgrade.Error);
        }

        return createdNew;
    }

    internal sealed class SchemaMissingException : Exception;

    internal sealed class MigrationException(string message, Exception? inner) : Exception(message, inner);
}
