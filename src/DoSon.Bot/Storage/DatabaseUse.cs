namespace DoSon.Bot.Storage;

/// <summary>How this run of the program may use the database file, decided by the top level from
/// the command line before anything opens it: only the bot's start and `import` may create a new
/// file; every other verb works on an existing ward or fails with a sentence naming the path. The
/// store opens the file on first use, so verbs that never touch it (`template`, `notice parse`,
/// `--help`) never open or create it.</summary>
public sealed class DatabaseUse
{
    /// <summary>A file that does not exist may be created (and then seeded). Tests and the bot: yes.</summary>
    public bool MayCreate { get; set; } = true;

    /// <summary>What the lock's owner file says holds the database (shown to a second program).</summary>
    public string Holder { get; set; } = "DoSon.Bot";

    /// <summary>Where to say which database file is used once it is open; null: say nothing.</summary>
    public TextWriter? Announce { get; set; }

    /// <summary>Set when the store opened: the full path of the file.</summary>
    public string? OpenedPath { get; internal set; }

    /// <summary>Set when the store opened: the file did not exist and was created by this run.</summary>
    public bool CreatedNew { get; internal set; }
}
