using Microsoft.Extensions.Options;

namespace DoSon.Bot.Notices;

/// <summary>File in, draft out: reads a notice file, parses it and builds the draft with the
/// ward's alias table and default units from the settings.</summary>
public sealed class NoticeDrafter(IOptions<NoticeOptions> options)
{
    /// <exception cref="NoticeRejectedException">The file cannot be read as a notice.</exception>
    public NoticeDraft Draft(string path)
    {
        var settings = options.Value;
        var lines = NoticeReader.Read(path, settings.MaxFileBytes);

        // Messages name the file as the office typed it, so it is recognised.
        var notice = NoticeParser.Parse(lines, path);
        return Builder(settings).Build(notice);
    }

    public static NoticeDraftBuilder Builder(NoticeOptions settings) =>
        new(new UnitAliasTable(settings.UnitAliases), settings.DefaultLeadUnits);
}
