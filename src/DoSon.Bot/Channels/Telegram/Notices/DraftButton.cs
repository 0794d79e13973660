using System.Security.Cryptography;

namespace DoSon.Bot.Channels.Telegram.Notices;

/// <summary>The callback data of the "import this draft" button: "n:imp:" and the draft's id. The id
/// is random so that it cannot be guessed, but it is no secret: who taps is checked on arrival.</summary>
public static class DraftButton
{
    public const string Prefix = "n:";

    private const string ImportPrefix = "n:imp:";

    /// <summary>No 0/O or 1/I, as for invite codes.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int IdLength = 10;

    public static string NewId() => RandomNumberGenerator.GetString(Alphabet, IdLength);

    public static string Encode(string draftId) => ImportPrefix + draftId;

    /// <summary>The data belongs to this button family (even if malformed), not to the task buttons.</summary>
    public static bool IsDraftData(string? data) => data is not null && data.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Decodes the data; anything malformed gives false, never an exception.</summary>
    public static bool TryDecode(string? data, out string draftId)
    {
        draftId = "";
        if (data is null || !data.StartsWith(ImportPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = data[ImportPrefix.Length..];
        if (id.Length != IdLength || !id.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        draftId = id;
        return true;
    }
}
