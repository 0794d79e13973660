using Microsoft.Extensions.Options;

namespace DoSon.Bot.Import;

/// <summary>How large a file the program takes in (section Import): the same limits for `import`,
/// `notice parse` and files sent in a chat, so that a hostile or mistaken file is refused before a
/// parser spends the machine's memory on it.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>An assignment file (.json, .xlsx) larger than this is refused as it is (20 MB: a
    /// month of a ward is a few hundred KB).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>A .xlsx or .docx whose content inflates to more than this is refused (50 MB).</summary>
    public long MaxUncompressedBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>A real .xlsx or .docx holds 10 to 30 parts; thousands are a zip made to hurt.</summary>
    public int MaxZipEntries { get; set; } = 1000;

    /// <summary>How many times larger than it is stored one part may inflate. XML compresses 5 to 20
    /// times; 100 is the limit Apache POI's ZipSecureFile uses against bombs (1 % minimum ratio).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Rows under the header in one sheet (and items in one list of a JSON file): a ward
    /// month is about a hundred tasks; 100,000 rows once kept every chat waiting for two minutes.</summary>
    public int MaxRows { get; set; } = 5000;
}

/// <summary>Stops the program at start with a message naming the key when an import limit is wrong.</summary>
public sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(ImportOptions.MaxFileBytes), options.MaxFileBytes, "số byte, mặc định 20971520 = 20 MB");
        Positive(failures, nameof(ImportOptions.MaxUncompressedBytes), options.MaxUncompressedBytes, "số byte, mặc định 52428800 = 50 MB");
        Positive(failures, nameof(ImportOptions.MaxZipEntries), options.MaxZipEntries, "mặc định 1000");
        Positive(failures, nameof(ImportOptions.MaxCompressionRatio), options.MaxCompressionRatio, "mặc định 100");
        Positive(failures, nameof(ImportOptions.MaxRows), options.MaxRows, "mặc định 5000");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, long value, string hint)
    {
        if (value <= 0)
        {
            failures.Add($"{ImportOptions.Section}:{key} phải là số dương ({hint}), không phải {value}.");
        }
    }
}
