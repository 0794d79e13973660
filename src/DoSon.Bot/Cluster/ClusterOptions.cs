using System.Globalization;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Cluster;

/// <summary>One active instance of a ward and any number of standbys, on one PostgreSQL schema.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>Off (the default): this process is the ward's only instance and runs everything.</summary>
    public bool Enabled { get; set; }

    /// <summary>How soon a standby takes over when the active instance dies or loses the database.</summary>
    public int TakeoverSeconds { get; set; } = 15;

    /// <summary>How this instance is named in the log, in /readyz and on its reminder claims.</summary>
    public string? InstanceName { get; set; }

    public string Name => string.IsNullOrWhiteSpace(InstanceName)
        ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}")
        : InstanceName.Trim();

    /// <summary>How often the lock is tried (standby) or checked (active): a third of the takeover
    /// time, so that a dead instance's lock is noticed, and taken, within it.</summary>
    public TimeSpan CheckEvery => TimeSpan.FromSeconds(Math.Max(1, TakeoverSeconds / 3));

    public TimeSpan Takeover => TimeSpan.FromSeconds(TakeoverSeconds);

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(Section).GetValue<bool?>(nameof(Enabled)) ?? false;
}

internal sealed class ClusterOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!storage.Value.IsPostgreSql)
        {
            failures.Add(ClusterTexts.NeedsPostgreSql);
        }

        if (options.TakeoverSeconds is < 3 or > 600)
        {
            failures.Add(ClusterTexts.BadTakeover(options.TakeoverSeconds));
        }

        if (options.Name.Length > 40)
        {
            failures.Add(ClusterTexts.LongInstanceName);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
