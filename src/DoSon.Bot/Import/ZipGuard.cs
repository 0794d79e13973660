using System.IO.Compression;

namespace DoSon.Bot.Import;

/// <summary>A file beyond the import limits (section Import); <see cref="Exception.Message"/> is the
/// reason as a clause ("quá lớn khi giải nén ..."), to follow the file's name.</summary>
public sealed class FileRefusedException : Exception
{
    public FileRefusedException()
    {
    }

    public FileRefusedException(string message)
        : base(message)
    {
    }

    public FileRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Looks into a .xlsx or .docx (a zip) before MiniExcel or OpenXml do: a 1 MB file can
/// inflate to gigabytes, and those libraries inflate whole parts into memory. The central
/// directory is read first (ZipArchive in Read mode reads only the directory) and the file refused
/// on its declared sizes; then every part is inflated through a counter into a fresh zip in memory,
/// so that sizes the headers understate cannot get past the limit either (.NET 10 itself stops a
/// part at its declared size, which leaves the parser a cut part: the file is then reported damaged;
/// the counter holds the limit whatever the zip reader does). Parsers get only that checked copy.</summary>
public static class ZipGuard
{
    /// <summary>A part smaller than this is not held to the ratio: tiny XML parts of a real file
    /// (an empty sheet, the content types) compress far beyond 100:1. Apache POI's grace is the same.</summary>
    private const long RatioGraceBytes = 100 * 1024;

    /// <summary>The checked copy of <paramref name="zip"/>, its parts inflated and counted.</summary>
    /// <exception cref="FileRefusedException">The file is beyond one of the limits.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip, or a damaged one.</exception>
    public static byte[] Checked(Stream zip, ImportOptions limits)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries;
        if (entries.Count > limits.MaxZipEntries)
        {
            throw new FileRefusedException(ImportTexts.TooManyParts(entries.Count, limits.MaxZipEntries));
        }

        // The total first: a file declaring gigabytes is told as too large, whatever its ratio.
        if (entries.Sum(e => e.Length) > limits.MaxUncompressedBytes)
        {
            throw new FileRefusedException(ImportTexts.InflatesTooMuch(limits.MaxUncompressedBytes));
        }

        foreach (var entry in entries)
        {
            if (entry.Length > RatioGraceBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new FileRefusedException(ImportTexts.CompressionRatio(entry.FullName, entry.Length / Math.Max(1, entry.CompressedLength), limits.MaxCompressionRatio));
            }
        }

        using var copy = new MemoryStream();
        using (var output = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
        {
            var budget = new InflateBudget(limits.MaxUncompressedBytes);
            foreach (var entry in entries)
            {
                var target = output.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                using var from = entry.Open();
                using var to = target.Open();
                budget.Copy(from, to);
            }
        }

        return copy.ToArray();
    }

    /// <summary>Counts what every part really inflates to and stops at the limit, whatever the
    /// headers declared.</summary>
    private sealed class InflateBudget(long max)
    {
        private readonly byte[] _buffer = new byte[81920];
        private long _total;

        public void Copy(Stream from, Stream to)
        {
            int read;
            while ((read = from.Read(_buffer, 0, _buffer.Length)) > 0)
            {
                _total += read;
                if (_total > max)
                {
                    throw new FileRefusedException(ImportTexts.InflatesTooMuch(max));
                }

                to.Write(_buffer, 0, read);
            }
        }
    }
}
