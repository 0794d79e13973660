using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DoSon.Bot.Import;

namespace DoSon.Bot.Notices;

/// <summary>Reads a notice file (.txt or .docx) into lines of text, refusing what is not one.</summary>
public static class NoticeReader
{
    /// <exception cref="NoticeRejectedException">The file is missing, empty, too large, of another
    /// type, not text, or a damaged .docx.</exception>
    public static IReadOnlyList<string> Read(string path, long maxBytes, ImportOptions? limits = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new NoticeRejectedException(NoticeTexts.FileNotFound(path));
        }

        if (info.Length == 0)
        {
            throw new NoticeRejectedException(NoticeTexts.EmptyFile(path));
        }

        if (info.Length > maxBytes)
        {
            throw new NoticeRejectedException(NoticeTexts.TooLarge(path, info.Length, maxBytes));
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NoticeRejectedException(NoticeTexts.CannotRead(path, ex.Message), ex);
        }

        return Read(bytes, path, maxBytes, limits);
    }

    /// <summary>The same checks and reading for content that did not come from a file of ours (a
    /// document sent to the bot in a chat); messages name it <paramref name="fileName"/>, as sent.</summary>
    /// <exception cref="NoticeRejectedException">The content is empty, too large, of another type,
    /// not text, or a damaged .docx.</exception>
    public static IReadOnlyList<string> Read(byte[] bytes, string fileName, long maxBytes, ImportOptions? limits = null)
    {
        if (bytes.Length == 0)
        {
            throw new NoticeRejectedException(NoticeTexts.EmptyFile(fileName));
        }

        if (bytes.Length > maxBytes)
        {
            throw new NoticeRejectedException(NoticeTexts.TooLarge(fileName, bytes.Length, maxBytes));
        }

        var lines = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" => ReadText(bytes, fileName),
            ".docx" => ReadDocx(bytes, fileName, limits ?? new ImportOptions()),
            ".doc" => throw new NoticeRejectedException(NoticeTexts.OldWordFormat(fileName)),
            _ => throw new NoticeRejectedException(NoticeTexts.UnsupportedType(fileName)),
        };

        if (lines.All(string.IsNullOrWhiteSpace))
        {
            throw new NoticeRejectedException(NoticeTexts.EmptyFile(fileName));
        }

        return lines;
    }

    /// <summary>The file name says it is a notice this reader can read (.txt or .docx).</summary>
    public static bool CanRead(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".txt" or ".docx";

    /// <summary>UTF-8 with or without BOM, or UTF-16 with its BOM (Notepad's "Unicode"). Anything
    /// that does not decode cleanly, or holds control characters, is not a text file.</summary>
    public static IReadOnlyList<string> ReadText(byte[] bytes, string path)
    {
        string text;
        try
        {
            text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => Strict(new UTF8Encoding(false, true), bytes, 3),
                [0xFF, 0xFE, ..] => Strict(new UnicodeEncoding(false, false, true), bytes, 2),
                [0xFE, 0xFF, ..] => Strict(new UnicodeEncoding(true, false, true), bytes, 2),
                _ => Strict(new UTF8Encoding(false, true), bytes, 0),
            };
        }
        catch (DecoderFallbackException ex)
        {
            throw new NoticeRejectedException(NoticeTexts.NotText(path), ex);
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v')))
        {
            throw new NoticeRejectedException(NoticeTexts.NotText(path));
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r', '\f', '\v');
    }

    private static string Strict(Encoding encoding, byte[] bytes, int skip) => encoding.GetString(bytes, skip, bytes.Length - skip);

    /// <summary>Each paragraph (tables included, in document order) with the number or bullet Word
    /// draws in front of it, followed by a blank line, as a .txt export would give. OpenXml reads
    /// only the copy the zip guard checked, so that a document inflating to gigabytes is refused
    /// before it is parsed.</summary>
    public static IReadOnlyList<string> ReadDocx(byte[] bytes, string path, ImportOptions limits)
    {
        try
        {
            byte[] zip;
            using (var original = new MemoryStream(bytes, writable: false))
            {
                zip = ZipGuard.Checked(original, limits);
            }

            using var stream = new MemoryStream(zip, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);

            // A zip that is not a Word document opens without complaint and simply has no main part.
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new NoticeRejectedException(NoticeTexts.NotADocx(path));
            return DocxText.Lines(document.MainDocumentPart!, body);
        }
        catch (FileRefusedException ex)
        {
            throw new NoticeRejectedException(NoticeTexts.Refused(path, ex.Message), ex);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException
                                       or XmlException or InvalidOperationException or IOException or ArgumentException)
        {
            throw new NoticeRejectedException(NoticeTexts.DamagedDocx(path), ex);
        }
    }
}
