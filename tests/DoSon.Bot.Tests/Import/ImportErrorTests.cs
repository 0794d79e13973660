using System.IO.Compression;
using DoSon.Bot.Import;
using FluentAssertions;

namespace DoSon.Bot.Tests.Import;

/// <summary>Every bad file is reported with its file, place and field, and leaves the database
/// exactly as it was.</summary>
public sealed class ImportErrorTests : IAsyncLifetime
{
    private readonly ImportFixture _f = new();
    private string _before = "";

    public async Task InitializeAsync()
    {
        // A filled database, so that "nothing written" is tested against real content.
        await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));
        _before = await _f.DumpAsync();
    }

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    private async Task<ImportError> ImportFailsAsync(string path, int expectedErrors = 1)
    {
        var outcome = await _f.ImportAsync(path);

        outcome.Succeeded.Should().BeFalse();
        outcome.Applied.Should().BeFalse();
        outcome.Plan.Should().BeNull();
        outcome.Errors.Should().HaveCount(expectedErrors, string.Join("\n", outcome.Errors));
        (await _f.DumpAsync()).Should().Be(_before, "a file with errors must not change anything");
        return outcome.Errors[0];
    }

    private string Changed(string name, Action<AssignmentFile> change)
    {
        var file = SmallWard.File();
        change(file);
        return _f.WriteJson(name, file);
    }

    [Fact]
    public async Task Broken_json_is_reported_with_its_line_and_column()
    {
        var path = _f.WriteText("broken.json", "{\n  \"units\": [\n    {\"code\": \"Đơn\" \"name\": \"x\"}\n  ]\n}\n");

        var error = await ImportFailsAsync(path);

        error.File.Should().Be("broken.json");
        // Column counted in letters, not UTF-8 bytes: "Đơn" would push a byte count to 22.
        error.Where.Should().Be("dòng 3, cột 20");
        error.Field.Should().BeNull();
        error.Message.Should().Contain("sai cú pháp");
    }

    [Fact]
    public async Task Empty_json_file_is_reported()
    {
        var error = await ImportFailsAsync(_f.WriteText("empty.json", "  \n"));

        error.Where.Should().Be(ImportTexts.WholeFile);
        error.Message.Should().Contain("trống");
    }

    [Fact]
    public async Task Damaged_workbook_is_reported_in_a_sentence()
    {
        var path = _f.PathOf("damaged.xlsx");
        File.WriteAllBytes(path, [0x50, 0x4B, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]);

        var error = await ImportFailsAsync(path);

        error.File.Should().Be("damaged.xlsx");
        error.Where.Should().Be(ImportTexts.WholeFile);
        error.Message.Should().Be(ImportTexts.WorkbookDamaged);
    }

    [Fact]
    public async Task Truncated_workbook_is_reported_as_damaged()
    {
        var good = _f.WriteWorkbook("good.xlsx", SmallWard.File());
        var bytes = File.ReadAllBytes(good);
        var path = _f.PathOf("cut.xlsx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        (await ImportFailsAsync(path)).Message.Should().Be(ImportTexts.WorkbookDamaged);
    }

    [Fact]
    public async Task Zip_that_is_not_a_workbook_is_reported_in_a_sentence()
    {
        var path = _f.PathOf("notes.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
            writer.Write("không phải sổ tính");
        }

        var error = await ImportFailsAsync(path);

        error.Where.Should().Be(ImportTexts.WholeFile);
        error.Message.Should().Be(ImportTexts.NotAWorkbook);
    }

    [Fact]
    public async Task Missing_file_is_reported()
    {
        (await ImportFailsAsync(_f.PathOf("khong-co.json"))).Message.Should().Be(ImportTexts.FileNotFound);
    }

    [Fact]
    public async Task Unsupported_extension_is_reported()
    {
        (await ImportFailsAsync(_f.WriteText("giao-viec.csv", "a,b"))).Message.Should().Contain(".csv");
    }

    [Fact]
    public async Task Unknown_lead_unit_is_reported_at_the_task()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Tasks![1].LeadUnit = "BCHQS"));

        error.Where.Should().Be("tasks[1]");
        error.Field.Should().Be("leadUnit");
        error.Message.Should().Contain("BCHQS");
    }

    [Fact]
    public async Task Unknown_support_unit_of_a_member_is_reported()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Members![2].Units = ["UBND", "CB-TDP8"]));

        error.Where.Should().Be("members[2]");
        error.Field.Should().Be("units");
        error.Message.Should().Contain("CB-TDP8");
    }

    [Fact]
    public async Task Unknown_assignee_is_reported()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Tasks![0].Assignees = ["CB-DC", "KHONG-CO"]));

        error.Where.Should().Be("tasks[0]");
        error.Field.Should().Be("assignees");
        error.Message.Should().Contain("KHONG-CO");
    }

    [Fact]
    public async Task Unknown_milestone_is_reported()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Tasks![1].Milestone = "QUY1"));

        error.Where.Should().Be("tasks[1]");
        error.Field.Should().Be("milestone");
        error.Message.Should().Contain("QUY1");
    }

    [Fact]
    public async Task Impossible_date_is_reported_as_such()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Tasks![0].Due = "31/02/2026"));

        error.Where.Should().Be("tasks[0]");
        error.Field.Should().Be("due");
        error.Message.Should().Be(ImportTexts.NoSuchDay("31/02/2026", 2, 2026, 28));
    }

    [Fact]
    public async Task Date_written_another_way_is_reported()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Milestones![0].Date = "2026-03-15"));

        error.Where.Should().Be("milestones[0]");
        error.Field.Should().Be("date");
        error.Message.Should().Contain("dd/MM/yyyy");
    }

    [Fact]
    public async Task Duplicate_code_is_reported_at_the_second_one()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Tasks![1].Code = "t1"));

        error.Where.Should().Be("tasks[1]");
        error.Field.Should().Be("code");
        error.Message.Should().Contain("tasks[0]");
    }

    [Fact]
    public async Task Missing_required_field_is_reported()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Tasks![0].Title = "  "));

        error.Where.Should().Be("tasks[0]");
        error.Field.Should().Be("title");
        error.Message.Should().Be(ImportTexts.Required);
    }

    [Fact]
    public async Task Bad_role_is_reported()
    {
        var error = await ImportFailsAsync(Changed("f.json", f => f.Members![1].Role = "chủ tịch"));

        error.Where.Should().Be("members[1]");
        error.Field.Should().Be("role");
        error.Message.Should().Contain("chủ tịch");
    }

    [Fact]
    public async Task Percent_in_the_file_is_refused_rather_than_silently_dropped()
    {
        var json = AssignmentJson.Serialize(SmallWard.File()).Replace("\"code\": \"T1\",", "\"code\": \"T1\", \"percent\": 50,", StringComparison.Ordinal);

        var error = await ImportFailsAsync(_f.WriteText("f.json", json));

        error.Where.Should().Be("tasks[0]");
        error.Field.Should().Be("percent");
        error.Message.Should().Contain("tiến độ");
    }

    [Fact]
    public async Task A_telegram_account_of_another_member_is_refused()
    {
        await _f.Store.SetTelegramUserAsync("CT-UBND", 777);
        var before = await _f.DumpAsync();

        var outcome = await _f.ImportAsync(Changed("f.json", f => f.Members![2].TelegramUserId = 777));

        outcome.Errors.Should().ContainSingle().Which.Message.Should().Contain("CT-UBND");
        outcome.Errors[0].Field.Should().Be("telegramUserId");
        (await _f.DumpAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Every_error_of_a_file_is_reported_in_the_order_of_the_file()
    {
        var path = Changed("many.json", f =>
        {
            f.Units![1].Name = null;
            f.Members![0].Role = "boss";
            f.Tasks![0].Due = "30/02/2026";
            f.Tasks![0].LeadUnit = "XYZ";
            f.Tasks![1].Milestone = "NONE";
            f.Tasks![1].Code = "T1";
        });

        var outcome = await _f.ImportAsync(path);

        outcome.Errors.Select(e => (e.Where, e.Field)).Should().Equal(
            ("units[1]", "name"),
            ("members[0]", "role"),
            ("tasks[0]", "leadUnit"),
            ("tasks[0]", "due"),
            ("tasks[1]", "code"),
            ("tasks[1]", "milestone"));
        (await _f.DumpAsync()).Should().Be(_before);
    }

    [Fact]
    public async Task Workbook_errors_name_the_sheet_row_and_column()
    {
        var file = SmallWard.File();
        file.Tasks![1].LeadUnit = "KHONG";
        file.Milestones![0].Date = "31/02/2026";
        var path = _f.WriteWorkbook("bad.xlsx", file);

        var outcome = await _f.ImportAsync(path);

        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "bad.xlsx, trang «Mốc», dòng 2, trường «Ngày»: " + ImportTexts.NoSuchDay("31/02/2026", 2, 2026, 28),
            "bad.xlsx, trang «Nhiệm vụ», dòng 3, trường «Đơn vị chủ trì»: " + ImportTexts.UnknownUnit("KHONG", "trang «Đơn vị»"));
        (await _f.DumpAsync()).Should().Be(_before);
    }
}
