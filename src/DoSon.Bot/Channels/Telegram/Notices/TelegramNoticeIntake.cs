using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Messaging;
using DoSon.Bot.Notices;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DoSon.Bot.Channels.Telegram.Notices;

/// <summary>A document for the bot to send back: the draft workbook, with its caption and button.</summary>
public sealed record OutgoingDocument(string FileName, byte[] Content, string Caption, IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons);

/// <summary>What the bot answers to a file: texts, in order, then maybe a document.</summary>
public sealed record IntakeAnswer(IReadOnlyList<string> Texts, OutgoingDocument? Document = null)
{
    public static IntakeAnswer Say(string text) => new([text]);
}

/// <summary>Files an admin sends the bot in a private chat: a notice (.docx, .txt) becomes a draft
/// through the same reader, parser and report as `notice parse`, sent back as the import workbook with
/// a button that imports it as it is; an assignment file (.xlsx, .json) is imported through the same
/// importer and report as `import` (all or nothing). A draft waits in the database for the button,
/// so that a restart does not lose it.</summary>
public sealed class TelegramNoticeIntake(
    TelegramApi api,
    NoticeDrafter drafter,
    AssignmentImporter importer,
    INoticeDraftStore drafts,
    TimeProvider time,
    ILogger<TelegramNoticeIntake> logger)
{
    /// <summary>A draft not imported within this time is refused: by then a newer notice or a
    /// corrected workbook has likely replaced it.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(3);

    public async Task<IntakeAnswer> ReceiveAsync(Member member, Document document, CancellationToken cancellationToken)
    {
        if (member.Role != MemberRole.Admin)
        {
            return IntakeAnswer.Say(TelegramTexts.FilesAdminOnly);
        }

        var fileName = FileNameOf(document);
        var max = drafter.MaxFileBytes;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isNotice = NoticeReader.CanRead(fileName);
        if (extension == ".doc")
        {
            return IntakeAnswer.Say(NoticeTexts.OldWordFormat(fileName));
        }

        if (!isNotice && extension is not (".xlsx" or ".json"))
        {
            return IntakeAnswer.Say(TelegramTexts.FileTypeNotAccepted(fileName));
        }

        // Refused before downloading: Telegram tells the size, and a wrong file can be large.
        if (document.FileSize is { } size && size > max)
        {
            return IntakeAnswer.Say(TooLarge(fileName, size, max, isNotice));
        }

        var content = await DownloadAsync(document, fileName, cancellationToken);
        if (content is null)
        {
            return IntakeAnswer.Say(TelegramTexts.FileNotDownloaded(fileName));
        }

        if (content.Length > max)
        {
            return IntakeAnswer.Say(TooLarge(fileName, content.Length, max, isNotice));
        }

        return isNotice ? await DraftAsync(member, content, fileName) : await ImportAsync(member, content, fileName);
    }

    private static string TooLarge(string fileName, long size, long max, bool isNotice) =>
        isNotice ? NoticeTexts.TooLarge(fileName, size, max) : TelegramTexts.FileTooLarge(fileName, size, max);

    private async Task<IntakeAnswer> DraftAsync(Member member, byte[] content, string fileName)
    {
        NoticeDraft draft;
        try
        {
            draft = drafter.Draft(content, fileName);
        }
        catch (NoticeRejectedException ex)
        {
            logger.LogInformation("Thông báo {File} của {Member} không đọc được: {Reason}", fileName, member.Code, ex.Message);
            return IntakeAnswer.Say(ex.Message);
        }

        var report = draft.Report;
        var draftName = DraftName(report);
        var workbookName = draftName + ".xlsx";
        var workbook = await InTempFolderAsync(workbookName, path =>
        {
            AssignmentWorkbook.Write(draft.File, path);
            return Task.FromResult(File.ReadAllBytes(path));
        });

        var now = time.GetUtcNow();
        var record = new NoticeDraftRecord(
            DraftButton.NewId(), member.Code, fileName, draftName, report.TaskCount, AssignmentJson.Serialize(draft.File), now, now + DraftLifetime);
        await drafts.SaveDraftAsync(record);
        logger.LogInformation("{Member} gửi thông báo {File}: bản nháp {Draft} gồm {Tasks} nhiệm vụ.", member.Code, fileName, record.Id, report.TaskCount);

        var caption = TelegramTexts.DraftCaption(report.TaskCount, report.Month, report.Year, fileName, record.ExpiresAt);
        return new IntakeAnswer(
            [NoticeTexts.Report(report)],
            new OutgoingDocument(workbookName, workbook, caption, [[new ReplyButton(TelegramTexts.ImportDraftButton, DraftButton.Encode(record.Id))]]));
    }

    private async Task<IntakeAnswer> ImportAsync(Member member, byte[] content, string fileName)
    {
        var (outcome, text) = await ImportFileAsync(member, fileName, content);
        logger.LogInformation("{Member} gửi tệp giao việc {File}: {Result}.", member.Code, fileName, outcome.Succeeded ? "đã nhập" : $"{outcome.Errors.Count} lỗi, chưa ghi gì");
        return IntakeAnswer.Say(text);
    }

    /// <summary>Imports a stored draft as it is, in the name of <paramref name="member"/>.</summary>
    public async Task<(ImportOutcome Outcome, string Text)> ImportDraftAsync(NoticeDraftRecord draft, Member member)
    {
        var result = await ImportFileAsync(member, draft.DraftName + ".json", System.Text.Encoding.UTF8.GetBytes(draft.Json + "\n"));
        logger.LogInformation("{Member} nhập bản nháp {Draft} ({File}): {Result}.", member.Code, draft.Id, draft.FileName,
            result.Outcome.Succeeded ? "đã nhập" : $"{result.Outcome.Errors.Count} lỗi, chưa ghi gì");
        return result;
    }

    private async Task<(ImportOutcome Outcome, string Text)> ImportFileAsync(Member member, string fileName, byte[] content)
    {
        var outcome = await importer.ImportContentAsync(fileName, content, dryRun: false, member.Code);
        return (outcome, ImportReport.Format(outcome, fileName, dryRun: false));
    }

    private static async Task<T> InTempFolderAsync<T>(string fileName, Func<string, Task<T>> use)
    {
        var folder = Path.Combine(Path.GetTempPath(), "doson-bot", "telegram-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return await use(Path.Combine(folder, fileName));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning; nothing depends on it.
            }
        }
    }

    private async Task<byte[]?> DownloadAsync(Document document, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var file = await api.Client.GetFile(document.FileId, cancellationToken);
            using var buffer = new MemoryStream();
            await api.Client.DownloadFile(file, buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or IOException or TimeoutException)
        {
            logger.LogWarning("Không tải được tệp {File} từ Telegram: {Error}", fileName, api.Redact(ex.Message));
            return null;
        }
    }

    /// <summary>ban-nhap-T2603: with the month's task-code prefix, so that drafts of two months differ.</summary>
    public static string DraftName(NoticeReport report) =>
        FormattableString.Invariant($"ban-nhap-T{report.Year % 100:00}{report.Month:00}");

    /// <summary>The document's name as sent, made safe as a file name in our temp folder (no folder
    /// part); a missing extension is taken from the MIME type Telegram gives.</summary>
    public static string FileNameOf(Document document)
    {
        var name = (document.FileName ?? "").Trim().Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        foreach (var c in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(c, '_');
        }

        if (Path.GetExtension(name).Length == 0)
        {
            name = (name.Length == 0 ? "tep" : name) + document.MimeType switch
            {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
                "application/msword" => ".doc",
                "text/plain" => ".txt",
                "application/json" => ".json",
                _ => "",
            };
        }

        return name.Length > 120 ? name[..(120 - Path.GetExtension(name).Length)] + Path.GetExtension(name) : name;
    }
}
