namespace DoSon.Bot.Hosting;

/// <summary>The process exit codes, one per kind of expected failure, so that systemd
/// (RestartPreventExitStatus) and scripts can tell a wrong setting from a damaged database.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input could not be used (a file with errors, a file that cannot be written, a database in use, a check that found problems).</summary>
    public const int Failed = 1;

    /// <summary>A wrong command line or a wrong setting.</summary>
    public const int Usage = 2;

    /// <summary>The database file exists but is damaged, empty, not LiteDB or of an unknown schema version: never overwritten.</summary>
    public const int DatabaseDamaged = 3;

    /// <summary>The database file or its folder cannot be read or written, or the path is a folder or lies under a file.</summary>
    public const int DatabaseUnavailable = 4;
}

/// <summary>A failure the program expects (a wrong setting, a damaged or busy database, a bad
/// file): the top level prints its one Vietnamese sentence, never a stack trace, and exits with
/// <see cref="ExitCode"/>.</summary>
public class ExpectedFailureException(string message, int exitCode, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
