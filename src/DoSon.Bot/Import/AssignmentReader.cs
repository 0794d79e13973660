namespace DoSon.Bot.Import;

/// <summary>What reading a file gave: the file (null when nothing could be read), how to name
/// places in it, and the problems met while reading. Reading goes on after a bad cell so that
/// every problem is reported at once.</summary>
internal sealed record FileRead(AssignmentFile? File, IFileLayout Layout, IReadOnlyList<ImportError> Errors);

internal static class AssignmentReader
{
    public static FileRead Read(string path, ImportOptions limits)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Failed(name, ImportTexts.FileNotFound);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".json" or ".xlsx"))
        {
            return Failed(name, ImportTexts.UnsupportedExtension(extension));
        }

        // Refused before anything is read: the size on disk is known for free.
        var size = new FileInfo(path).Length;
        if (size > limits.MaxFileBytes)
        {
            return Failed(name, ImportTexts.FileTooLarge(size, limits.MaxFileBytes));
        }

        return extension == ".json" ? AssignmentJson.ReadDetailed(path, limits) : AssignmentWorkbook.ReadDetailed(path, limits);
    }

    public static FileRead Failed(string fileName, string message) =>
        new(null, new JsonLayout(fileName), [new ImportError(fileName, ImportTexts.WholeFile, null, message)]);

    /// <summary>Writes through a temporary file beside the target, so that a failure half way
    /// never leaves a cut file in place of a good one.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
