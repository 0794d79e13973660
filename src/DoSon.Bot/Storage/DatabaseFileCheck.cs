using System.Text;
using LiteDB;

namespace DoSon.Bot.Storage;

public enum DatabaseFileState
{
    /// <summary>Nothing at the path and its folder can be made: the only case where a new database may be created.</summary>
    Missing,

    /// <summary>A LiteDB file of a schema version this program understands, whose collections could be read.</summary>
    Ready,

    /// <summary>0 bytes (a full disk, a failed copy).</summary>
    Empty,

    /// <summary>Shorter than a LiteDB header page.</summary>
    TooShort,

    /// <summary>Its header is not LiteDB's.</summary>
    NotLiteDb,

    /// <summary>Written by a newer DoSon.Bot (schema version above <see cref="LiteDbBotStore.SchemaVersion"/>).</summary>
    NewerSchema,

    /// <summary>A LiteDB header, but LiteDB fails on opening or reading it.</summary>
    Damaged,

    /// <summary>The path is a folder.</summary>
    IsDirectory,

    /// <summary>A part of the path's folder is a file.</summary>
    ParentIsFile,

    /// <summary>The file or its folder cannot be read.</summary>
    Unreadable,

    /// <summary>The file or its folder can be read but not written.</summary>
    NotWritable,
}

/// <summary>What was found at a database path; <see cref="Counts"/> holds the documents of each
/// collection when the file could be read.</summary>
public sealed record DatabaseFileReport(
    string Path,
    DatabaseFileState State,
    string? Detail,
    int SchemaVersion,
    IReadOnlyDictionary<string, int> Counts)
{
    public bool IsUsable => State is DatabaseFileState.Ready;
}

/// <summary>Looks at a database file before anything opens it for writing. LiteDB takes an empty
/// or missing file for a new database and writes over it without a word, and throws a stack of
/// exceptions on a damaged one; this check turns each case into a state the caller can refuse
/// with one sentence, and never writes to the file.</summary>
public static class DatabaseFileCheck
{
    /// <summary>LiteDB 5 writes this at byte 32 of the header page, followed by the file format version (8).</summary>
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");
    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = HeaderInfoOffset + 27;
    private const byte FileVersion = 8;
    private const int PageSize = 8192;

    /// <param name="path">The database file.</param>
    /// <param name="deep">Read every document of every collection (the `check` verb, a backup's
    /// verification); otherwise only open the file and count each collection, which is what a start can afford.</param>
    /// <param name="forWriting">Also require that the file and its folder can be written.</param>
    public static DatabaseFileReport Inspect(string path, bool deep = false, bool forWriting = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        DatabaseFileReport Report(DatabaseFileState state, string? detail = null) =>
            new(full, state, detail, 0, new Dictionary<string, int>());

        if (Directory.Exists(full))
        {
            return Report(DatabaseFileState.IsDirectory);
        }

        if (FirstFileAbove(full) is { } parentFile)
        {
            return Report(DatabaseFileState.ParentIsFile, parentFile);
        }

        if (!File.Exists(full))
        {
            return Report(DatabaseFileState.Missing);
        }

        byte[] header;
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length == 0)
            {
                return Report(DatabaseFileState.Empty);
            }

            if (stream.Length < PageSize)
            {
                return Report(DatabaseFileState.TooShort, stream.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            header = new byte[HeaderInfoOffset + HeaderInfo.Length + 1];
            stream.ReadExactly(header);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return Report(DatabaseFileState.Unreadable, ex.Message);
        }

        if (!header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo) || header[FileVersionOffset] != FileVersion)
        {
            return Report(DatabaseFileState.NotLiteDb);
        }

        if (forWriting && !CanWrite(full))
        {
            return Report(DatabaseFileState.NotWritable);
        }

        return ReadWithLiteDb(full, deep);
    }

    private static DatabaseFileReport ReadWithLiteDb(string full, bool deep)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int version;
        try
        {
            // Read-only: a damaged file is never "repaired" by LiteDB's own recovery on open.
            using var db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct, ReadOnly = true }, new BsonMapper());
            version = db.UserVersion;
            foreach (var name in db.GetCollectionNames().OrderBy(n => n, StringComparer.Ordinal))
            {
                var collection = db.GetCollection(name);
                counts[name] = deep ? collection.FindAll().Count() : collection.Count();
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            return new(full, DatabaseFileState.Unreadable, ex.Message, 0, counts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // LiteDB 5 reports damaged pages with whatever exception the bytes lead it to; all of them mean the same here.
            return new(full, DatabaseFileState.Damaged, ex.Message, 0, counts);
        }

        return version > LiteDbBotStore.SchemaVersion
            ? new(full, DatabaseFileState.NewerSchema, version.ToString(System.Globalization.CultureInfo.InvariantCulture), version, counts)
            : new(full, DatabaseFileState.Ready, null, version, counts);
    }

    /// <summary>The file and its folder (where LiteDB writes its -log.db and we write the .lock) must both be writable.</summary>
    private static bool CanWrite(string full)
    {
        try
        {
            using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
            }

            var probe = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, "." + System.IO.Path.GetFileName(full) + ".probe-" + Environment.ProcessId);
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static string? FirstFileAbove(string full)
    {
        for (var dir = System.IO.Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return dir;
            }

            if (Directory.Exists(dir))
            {
                return null;
            }
        }

        return null;
    }
}
