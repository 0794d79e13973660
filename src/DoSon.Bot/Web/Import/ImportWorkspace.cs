using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Web.Import;

/// <summary>What an upload gave: a draft to correct (a notice), a file to preview (an assignment
/// file), or the sentence saying why it was refused.</summary>
public sealed record UploadResult(string? DraftId, string? FileId, string? Refusal);

/// <summary>An assignment file uploaded and waiting for the admin's confirmation, kept here (never
/// posted back by the browser) for <see cref="ImportWorkspace.PendingLifetime"/>.</summary>
public sealed record PendingFile(string Id, string MemberCode, string FileName, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>What an import would do, read against the database as it was just before.</summary>
public sealed record ImportPreview(string FileName, ImportOutcome Outcome, StoreSnapshot Before);

/// <summary>What a confirmed import did, kept for the page that shows it.</summary>
public sealed record ImportDone(string FileName, ImportOutcome Outcome, string Report, DateTimeOffset At);

/// <summary>The web console's import: the same drafter (notices), importer (assignment files, all or
/// nothing, backup first through IBeforeImport) and draft store as the files sent to the bot on
/// Telegram and the `notice` / `import` verbs. Notices become drafts in the draft store; an assignment
/// file waits in memory under a random id until it is confirmed or expires.</summary>
public sealed class ImportWorkspace(
    NoticeDrafter drafter,
    AssignmentImporter importer,
    INoticeDraftStore drafts,
    IBotStore store,
    TimeProvider time,
    ILogger<ImportWorkspace> logger)
{
    /// <summary>As long as a draft sent on Telegram waits for its button.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(3);

    /// <summary>An uploaded assignment file is confirmed within minutes or uploaded again.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, PendingFile> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImportDone> _done = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<AttentionKind>>> _flags = new(StringComparer.Ordinal);

    /// <summary>The largest file either kind of upload takes (Notices:MaxFileBytes, Import:MaxFileBytes).</summary>
    public long MaxUploadBytes => Math.Max(drafter.MaxFileBytes, importer.Limits.MaxFileBytes);

    public async Task<UploadResult> UploadAsync(Member admin, string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".doc")
        {
            return new(null, null, NoticeTexts.OldWordFormat(fileName));
        }

        if (NoticeReader.CanRead(fileName))
        {
            return await DraftAsync(admin, fileName, content);
        }

        if (extension is not (".xlsx" or ".json"))
        {
            return new(null, null, WebTexts.ImportFileType(fileName));
        }

        if (content.Length > importer.Limits.MaxFileBytes)
        {
            return new(null, null, TooLargeFile(fileName, content.Length));
        }

        var now = time.GetUtcNow();
        foreach (var old in _pending.Values.Where(p => p.ExpiresAt <= now))
        {
            _pending.TryRemove(old.Id, out _);
        }

        var pending = new PendingFile(NewId(), admin.Code, fileName, content, now + PendingLifetime);
        _pending[pending.Id] = pending;
        logger.LogInformation("{Member} tải lên tệp giao việc {File} trên trang quản trị.", admin.Code, fileName);
        return new(null, pending.Id, null);
    }

    /// <summary>The sentence `import` prints for a file beyond Import:MaxFileBytes.</summary>
    public string TooLargeFile(string fileName, long size) =>
        new ImportError(fileName, ImportTexts.WholeFile, null, ImportTexts.FileTooLarge(size, importer.Limits.MaxFileBytes)).ToString();

    /// <summary>The sentence `notice parse` and chat give for a notice beyond Notices:MaxFileBytes.</summary>
    public string TooLargeNotice(string fileName, long size) => NoticeTexts.TooLarge(fileName, size, drafter.MaxFileBytes);

    private async Task<UploadResult> DraftAsync(Member admin, string fileName, byte[] content)
    {
        NoticeDraft draft;
        try
        {
            draft = drafter.Draft(content, fileName);
        }
        catch (NoticeRejectedException ex)
        {
            return new(null, null, ex.Message);
        }

        var report = draft.Report;
        var now = time.GetUtcNow();
        var record = new NoticeDraftRecord(
            NewId(), admin.Code, fileName, DraftName(report), report.TaskCount, AssignmentJson.Serialize(draft.File), now, now + DraftLifetime);
        await drafts.SaveDraftAsync(record);
        _flags[record.Id] = report.Attention
            .Where(a => a.TaskCode is not null)
            .GroupBy(a => a.TaskCode!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<AttentionKind>)g.Select(a => a.Kind).ToHashSet(), StringComparer.OrdinalIgnoreCase);
        logger.LogInformation("{Member} tải lên thông báo {File} trên trang quản trị: bản nháp {Draft} gồm {Tasks} nhiệm vụ.", admin.Code, fileName, record.Id, report.TaskCount);
        return new(record.Id, null, null);
    }

    /// <summary>ban-nhap-T2603, as the draft sent back on Telegram is named.</summary>
    public static string DraftName(NoticeReport report) =>
        FormattableString.Invariant($"ban-nhap-T{report.Year % 100:00}{report.Month:00}");

    /// <summary>What the parser flagged in each task of the draft, while this process keeps it (the
    /// task's note, in the draft itself, says it in words in any case).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<AttentionKind>> FlagsOf(string draftId) =>
        _flags.TryGetValue(draftId, out var flags) ? flags : new Dictionary<string, IReadOnlySet<AttentionKind>>();

    public async Task<NoticeDraftRecord?> FindDraftAsync(string id)
    {
        var draft = await drafts.FindDraftAsync(id);
        return draft is not null && draft.ImportedAt is null && draft.ExpiresAt > time.GetUtcNow() ? draft : null;
    }

    public PendingFile? FindFile(string id) =>
        _pending.TryGetValue(id, out var file) && file.ExpiresAt > time.GetUtcNow() ? file : null;

    /// <summary>Checks an edited draft with the importer's own checks (a dry run); saves it only when
    /// it has no error.</summary>
    public async Task<IReadOnlyList<ImportError>> SaveDraftAsync(NoticeDraftRecord draft, AssignmentFile edited, Member admin)
    {
        var json = AssignmentJson.Serialize(edited);
        var outcome = await importer.ImportContentAsync(DraftFileName(draft), Encoding.UTF8.GetBytes(json + "\n"), dryRun: true, admin.Code);
        if (!outcome.Succeeded)
        {
            return outcome.Errors;
        }

        await drafts.SaveDraftAsync(draft with { Json = json, TaskCount = edited.Tasks?.Count ?? 0 });
        return [];
    }

    public async Task<ImportPreview> PreviewDraftAsync(NoticeDraftRecord draft, Member admin) =>
        await PreviewAsync(DraftFileName(draft), DraftContent(draft), admin);

    public async Task<ImportPreview> PreviewFileAsync(PendingFile file, Member admin) =>
        await PreviewAsync(file.FileName, file.Content, admin);

    private async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, Member admin)
    {
        var before = await StoreSnapshot.OfAsync(store);
        var outcome = await importer.ImportContentAsync(fileName, content, dryRun: true, admin.Code);
        return new(fileName, outcome, before);
    }

    /// <summary>Imports the file once: it is taken out of the waiting list first (a second click finds
    /// nothing) and put back when the import fails, to be tried again once the cause is fixed.</summary>
    public async Task<string?> ConfirmFileAsync(string id, Member admin)
    {
        if (!_pending.TryRemove(id, out var file) || file.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        var outcome = await importer.ImportContentAsync(file.FileName, file.Content, dryRun: false, admin.Code);
        if (!outcome.Succeeded)
        {
            _pending[id] = file;
        }

        logger.LogInformation("{Member} nhập tệp {File} trên trang quản trị: {Result}.", admin.Code, file.FileName,
            outcome.Succeeded ? "đã nhập" : $"{outcome.Errors.Count} lỗi, chưa ghi gì");
        return Done(file.FileName, outcome);
    }

    /// <summary>Imports a draft once, as its button does on Telegram: claimed in the draft store first,
    /// released when the import fails.</summary>
    public async Task<string?> ConfirmDraftAsync(string id, Member admin)
    {
        var claim = await drafts.ClaimDraftAsync(id, admin.Code, time.GetUtcNow());
        if (claim.Result != DraftClaimResult.Claimed)
        {
            return null;
        }

        var draft = claim.Draft!;
        ImportOutcome outcome;
        try
        {
            outcome = await importer.ImportContentAsync(DraftFileName(draft), DraftContent(draft), dryRun: false, admin.Code);
        }
        catch
        {
            await drafts.ReleaseDraftAsync(id);
            throw;
        }

        if (!outcome.Succeeded)
        {
            await drafts.ReleaseDraftAsync(id);
        }

        logger.LogInformation("{Member} nhập bản nháp {Draft} ({File}) trên trang quản trị: {Result}.", admin.Code, id, draft.FileName,
            outcome.Succeeded ? "đã nhập" : $"{outcome.Errors.Count} lỗi, chưa ghi gì");
        return Done(DraftFileName(draft), outcome);
    }

    public ImportDone? FindDone(string id) => _done.TryGetValue(id, out var done) ? done : null;

    private string Done(string fileName, ImportOutcome outcome)
    {
        var id = NewId();
        var now = time.GetUtcNow();
        foreach (var old in _done.Where(d => d.Value.At < now - DraftLifetime))
        {
            _done.TryRemove(old.Key, out _);
        }

        _done[id] = new ImportDone(fileName, outcome, ImportReport.Format(outcome, fileName, dryRun: false), time.GetUtcNow());
        return id;
    }

    /// <summary>The draft as the assignment file it is (stored in the import's JSON form by us).</summary>
    public static AssignmentFile DraftFile(NoticeDraftRecord draft) =>
        System.Text.Json.JsonSerializer.Deserialize<AssignmentFile>(draft.Json) ?? new AssignmentFile();

    private static string DraftFileName(NoticeDraftRecord draft) => draft.DraftName + ".json";

    private static byte[] DraftContent(NoticeDraftRecord draft) => Encoding.UTF8.GetBytes(draft.Json + "\n");

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
