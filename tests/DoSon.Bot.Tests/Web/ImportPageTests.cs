using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using DoSon.Bot.Tests.Notices;
using DoSon.Bot.Web;
using FluentAssertions;
using MiniExcelLibs;

namespace DoSon.Bot.Tests.Web;

/// <summary>Nhập dữ liệu over HTTP: a notice becomes a draft to correct, a file or a draft is previewed
/// and then imported as previewed; admins only; downloads.</summary>
public sealed partial class ImportPageTests : IAsyncLifetime
{
    private WebConsole _web = null!;

    public async Task InitializeAsync() => _web = await WebConsole.StartAsync(marchSample: true);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task The_March_notice_becomes_a_flagged_draft_whose_edited_deadline_is_previewed_and_then_imported()
    {
        var admin = await _web.SignedInClientAsync("CVP");

        var uploaded = await UploadAsync(admin, NoticeFixtures.MarchFile, File.ReadAllBytes(NoticeFixtures.TestData(NoticeFixtures.MarchFile)));
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var draftPage = uploaded.Headers.Location!.OriginalString;
        draftPage.Should().StartWith("/nhap-du-lieu/ban-nhap/");

        var html = await admin.GetStringAsync(draftPage);
        var flagged = NoticeFixtures.March.Report.Attention.Where(a => a.TaskCode is not null).ToList();
        flagged.Should().NotBeEmpty("the March notice has tasks the parser is unsure of");
        var dueFlag = flagged.First(a => a.Kind is AttentionKind.NoDate or AttentionKind.AmbiguousDate);
        html.Should().Contain("<tr class=\"flag\">");
        WebUtility.HtmlDecode(html).Should().Contain(dueFlag.Message, "the parser's words are shown beside the task");
        var index = NoticeFixtures.March.File.Tasks!.FindIndex(t => t.Code == dueFlag.TaskCode);
        html.Should().MatchRegex($"<td class=\"flag\"><input name=\"t{index}.due\"", "the deadline the parser guessed is highlighted");

        var saved = await WebConsole.PostFormAsync(admin, draftPage, [new($"t{index}.due", "27/03/2026")]);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var previewPage = saved.Headers.Location!.OriginalString;
        var preview = await admin.GetStringAsync(previewPage);
        preview.Should().Contain(dueFlag.TaskCode!).And.Contain("<ins>27/03/2026</ins>").And.Contain(WebTexts.PreviewConfirm);
        var previewCounts = CountLines(preview);
        previewCounts.Should().NotBeEmpty();

        var confirmed = await WebConsole.PostFormAsync(admin, previewPage, []);
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var report = WebUtility.HtmlDecode(await admin.GetStringAsync(confirmed.Headers.Location!.OriginalString));
        report.Should().Contain(ImportTexts.Applied);
        previewCounts.Should().AllSatisfy(line => report.Should().Contain(line), "the import did what the preview said");

        var task = await _web.Bot.Store.FindTaskAsync(dueFlag.TaskCode!);
        task!.Due.Should().Be(new DateOnly(2026, 3, 27));

        (await WebConsole.PostFormAsync(admin, draftPage, [new($"t{index}.due", "28/03/2026")])).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "an imported draft is not edited again");
    }

    [Fact]
    public async Task A_bad_cell_of_the_draft_is_refused_naming_its_row_and_column()
    {
        var admin = await _web.SignedInClientAsync("CVP");
        var draftPage = (await UploadAsync(admin, NoticeFixtures.MarchFile, File.ReadAllBytes(NoticeFixtures.TestData(NoticeFixtures.MarchFile)))).Headers.Location!.OriginalString;
        var code = NoticeFixtures.March.File.Tasks![1].Code;

        var refused = await WebConsole.PostFormAsync(admin, draftPage, [new("t1.due", "31/02/2026")]);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain(WebTexts.DraftRefused).And.Contain($"Dòng 2 ({code}), cột «{WebTexts.DraftColumnDue}»");
        html.Should().Contain("value=\"31/02/2026\"", "the cell keeps what the admin typed");
    }

    [Fact]
    public async Task A_workbook_with_a_bad_row_lists_the_error_by_row_and_field_offers_no_confirmation_and_stores_nothing()
    {
        var admin = await _web.SignedInClientAsync("CVP");
        var before = await _web.Bot.Store.GetTasksAsync();
        var workbook = Workbook(new AssignmentFile
        {
            Tasks =
            [
                new TaskDto { Code = "T2603-NEW-01", Title = "Nhiệm vụ mới đúng", LeadUnit = "UBND", Due = "20/03/2026" },
                new TaskDto { Code = "T2603-NEW-02", Title = "Nhiệm vụ mới sai", LeadUnit = "KHONG-CO", Due = "20/03/2026" },
            ],
        });

        var uploaded = await UploadAsync(admin, "giao-viec.xlsx", workbook);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var previewPage = uploaded.Headers.Location!.OriginalString;
        var preview = WebUtility.HtmlDecode(await admin.GetStringAsync(previewPage));

        preview.Should().Contain(WebTexts.PreviewErrors).And.Contain("dòng 3").And.Contain("KHONG-CO").And.NotContain(WebTexts.PreviewConfirm);
        preview.Should().MatchRegex(@"<td>[^<]*dòng 3[^<]*</td><td>[^<]+</td>", "the row and the field are named");

        var forced = await WebConsole.PostFormAsync(admin, previewPage, []);
        forced.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await admin.GetStringAsync(forced.Headers.Location!.OriginalString)).Should().Contain("KHONG-CO");
        (await _web.Bot.Store.GetTasksAsync()).Should().BeEquivalentTo(before, "all or nothing: the good row is not stored either");
    }

    [Fact]
    public async Task A_json_file_is_previewed_with_old_and_new_values_and_imported_as_previewed()
    {
        var admin = await _web.SignedInClientAsync("CVP");
        var task = (await _web.Bot.Store.GetTasksAsync()).First(t => t.DueTime is null);
        var json = $$"""{"tasks":[{"code":"{{task.Code}}","title":"{{task.Title}}","leadUnit":"{{task.LeadUnit}}","due":"30/04/2026"},{"code":"T2603-MOI-01","title":"Nhiệm vụ thêm","leadUnit":"UBND","due":"31/03/2026"}]}""";

        var uploaded = await UploadAsync(admin, "bổ sung.json", Encoding.UTF8.GetBytes(json));
        var previewPage = uploaded.Headers.Location!.OriginalString;
        var preview = WebUtility.HtmlDecode(await admin.GetStringAsync(previewPage));

        preview.Should().Contain($"<del>{WardClock.Format(task.Due)}</del> → <ins>30/04/2026</ins>").And.Contain(WebTexts.ChangeCreated).And.Contain("T2603-MOI-01");
        var counts = CountLines(preview);
        var confirmed = await WebConsole.PostFormAsync(admin, previewPage, []);
        var report = WebUtility.HtmlDecode(await admin.GetStringAsync(confirmed.Headers.Location!.OriginalString));

        counts.Should().NotBeEmpty().And.AllSatisfy(line => report.Should().Contain(line));
        (await _web.Bot.Store.FindTaskAsync(task.Code))!.Due.Should().Be(new DateOnly(2026, 4, 30));
        (await _web.Bot.Store.FindTaskAsync("T2603-MOI-01")).Should().NotBeNull();
        (await WebConsole.PostFormAsync(admin, previewPage, [])).StatusCode.Should().Be(HttpStatusCode.NotFound, "a file is imported once");
    }

    [Theory]
    [InlineData("CC-VHXH")]
    [InlineData("CT-UBND")]
    public async Task Only_admins_import(string code)
    {
        var member = await _web.SignedInClientAsync(code);

        var page = await member.GetAsync("/nhap-du-lieu");
        page.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).Should().Contain(WebTexts.ImportAdminOnly).And.Contain("href=\"/nhap-du-lieu\"", "the menu keeps the link");
        (await member.GetAsync("/nhap-du-lieu/tai-ve/du-lieu.json")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var before = await _web.Bot.Store.GetTasksAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("{\"tasks\":[]}")), "tep", "a.json" } };
        (await member.PostAsync("/nhap-du-lieu?handler=TaiLen", form)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _web.Bot.Store.GetTasksAsync()).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("/nhap-du-lieu")]
    [InlineData("/nhap-du-lieu/tai-ve/mau.xlsx")]
    [InlineData("/nhap-du-lieu/xem-truoc/tep/abc")]
    public async Task Without_a_session_the_pages_send_to_signing_in(string path)
    {
        var response = await _web.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain(WebSession.NeedSignInPath);
    }

    [Fact]
    public async Task An_upload_or_a_confirmation_without_the_antiforgery_token_is_refused()
    {
        var admin = await _web.SignedInClientAsync("CVP");
        var json = Encoding.UTF8.GetBytes("{\"tasks\":[{\"code\":\"T2603-MOI-09\",\"title\":\"Thử\",\"leadUnit\":\"UBND\",\"due\":\"31/03/2026\"}]}");

        (await UploadAsync(admin, "a.json", json, withToken: false)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var previewPage = (await UploadAsync(admin, "a.json", json)).Headers.Location!.OriginalString;
        (await admin.PostAsync(previewPage, new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _web.Bot.Store.FindTaskAsync("T2603-MOI-09")).Should().BeNull();
    }

    [Fact]
    public async Task The_template_and_the_exports_download_under_Vietnamese_names_and_open()
    {
        var admin = await _web.SignedInClientAsync("CVP");

        var template = await admin.GetAsync("/nhap-du-lieu/tai-ve/mau.xlsx");
        template.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        template.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(WebTexts.TemplateFileName);
        using (var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync()))
        {
            MiniExcel.GetSheetNames(stream).Should().NotBeEmpty();
        }

        var xlsx = await admin.GetAsync("/nhap-du-lieu/tai-ve/du-lieu.xlsx");
        xlsx.Content.Headers.ContentDisposition!.FileNameStar.Should().StartWith("Dữ liệu giao việc").And.EndWith(".xlsx");
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            MiniExcel.GetSheetNames(stream).Should().NotBeEmpty();
        }

        var json = await admin.GetAsync("/nhap-du-lieu/tai-ve/du-lieu.json");
        json.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        json.Content.Headers.ContentDisposition!.FileNameStar.Should().EndWith(".json");
        var file = JsonSerializer.Deserialize<AssignmentFile>(await json.Content.ReadAsStringAsync())!;
        file.Tasks.Should().HaveCount(23);
    }

    [Fact]
    public async Task A_file_too_large_gets_the_same_sentence_as_chat_and_the_command_line()
    {
        await using var web = await WebConsole.StartAsync(new Dictionary<string, string?> { ["Import:MaxFileBytes"] = "2000", ["Notices:MaxFileBytes"] = "2000" });
        var admin = await web.SignedInClientAsync("CVP");
        var big = new byte[5000];
        big.AsSpan().Fill((byte)'a');

        var json = await UploadAsync(admin, "lon.json", big);
        WebUtility.HtmlDecode(await json.Content.ReadAsStringAsync()).Should().Contain(ImportTexts.FileTooLarge(5000, 2000));

        var notice = await UploadAsync(admin, "lon.txt", big);
        WebUtility.HtmlDecode(await notice.Content.ReadAsStringAsync()).Should().Contain(NoticeTexts.TooLarge("lon.txt", 5000, 2000));

        var huge = await UploadAsync(admin, "rat-lon.json", new byte[2 * 1024 * 1024]);
        WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync()).Should().Contain("Tệp đồng chí gửi quá lớn");
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, bool withToken = true)
    {
        var html = await client.GetStringAsync("/nhap-du-lieu");
        var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(WebConsole.AntiforgeryToken(html)), "__RequestVerificationToken");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "tep", fileName);
        return await client.PostAsync("/nhap-du-lieu?handler=TaiLen", form);
    }

    private static byte[] Workbook(AssignmentFile file)
    {
        var path = Path.Combine(Path.GetTempPath(), $"doson-web-{Guid.NewGuid():N}.xlsx");
        try
        {
            AssignmentWorkbook.Write(file, path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The lines "Nhiệm vụ: N tạo mới, ..." of a page, as ImportTexts.Counts writes them.</summary>
    private static List<string> CountLines(string html) =>
        [.. CountLine().Matches(WebUtility.HtmlDecode(html)).Select(m => m.Groups[1].Value.Trim())];

    [GeneratedRegex(@"<li>([^<]*tạo mới[^<]*)</li>")]
    private static partial Regex CountLine();
}
