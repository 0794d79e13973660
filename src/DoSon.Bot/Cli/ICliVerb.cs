namespace DoSon.Bot.Cli;

/// <summary>A one-shot command of the program (import, export, template, ...): runs instead of the
/// bot and returns the process exit code.</summary>
public interface ICliVerb
{
    /// <summary>The first word on the command line, e.g. "import".</summary>
    string Name { get; }

    /// <summary>Usage lines for `--help`.</summary>
    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken);
}
