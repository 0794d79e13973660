using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace DoSon.Bot.Storage;

public sealed partial class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public const string LiteDb = "LiteDb";
    public const string PostgreSql = "PostgreSql";

    /// <summary>The LiteDB file; relative paths are taken from the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath phải là đường dẫn tệp cơ sở dữ liệu (ví dụ data/doson-bot.db).")]
    public string DatabasePath { get; set; } = "data/doson-bot.db";

    /// <summary>Where the ward is kept: <see cref="LiteDb"/> (one file, the default) or <see cref="PostgreSql"/>.</summary>
    public string Provider { get; set; } = LiteDb;

    /// <summary>For PostgreSql: the Npgsql connection string (Host=...;Database=...;Username=...;Password=...).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>For PostgreSql: the ward's schema (one per ward on a shared server), created at start if missing.</summary>
    public string Schema { get; set; } = "doson";

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>A lower-case SQL identifier, so it needs no quoting anywhere (search_path, pg_dump -n).</summary>
    public static bool IsValidSchema(string? schema) => schema is not null && SchemaPattern().IsMatch(schema);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Provider, LiteDb, StringComparison.OrdinalIgnoreCase) && !IsPostgreSql)
        {
            yield return new ValidationResult(StorageTexts.BadProvider(Provider), [nameof(Provider)]);
            yield break;
        }

        if (!IsPostgreSql)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(StorageTexts.MissingConnectionString, [nameof(ConnectionString)]);
        }

        if (!IsValidSchema(Schema))
        {
            yield return new ValidationResult(StorageTexts.BadSchema(Schema), [nameof(Schema)]);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaPattern();
}
