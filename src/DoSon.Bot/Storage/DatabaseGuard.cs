using DoSon.Bot.Backups;
using DoSon.Bot.Hosting;

namespace DoSon.Bot.Storage;

/// <summary>Decides, before LiteDB touches a database path, whether it may be opened: only a file
/// that does not exist is created (and only when this run may create one); anything else that is
/// not a sound LiteDB file of a known schema is refused with one sentence and a distinct exit code,
/// never overwritten. LiteDB itself would take an empty file for a new database.</summary>
internal static class DatabaseGuard
{
    /// <summary>Checks the path and takes the one-program lock. Returns whether the file is to be
    /// created new; throws an <see cref="ExpectedFailureException"/> when it cannot be used.</summary>
    public static bool PrepareToOpen(string fullPath, DatabaseUse use, BackupOptions backups, out DatabaseLock processLock)
    {
        // Cheap checks first, without LiteDB and without the lock, so that a verb that must not
        // create a database leaves no folder and no lock file behind.
        if (!File.Exists(fullPath))
        {
            var before = DatabaseFileCheck.Inspect(fullPath, deep: false, forWriting: true);
            if (before.State != DatabaseFileState.Missing)
            {
                throw Refuse(before, backups);
            }

            if (!use.MayCreate)
            {
                throw Refuse(before, backups);
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ExpectedFailureException(StorageTexts.FolderNotWritable(fullPath), ExitCodes.DatabaseUnavailable, ex);
            }
        }

        // The lock before the deep look: another program writing the file could make it look damaged.
        processLock = DatabaseLock.Acquire(fullPath, use.Holder);
        try
        {
            // Deep: every document read once. Bytes damaged inside a data page pass a header check and a
            // count, and would otherwise surface later as a LiteException in the middle of a chat or a
            // reminder; a ward's file (a few MB) is read in well under a second.
            var report = DatabaseFileCheck.Inspect(fullPath, deep: true, forWriting: true);
            return report.State switch
            {
                DatabaseFileState.Ready => false,
                DatabaseFileState.Missing when use.MayCreate => true,
                _ => throw Refuse(report, backups),
            };
        }
        catch
        {
            processLock.Dispose();
            throw;
        }
    }

    public static ExpectedFailureException Refuse(DatabaseFileReport report, BackupOptions backups) =>
        new(StorageTexts.Refused(report.State, report.Path, report.Detail, backups), ExitCodeOf(report.State));

    public static int ExitCodeOf(DatabaseFileState state) => state switch
    {
        DatabaseFileState.Empty or DatabaseFileState.TooShort or DatabaseFileState.NotLiteDb
            or DatabaseFileState.NewerSchema or DatabaseFileState.Damaged => ExitCodes.DatabaseDamaged,
        _ => ExitCodes.DatabaseUnavailable,
    };
}
