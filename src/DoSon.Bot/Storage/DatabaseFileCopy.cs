using LiteDB;

namespace DoSon.Bot.Storage;

/// <summary>Copies a database that no program has open (the caller holds its <see cref="DatabaseLock"/>)
/// into one self-contained file, without writing to the original: changes still in its -log.db are
/// folded into the copy, never into the source.</summary>
public static class DatabaseFileCopy
{
    /// <summary>Where LiteDB 5 keeps the write-ahead log of a database file: "name-log.ext" beside it.</summary>
    public static string LogFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    public static void CopyClosed(string source, string destination)
    {
        File.Copy(source, destination, overwrite: false);
        var log = LogFileOf(source);
        var copiedLog = LogFileOf(destination);
        if (!File.Exists(log) || new FileInfo(log).Length == 0)
        {
            return;
        }

        try
        {
            File.Copy(log, copiedLog, overwrite: true);
            using (var db = new LiteDatabase(new ConnectionString { Filename = destination, Connection = ConnectionType.Direct }, new BsonMapper()))
            {
                db.Checkpoint();
            }
        }
        finally
        {
            File.Delete(copiedLog);
        }
    }
}
