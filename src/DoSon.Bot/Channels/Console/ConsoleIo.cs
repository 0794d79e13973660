namespace DoSon.Bot.Channels.Console;

/// <summary>The terminal, injectable so that tests can type into it and read what it printed.</summary>
public sealed class ConsoleIo(TextReader input, TextWriter output, bool interactive)
{
    public static ConsoleIo System() =>
        new(global::System.Console.In, global::System.Console.Out, !global::System.Console.IsInputRedirected);

    public TextReader Input { get; } = input;

    public TextWriter Output { get; } = output;

    /// <summary>A person at a terminal (show a prompt) rather than piped input.</summary>
    public bool Interactive { get; } = interactive;

    private readonly Lock _write = new();

    public void WriteBlock(string text)
    {
        lock (_write)
        {
            Output.WriteLine(text);
            Output.WriteLine();
            Output.Flush();
        }
    }
}
