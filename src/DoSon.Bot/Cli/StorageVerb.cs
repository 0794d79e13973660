using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Cli;

/// <summary>`storage copy --to &lt;LiteDb|PostgreSql&gt; --connection &lt;...&gt; [--schema &lt;lược đồ&gt;]`: the ward
/// the settings name (the source) into an empty store of the other kind, verified (<see cref="WardCopy"/>).
/// A LiteDB source is held by the running bot, so the verb is refused until the bot is stopped.</summary>
internal sealed class StorageVerb(IWardStore source, DatabaseUse use) : ICliVerb
{
    public string Name => "storage";

    public string Usage => StorageTexts.CopyUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var (target, problem) = Parse(arguments);
        if (target is null)
        {
            await output.WriteLineAsync(ImportTexts.Usage(Usage, problem!));
            return CliRunner.UsageError;
        }

        source.EnsureOpen();
        var outcome = await WardCopy.RunAsync(source, use.OpenedPath ?? "?", target, output, cancellationToken: cancellationToken);
        return outcome.ExitCode;
    }

    private static (WardCopyTarget? Target, string? Problem) Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0 || !string.Equals(arguments[0], "copy", StringComparison.OrdinalIgnoreCase))
        {
            return (null, StorageTexts.CopyMissingVerb);
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < arguments.Count; i += 2)
        {
            var option = arguments[i];
            if (option is not ("--to" or "--connection" or "--schema"))
            {
                return (null, option.StartsWith("--", StringComparison.Ordinal) ? StorageTexts.CopyUnknownOption(option) : ImportTexts.ExtraArgument(option));
            }

            if (i + 1 >= arguments.Count || string.IsNullOrWhiteSpace(arguments[i + 1]))
            {
                return (null, StorageTexts.CopyMissingValue(option));
            }

            values[option] = arguments[i + 1];
        }

        if (!values.TryGetValue("--to", out var provider) || !values.TryGetValue("--connection", out var connection))
        {
            return (null, StorageTexts.CopyMissingTarget);
        }

        var target = new WardCopyTarget(provider, connection, values.GetValueOrDefault("--schema") ?? new StorageOptions().Schema);
        if (!target.IsPostgreSql && !string.Equals(provider, StorageOptions.LiteDb, StringComparison.OrdinalIgnoreCase))
        {
            return (null, StorageTexts.CopyBadProvider(provider));
        }

        if (!target.IsPostgreSql && values.ContainsKey("--schema"))
        {
            return (null, StorageTexts.CopySchemaOnlyForPostgreSql);
        }

        return target.IsPostgreSql && !StorageOptions.IsValidSchema(target.Schema)
            ? (null, StorageTexts.BadSchema(target.Schema))
            : (target, null);
    }
}
