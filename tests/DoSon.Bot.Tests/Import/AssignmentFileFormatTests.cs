using DoSon.Bot.Import;
using FluentAssertions;
using MiniExcelLibs;

namespace DoSon.Bot.Tests.Import;

/// <summary>How the two file formats are read: what a person may write by hand.</summary>
public sealed class AssignmentFileFormatTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Json_may_hold_comments_and_trailing_commas()
    {
        var path = _f.WriteText("tay.json", """
            {
              // Viết tay
              "units": [ { "code": "UBND", "name": "Ủy ban", }, ],
              /* và một đơn vị nữa */
              "tasks": [ { "code": "T1", "title": "Việc", "leadUnit": "UBND", "supportUnits": "UBND, CAP", "due": "05/03/2026" } ],
            }
            """);

        var file = AssignmentJson.Read(path);

        file.Units.Should().ContainSingle().Which.Name.Should().Be("Ủy ban");
        file.Tasks![0].SupportUnits.Should().Equal("UBND", "CAP");
    }

    [Fact]
    public void Json_written_by_the_program_keeps_vietnamese_readable()
    {
        var path = _f.PathOf("out.json");

        AssignmentJson.Write(SmallWard.File(), path);

        File.ReadAllText(path).Should().Contain("Ủy ban nhân dân phường").And.NotContain("\\u");
    }

    [Fact]
    public void Json_field_of_the_wrong_type_and_a_misspelt_field_are_both_reported()
    {
        var path = _f.WriteText("sai.json", """
            { "members": [ { "code": "A", "name": "B", "role": "member", "telegramUserId": "abc", "titel": "x" } ] }
            """);

        var act = () => AssignmentJson.Read(path);

        act.Should().Throw<AssignmentFileException>().Which.Errors.Select(e => (e.Where, e.Field)).Should().Equal(
            ("members[0]", "telegramUserId"),
            ("members[0]", "titel"));
    }

    [Fact]
    public void Workbook_round_trips_the_file_exactly()
    {
        var path = _f.PathOf("so.xlsx");
        var file = SmallWard.File();
        file.Tasks![0].Note = "Cần xem lại hạn";
        file.Members![0].TelegramUserId = 8_123_456_789;

        AssignmentWorkbook.Write(file, path);

        AssignmentJson.Serialize(AssignmentWorkbook.Read(path)).Should().Be(AssignmentJson.Serialize(file));
        MiniExcel.GetSheetNames(path).Should().Equal("Hướng dẫn", "Nguồn", "Đơn vị", "Thành viên", "Mốc", "Nhiệm vụ");
    }

    [Fact]
    public async Task Workbook_typed_by_hand_is_read_by_sheet_and_header_names_without_diacritics()
    {
        var path = _f.PathOf("tay.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Nguon"] = Rows(["So hieu", "Trich yeu"], ["TB-1", "Thử"]),
            ["DonVi"] = Rows(["Ten", "Ma"], ["Ủy ban", "UBND"]),
            ["ThanhVien"] = Rows(["Ma", "Ho ten", "Vai tro", "Telegram user id"], ["A", "Đ/c A", "Lãnh đạo", 123456789d]),
            ["Moc"] = Rows(["Ma", "Ten", "Ngay"], ["M", "Mốc", new DateTime(2026, 3, 15)]),
            // Columns in another order, an extra column of the office's own, an empty row in between.
            ["nhiem vu"] = Rows(["Hạn", "Mã", "Cột riêng", "Tiêu đề", "Đơn vị chủ trì"],
                [new DateTime(2026, 3, 5, 7, 30, 0), "T1", "bỏ qua", "Việc", "UBND"],
                [null, null, null, null, null],
                ["10/03/2026", "T2", null, "Việc hai", "ubnd"]),
        };
        MiniExcel.SaveAs(path, sheets, printHeader: false);

        var plan = await _f.ImportOkAsync(path);

        plan.Source!.Number.Should().Be("TB-1");
        plan.Members.Single().Item.Role.Should().Be(DoSon.Bot.Domain.MemberRole.Leader);
        plan.Members.Single().Item.TelegramUserId.Should().Be(123456789);
        plan.Milestones.Single().Item.Date.Should().Be(new DateOnly(2026, 3, 15));
        plan.Tasks.Select(c => (c.Item.Code, c.Item.Due, c.Item.DueTime, c.Item.LeadUnit)).Should().Equal(
            ("T1", new DateOnly(2026, 3, 5), new TimeOnly(7, 30), "UBND"),
            ("T2", new DateOnly(2026, 3, 10), (TimeOnly?)null, "UBND"));
    }

    [Fact]
    public async Task Workbook_errors_count_rows_as_excel_shows_them()
    {
        var path = _f.PathOf("dong.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Nguồn"] = Rows(["Số hiệu", "Trích yếu"]),
            ["Đơn vị"] = Rows(["Mã", "Tên"]),
            ["Thành viên"] = Rows(["Mã", "Họ tên", "Vai trò"]),
            ["Mốc"] = Rows(["Mã", "Tên", "Ngày"]),
            ["Nhiệm vụ"] = Rows(["Mã", "Tiêu đề", "Đơn vị chủ trì (mã)", "Hạn (dd/MM/yyyy)"],
                [null, null, null, null],
                [null, null, null, null],
                ["T1", "Việc", "KHONG", "31/04/2026"]),
        };
        MiniExcel.SaveAs(path, sheets, printHeader: false);

        var outcome = await _f.ImportAsync(path);

        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "dong.xlsx, trang «Nhiệm vụ», dòng 4, trường «Đơn vị chủ trì»: " + ImportTexts.UnknownUnit("KHONG", "trang «Đơn vị»"),
            "dong.xlsx, trang «Nhiệm vụ», dòng 4, trường «Hạn»: " + ImportTexts.NoSuchDay("31/04/2026", 4, 2026, 30));
    }

    [Fact]
    public async Task Workbook_without_a_sheet_or_a_column_says_which()
    {
        var path = _f.PathOf("thieu.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Nguồn"] = Rows(["Số hiệu", "Trích yếu"]),
            ["Đơn vị"] = Rows(["Mã"], ["UBND"]),
            ["Thành viên"] = Rows(["Mã", "Họ tên", "Vai trò"]),
            ["Mốc"] = Rows(["Mã", "Tên", "Ngày"]),
        };
        MiniExcel.SaveAs(path, sheets, printHeader: false);

        var outcome = await _f.ImportAsync(path);

        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "thieu.xlsx, toàn tệp: " + ImportTexts.MissingSheet("Nhiệm vụ"),
            "thieu.xlsx, trang «Đơn vị», trường «Tên»: " + ImportTexts.MissingColumn("Tên"));
        (await _f.Store.IsEmptyAsync()).Should().BeTrue();
    }

    private static List<Dictionary<string, object?>> Rows(string[] headers, params object?[][] rows) =>
        [
            headers.Select((h, i) => (h, i)).ToDictionary(x => ((char)('A' + x.i)).ToString(), x => (object?)x.h),
            .. rows.Select(r => r.Select((v, i) => (v, i)).ToDictionary(x => ((char)('A' + x.i)).ToString(), x => x.v)),
        ];
}
