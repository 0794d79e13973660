using DoSon.Bot.Import;

namespace DoSon.Bot.Notices;

/// <summary>Writes a draft where the office asked for it. The file appears whole or not at all:
/// it is written beside the target under a temporary name and then moved into place.</summary>
public static class DraftWriter
{
    public static bool IsSupported(string path) => Path.GetExtension(path).ToLowerInvariant() is ".json" or ".xlsx";

    public static string ToJson(AssignmentFile draft) => AssignmentJson.Serialize(draft, writeNulls: true);

    /// <summary>Writes the draft (JSON, or the import workbook for .xlsx); returns null when written,
    /// or the Vietnamese reason it was not.</summary>
    public static string? Write(AssignmentFile draft, string path, bool overwrite)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".json" or ".xlsx"))
        {
            return NoticeTexts.UnsupportedOut(path);
        }

        if (File.Exists(path) && !overwrite)
        {
            return NoticeTexts.OutExists(path);
        }

        try
        {
            if (extension == ".xlsx")
            {
                AssignmentWorkbook.Write(draft, path);
            }
            else
            {
                AssignmentReader.WriteAtomically(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(ToJson(draft) + "\n")));
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return NoticeTexts.CannotWrite(path, ex.Message);
        }
    }
}
