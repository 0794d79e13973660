using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Notices;
using FluentAssertions;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The office sends the monthly notice to the bot on Telegram, gets the report and the draft
/// workbook back, and imports it with a tap or by sending the corrected workbook. The store starts with
/// the ward's units and members and no task. Chats: 1001 admin (CVP), 1003 member (CB-DC), 5555 stranger.</summary>
public sealed class TelegramNoticeEndToEndTests : IDisposable
{
    private const long Admin = 1001;
    private const long Officer = 1003;
    private const long Stranger = 5555;
    private const string MarchNotice = NoticeFixtures.MarchFile;
    private const string DraftName = "ban-nhap-T2603.xlsx";

    private readonly NoticeFixtures _files = new();

    public void Dispose() => _files.Dispose();

    private static async Task SeedWithoutTasksAsync(IBotStore store) =>
        await store.ApplyImportAsync(WardData.Plan(tasks: []), "seed", BotHost.Start);

    private static Task<TelegramWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        TelegramWorld.StartAsync(settings: settings, seed: SeedWithoutTasksAsync);

    private static byte[] March => File.ReadAllBytes(NoticeFixtures.TestData(MarchNotice));

    private static async Task<List<WorkTask>> MarchTasksAsync(TelegramWorld world) =>
        (await world.Bot.Store.GetTasksAsync()).Where(t => t.Code.StartsWith("T2603-", StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> Snapshot(IEnumerable<WorkTask> tasks) =>
        tasks.Select(t => $"{t.Code}|{t.Title}|{t.Section}|{t.LeadUnit}|{string.Join(",", t.SupportUnits)}|{string.Join(",", t.Assignees)}|{t.Due}|{t.DueTime}|{t.Milestone}");

    /// <summary>The message the bot sends after the <paramref name="before"/> it had sent to the chat.</summary>
    private static Task<FakeMessage> NextAsync(TelegramWorld world, long chatId, int before) => world.MessageAsync(chatId, before + 1);

    /// <summary>Sends the March notice as the admin and waits for the report and the draft workbook.</summary>
    private static async Task<(string Report, FakeMessage Draft)> SendMarchAsync(TelegramWorld world, string fileName = MarchNotice, byte[]? content = null)
    {
        var before = world.Fake.SentTo(Admin).Count;
        var sends = world.Fake.CallsTo("sendDocument").Count(c => c.StatusCode == 200);
        world.Fake.SendDocument(Admin, fileName, content ?? March);
        await world.Fake.WaitForCallAsync("sendDocument", sends + 1).WaitAsync(BotHost.Patience);
        var sent = world.Fake.SentTo(Admin).Skip(before).ToList();
        var draft = sent.Single(m => m.DocumentFileName is not null);
        sent[^1].Should().Be(draft, "the workbook comes after the report");
        return (string.Join("\n", sent.Where(m => m.Text is not null).Select(m => m.Text)), draft);
    }

    private AssignmentFile ReadWorkbook(TelegramWorld world, FakeMessage document, string name)
    {
        var path = _files.WriteBytes(name, world.Fake.File(document.DocumentFileId!)!.Content);
        return AssignmentWorkbook.Read(path);
    }

    private byte[] WriteWorkbook(AssignmentFile file, string name)
    {
        var path = _files.PathOf(name);
        AssignmentWorkbook.Write(file, path);
        return File.ReadAllBytes(path);
    }

    private static async Task<FakeCallbackAnswer> TapAsync(TelegramWorld world, long userId, FakeMessage draft, string data)
    {
        var press = world.Fake.PressButton(userId, draft.ChatId, draft.MessageId, data);
        await world.Fake.WaitUntilAsync(() => world.Fake.AnswerOf(press.CallbackQueryId!) is not null).WaitAsync(BotHost.Patience);
        return world.Fake.AnswerOf(press.CallbackQueryId!)!;
    }

    private static string ImportData(FakeMessage draft) =>
        draft.AllButtons.Single(b => b.Text == TelegramTexts.ImportDraftButton).CallbackData!;

    /// <summary>Sends a file as the admin and returns the bot's one answer.</summary>
    private static async Task<FakeMessage> SendFileAsync(TelegramWorld world, long from, string fileName, byte[] content)
    {
        var before = world.Fake.SentTo(from).Count;
        world.Fake.SendDocument(from, fileName, content);
        return await NextAsync(world, from, before);
    }

    // ------------------------------------------------------------------ the whole round

    [Fact]
    public async Task An_admin_sends_the_notice_confirms_the_draft_then_corrects_one_deadline_with_the_workbook()
    {
        await using var world = await StartAsync();

        var (report, draft) = await SendMarchAsync(world);

        report.Should().Contain("Nhiệm vụ của tháng 03/2026: 23 nhiệm vụ.").And.Contain("Cần người xem lại");
        draft.DocumentFileName.Should().Be(DraftName);
        draft.Caption.Should().Contain("23 nhiệm vụ").And.Contain("gửi lại tệp .xlsx");
        var data = ImportData(draft);
        data.Should().StartWith("n:imp:");
        System.Text.Encoding.UTF8.GetByteCount(data).Should().BeLessThanOrEqualTo(64);
        var workbook = ReadWorkbook(world, draft, "nhan-ve.xlsx");
        workbook.Tasks.Should().HaveCount(23);
        workbook.Tasks![0].Code.Should().Be("T2603-21-01");
        (await MarchTasksAsync(world)).Should().BeEmpty("nothing is imported before the admin says so");

        // The tap imports the draft as it is.
        var before = world.Fake.SentTo(Admin).Count;
        var tapped = await TapAsync(world, Admin, draft, data);
        var result = await NextAsync(world, Admin, before);

        tapped.Text.Should().Contain("Đã nhập bản nháp (23 nhiệm vụ)");
        result.Text.Should().Contain("Đã nhập vào cơ sở dữ liệu").And.Contain("Nhiệm vụ: 23 tạo mới, 0 cập nhật, 0 giữ nguyên.");
        var imported = await MarchTasksAsync(world);
        imported.Should().HaveCount(23);
        imported.Select(t => (t.Code, WardClock.Format(t.Due), t.LeadUnit))
            .Should().BeEquivalentTo(workbook.Tasks.Select(t => (t.Code!, t.Due!, t.LeadUnit!)), "the draft is imported as it was sent");
        (await world.Bot.Store.FindTaskAsync("T2603-21-01"))!.Title.Should().Be(workbook.Tasks[0].Title);
        var shown = world.Fake.Message(Admin, draft.MessageId);
        shown.Caption.Should().Contain("Đã nhập vào hệ thống").And.Contain(WardData.Admin.Name);
        shown.Buttons.Should().BeEmpty();

        // The corrected workbook changes one deadline: exactly that task is updated.
        var corrected = workbook.Tasks.Single(t => t.Code == "T2603-21-01");
        var oldDue = (await world.Bot.Store.FindTaskAsync("T2603-21-01"))!.Due;
        corrected.Due = "20/03/2026";
        oldDue.Should().NotBe(new DateOnly(2026, 3, 20));
        var untouched = Snapshot((await MarchTasksAsync(world)).Where(t => t.Code != "T2603-21-01")).ToList();

        var answer = await SendFileAsync(world, Admin, DraftName, WriteWorkbook(workbook, DraftName));

        answer.Text.Should().Contain("Đã nhập vào cơ sở dữ liệu").And.Contain("Nhiệm vụ: 0 tạo mới, 1 cập nhật, 22 giữ nguyên.")
            .And.Contain("T2603-21-01").And.Contain("cập nhật hạn");
        (await world.Bot.Store.FindTaskAsync("T2603-21-01"))!.Due.Should().Be(new DateOnly(2026, 3, 20));
        Snapshot((await MarchTasksAsync(world)).Where(t => t.Code != "T2603-21-01")).Should().Equal(untouched);

        // A second tap (a stale client still shows the button) imports nothing: the correction stays.
        var again = await TapAsync(world, Admin, draft, data);

        again.Text.Should().Contain("đã được nhập").And.Contain("không nhập lại");
        (await world.Bot.Store.FindTaskAsync("T2603-21-01"))!.Due.Should().Be(new DateOnly(2026, 3, 20));
        (await MarchTasksAsync(world)).Should().HaveCount(23);
    }

    [Fact]
    public async Task A_notice_as_a_word_document_gets_the_same_draft()
    {
        await using var world = await StartAsync();
        var docx = File.ReadAllBytes(_files.WriteDocx("thong-bao.docx", NoticeFixtures.Lines(MarchNotice), bulletsAsNumbering: true));

        var (report, draft) = await SendMarchAsync(world, "Thông báo kết luận tháng 3.docx", docx);

        report.Should().Contain("Thông báo «Thông báo kết luận tháng 3.docx»").And.Contain("23 nhiệm vụ");
        ReadWorkbook(world, draft, "tu-docx.xlsx").Tasks!.Select(t => t.Code)
            .Should().Equal(NoticeFixtures.March.File.Tasks!.Select(t => t.Code));
    }

    [Fact]
    public async Task A_draft_survives_a_restart_and_is_imported_by_the_new_process()
    {
        await using var world = await StartAsync();
        var (_, draft) = await SendMarchAsync(world);

        await world.StopBotAsync();
        await world.StartBotAsync();
        var tapped = await TapAsync(world, Admin, draft, ImportData(draft));

        tapped.Text.Should().Contain("Đã nhập bản nháp");
        (await MarchTasksAsync(world)).Should().HaveCount(23);
    }

    // ------------------------------------------------------------------ what is refused

    [Fact]
    public async Task A_workbook_with_an_unknown_unit_gets_every_error_with_sheet_row_and_field_and_changes_nothing()
    {
        await using var world = await StartAsync();
        var (_, draft) = await SendMarchAsync(world);
        var workbook = ReadWorkbook(world, draft, "nhan-ve.xlsx");
        workbook.Tasks![2].LeadUnit = "KHONG-CO";
        var units = await world.Bot.Store.GetUnitsAsync();

        var answer = await SendFileAsync(world, Admin, DraftName, WriteWorkbook(workbook, DraftName));

        answer.Text.Should().Contain($"Tệp {DraftName} có 1 lỗi; CHƯA ghi gì vào cơ sở dữ liệu.")
            .And.Contain($"{DraftName}, trang «Nhiệm vụ», dòng 4, trường «Đơn vị chủ trì»: không có đơn vị mã «KHONG-CO»");
        (await world.Bot.Store.GetTasksAsync()).Should().BeEmpty();
        (await world.Bot.Store.GetUnitsAsync()).Should().BeEquivalentTo(units);
    }

    [Fact]
    public async Task Hostile_files_sent_in_chat_are_refused_with_the_same_limits_as_the_command_line()
    {
        await using var world = await StartAsync(new Dictionary<string, string?> { ["Import:MaxRows"] = "3" });
        var (_, draft) = await SendMarchAsync(world);
        var workbook = ReadWorkbook(world, draft, "nhan-ve.xlsx");
        var real = WriteWorkbook(workbook, "that.xlsx");
        var docx = File.ReadAllBytes(_files.WriteDocx("that.docx", ["THÔNG BÁO KẾT LUẬN"], bulletsAsNumbering: false));

        var bombXlsx = await SendFileAsync(world, Admin, "bom.xlsx", Bombs.Declaring(real, 0xF000_0000));
        var bombDocx = await SendFileAsync(world, Admin, "bom.docx", Bombs.Declaring(docx, 0xF000_0000));
        var tooManyRows = await SendFileAsync(world, Admin, DraftName, real);

        var inflates = ImportTexts.InflatesTooMuch(50 * 1024 * 1024);
        bombXlsx.Text.Should().Contain($"bom.xlsx, {ImportTexts.WholeFile}: {inflates}");
        bombDocx.Text.Should().Be($"Tệp «bom.docx» {inflates}");
        tooManyRows.Text.Should().Contain(ImportTexts.TooManyRows("Đơn vị", 3));
        (await world.Bot.Store.GetTasksAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_and_a_stranger_cannot_send_files_and_nothing_is_downloaded()
    {
        await using var world = await StartAsync();

        var member = await SendFileAsync(world, Officer, MarchNotice, March);
        var stranger = await SendFileAsync(world, Stranger, DraftName, [1, 2, 3]);

        member.Text.Should().Contain("Chỉ Văn phòng Đảng ủy").And.Contain("trả lời (reply) tin nhắn nhắc việc");
        stranger.Text.Should().Contain("chưa được liên kết").And.Contain("5555");
        world.Fake.CallsTo("getFile").Should().BeEmpty();
        world.Fake.CallsTo("sendDocument").Should().BeEmpty();
        (await world.Bot.Store.GetTasksAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_without_downloading_it()
    {
        await using var world = await StartAsync(new Dictionary<string, string?> { ["Notices:MaxFileBytes"] = "1000" });

        var notice = await SendFileAsync(world, Admin, "thong-bao.docx", new byte[1500]);
        var workbook = await SendFileAsync(world, Admin, DraftName, new byte[1500]);

        notice.Text.Should().Be(NoticeTexts.TooLarge("thong-bao.docx", 1500, 1000));
        workbook.Text.Should().Contain($"Tệp «{DraftName}» quá lớn").And.Contain("Notices:MaxFileBytes");
        world.Fake.CallsTo("getFile").Should().BeEmpty();
    }

    [Fact]
    public async Task A_damaged_word_file_or_a_text_that_is_no_notice_gets_the_parsers_message_and_no_draft()
    {
        await using var world = await StartAsync();

        var damaged = await SendFileAsync(world, Admin, "thong-bao.docx", [0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9, 9]);
        var notNotice = await SendFileAsync(world, Admin, "ghi-chu.txt", "Danh sách đi chợ: rau, cá, thịt."u8.ToArray());

        damaged.Text.Should().Be(NoticeTexts.DamagedDocx("thong-bao.docx"));
        notNotice.Text.Should().Be(NoticeTexts.NotANotice("ghi-chu.txt"));
        world.Fake.CallsTo("sendDocument").Should().BeEmpty();
        world.Fake.SentTo(Admin).Should().OnlyContain(m => m.Buttons.Count == 0);
    }

    [Fact]
    public async Task Other_file_types_are_told_what_the_bot_accepts()
    {
        await using var world = await StartAsync();

        var pdf = await SendFileAsync(world, Admin, "bao-cao.pdf", [1, 2, 3]);
        var oldWord = await SendFileAsync(world, Admin, "thong-bao.doc", [1, 2, 3]);

        pdf.Text.Should().Contain("«bao-cao.pdf»").And.Contain(".docx").And.Contain(".txt").And.Contain(".xlsx").And.Contain(".json");
        oldWord.Text.Should().Be(NoticeTexts.OldWordFormat("thong-bao.doc"));
        world.Fake.CallsTo("getFile").Should().BeEmpty();
    }

    [Fact]
    public async Task Taps_by_a_member_a_stranger_or_after_three_days_import_nothing_and_are_answered()
    {
        await using var world = await StartAsync();
        var (_, draft) = await SendMarchAsync(world);
        var data = ImportData(draft);

        var member = await TapAsync(world, Officer, draft, data);
        var stranger = await TapAsync(world, Stranger, draft, data);
        var unknown = await TapAsync(world, Admin, draft, "n:imp:ABCDEFGHJK");
        world.Bot.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var expired = await TapAsync(world, Admin, draft, data);
        await world.Fake.WaitForCallAsync("editMessageReplyMarkup").WaitAsync(BotHost.Patience);

        member.Text.Should().Be(TelegramTexts.DraftsAdminOnly);
        stranger.Text.Should().Be(TelegramTexts.NotLinkedTap);
        unknown.Text.Should().Be(TelegramTexts.DraftUnknown);
        expired.Text.Should().Be(TelegramTexts.DraftExpired);
        expired.ShowAlert.Should().BeTrue();
        world.Fake.Message(Admin, draft.MessageId).Buttons.Should().BeEmpty("an expired draft's button is taken away");
        (await world.Bot.Store.GetTasksAsync()).Should().BeEmpty();
    }
}
