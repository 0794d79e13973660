using System.Globalization;
using DoSon.Bot.Hosting;

namespace DoSon.Bot.Storage;

/// <summary>One program at a time on a database file. LiteDB in direct mode lets a second process
/// open the same file without a word, and two writers then lose rows; an exclusive lock file
/// turns that into a clear refusal (an `import` typed while the bot is running). The lock is held
/// without opening the database, so that `restore` can replace a damaged file. Beside it, a small
/// owner file says which process holds it, since the locked file itself cannot be read.</summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerFile;

    private DatabaseLock(FileStream @lock, string ownerFile)
    {
        _lock = @lock;
        _ownerFile = ownerFile;
    }

    public string DatabasePath { get; private init; } = "";

    /// <summary>Takes the lock of the database at <paramref name="databasePath"/> (full path), or
    /// throws an <see cref="ExpectedFailureException"/> saying who holds it.</summary>
    public static DatabaseLock Acquire(string databasePath, string what)
    {
        var full = Path.GetFullPath(databasePath);
        var lockPath = full + ".lock";
        var ownerFile = full + ".lock.owner";
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ExpectedFailureException(StorageTexts.FolderNotWritable(full), ExitCodes.DatabaseUnavailable, ex);
        }
        catch (IOException ex)
        {
            throw new DatabaseInUseException(StorageTexts.InUse(full, ReadOwner(ownerFile)), ex);
        }

        try
        {
            File.WriteAllText(ownerFile, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {what}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The owner file only improves the refusal message; the lock itself is what counts.
        }

        return new DatabaseLock(stream, ownerFile) { DatabasePath = full };
    }

    private static string? ReadOwner(string ownerFile)
    {
        try
        {
            return File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_ownerFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is overwritten by the next holder.
        }

        _lock.Dispose();
    }
}

/// <summary>Another program (the running bot, most often) holds the database: a verb may say what to
/// do instead.</summary>
public sealed class DatabaseInUseException(string message, Exception inner)
    : ExpectedFailureException(message, ExitCodes.Failed, inner);
