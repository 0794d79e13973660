using DoSon.Bot.Import;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Notices;

/// <summary>File in, draft out: reads a notice file, parses it and builds the draft with the
/// ward's alias table and default units from the settings.</summary>
public sealed class NoticeDrafter(IOptions<NoticeOptions> options, IOptions<ImportOptions>? importOptions = null)
{
    private readonly ImportOptions _limits = importOptions?.Value ?? new ImportOptions();

    /// <summary>A notice larger than this is refused (Notices:MaxFileBytes).</summary>
    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <exception cref="NoticeRejectedException">The file cannot be read as a notice.</exception>
    public NoticeDraft Draft(string path)
    {
        var lines = NoticeReader.Read(path, options.Value.MaxFileBytes, _limits);

        // Messages name the file as the office typed it, so it is recognised.
        return Build(lines, path);
    }

    /// <summary>The same for a notice that came as content (a document sent to the bot in a chat):
    /// the same checks, parser, draft and report as `notice parse`.</summary>
    /// <exception cref="NoticeRejectedException">The content cannot be read as a notice.</exception>
    public NoticeDraft Draft(byte[] content, string fileName) =>
        Build(NoticeReader.Read(content, fileName, options.Value.MaxFileBytes, _limits), fileName);

    private NoticeDraft Build(IReadOnlyList<string> lines, string fileName) =>
        Builder(options.Value).Build(NoticeParser.Parse(lines, fileName));

    public static NoticeDraftBuilder Builder(NoticeOptions settings) =>
        new(new UnitAliasTable(settings.UnitAliases), settings.DefaultLeadUnits);
}
