using DoSon.Bot.Hosting;
using DoSon.Bot.Import;

namespace DoSon.Bot.Cli;

internal sealed record VerbArguments(string? Path, IReadOnlySet<string> Flags, string? Problem)
{
    /// <summary>The exit code for input that could not be used (a file with errors, a file that
    /// cannot be written); 2 (<see cref="CliRunner.UsageError"/>) is for a wrong command line.</summary>
    public const int Failed = ExitCodes.Failed;

    public static VerbArguments Parse(IReadOnlyList<string> arguments, string[] flags, string[] extensions, string allowed)
    {
        string? path = null;
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in arguments)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (!flags.Contains(a, StringComparer.OrdinalIgnoreCase))
                {
                    return new(null, set, ImportTexts.UnknownOption(a));
                }

                set.Add(a);
            }
            else if (path is null)
            {
                path = a;
            }
            else
            {
                return new(null, set, ImportTexts.ExtraArgument(a));
            }
        }

        if (path is null)
        {
            return new(null, set, ImportTexts.MissingPath);
        }

        var extension = System.IO.Path.GetExtension(path);
        return extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? new(path, set, null)
            : new(null, set, ImportTexts.WrongExtension(extension, allowed));
    }

    public static bool TryWrite(Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
