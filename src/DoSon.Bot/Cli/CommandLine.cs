namespace DoSon.Bot.Cli;

/// <summary>Splits the command line into a verb with its arguments and the settings
/// (--Section:Key=value) that go to configuration.</summary>
public sealed record CommandLine(string? Verb, IReadOnlyList<string> VerbArguments, string[] ConfigurationArguments)
{
    public static CommandLine Parse(string[] args)
    {
        // Settings are only the --Key=value form with a ':' in the key, so that a verb's own flags
        // (--dry-run, --out) are never mistaken for configuration.
        static bool IsSetting(string a) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=') && a.IndexOf(':') is > 2 and var colon && colon < a.IndexOf('=');

        var settings = args.Where(IsSetting).ToArray();
        var rest = args.Where(a => !IsSetting(a)).ToList();
        if (rest.Count == 0)
        {
            return new(null, [], settings);
        }

        return new(rest[0].ToLowerInvariant(), rest.Skip(1).ToList(), settings);
    }
}
