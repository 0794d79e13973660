using DoSon.Bot.Import;
using FluentAssertions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Import;

/// <summary>Every field is checked for control characters, codes for their characters, and each
/// field for its length, with a message naming the file, the row and the field; nothing is written.</summary>
public sealed class FieldRulesTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<IReadOnlyList<ImportError>> ErrorsAsync(AssignmentFile file, string name = "ward.json", AssignmentImporter? importer = null)
    {
        var path = name.EndsWith(".xlsx", StringComparison.Ordinal) ? _f.WriteWorkbook(name, file) : _f.WriteJson(name, file);
        var outcome = await (importer ?? _f.Importer).ImportAsync(path, dryRun: false, "CVP");
        outcome.Applied.Should().BeFalse();
        (await _f.Store.IsEmptyAsync()).Should().BeTrue("a refused file writes nothing");
        return outcome.Errors;
    }

    [Fact]
    public async Task A_nul_in_a_task_code_is_refused_naming_the_row_the_field_and_the_character()
    {
        var file = SmallWard.File();
        file.Tasks![0].Code = "T2603\0-21-01";

        var error = (await ErrorsAsync(file)).Should().ContainSingle().Subject;

        error.ToString().Should().Be("ward.json, tasks[0], trường «code»: " + ImportTexts.ControlCharacter('\0', 6));
        error.Message.Should().Contain("U+0000").And.Contain("vị trí 6");
    }

    [Fact]
    public async Task A_vietnamese_letter_in_a_unit_code_is_refused_showing_the_letter()
    {
        var file = SmallWard.File();
        file.Units![1].Code = "CAPĐ";
        file.Tasks![1].LeadUnit = "CAPĐ";

        var errors = await ErrorsAsync(file);

        errors.Select(e => e.ToString()).Should().Equal(
            "ward.json, units[1], trường «code»: " + ImportTexts.BadCodeCharacter("CAPĐ", 'Đ'),
            "ward.json, tasks[1], trường «leadUnit»: " + ImportTexts.BadCodeCharacter("CAPĐ", 'Đ'));
        errors[0].Message.Should().Contain("«Đ» không được dùng");
    }

    [Fact]
    public async Task Codes_of_letters_digits_dots_dashes_and_underscores_are_accepted()
    {
        var file = SmallWard.File();
        file.Units![1].Code = "CB_TDP.8-a";
        file.Tasks![1].LeadUnit = "CB_TDP.8-a";

        await _f.ImportOkAsync(_f.WriteJson("ward.json", file));

        (await _f.Store.FindTaskAsync("T2"))!.LeadUnit.Should().Be("CB_TDP.8-a");
    }

    [Fact]
    public async Task A_control_character_in_a_reference_list_is_refused_once_for_the_field()
    {
        var file = SmallWard.File();
        file.Tasks![0].Assignees = ["CB-DC", "C\u0007VP", "X\u0001"];

        var error = (await ErrorsAsync(file)).Should().ContainSingle().Subject;

        error.Where.Should().Be("tasks[0]");
        error.Field.Should().Be("assignees");
        error.Message.Should().Be(ImportTexts.ControlCharacter('\u0007', 2));
    }

    [Fact]
    public async Task A_control_character_in_a_title_is_refused_but_tabs_and_line_breaks_in_a_description_are_kept()
    {
        var file = SmallWard.File();
        file.Tasks![0].Description = "Dòng một\n\tDòng hai\r\nDòng ba";
        file.Members![0].Name = "Đ/c\u001b Chánh Văn phòng";

        var error = (await ErrorsAsync(file)).Should().ContainSingle().Subject;

        error.ToString().Should().Be("ward.json, members[0], trường «name»: " + ImportTexts.ControlCharacter('\u001b', 4));

        file.Members[0].Name = "Đ/c Chánh Văn phòng";
        await _f.ImportOkAsync(_f.WriteJson("ward.json", file));
        (await _f.Store.FindTaskAsync("T1"))!.Description.Should().Be("Dòng một\n\tDòng hai\r\nDòng ba");
    }

    [Fact]
    public async Task A_line_break_in_a_name_is_refused()
    {
        var file = SmallWard.File();
        file.Units![0].Name = "Ủy ban\nnhân dân";

        (await ErrorsAsync(file)).Should().ContainSingle().Which.Message.Should().Be(ImportTexts.ControlCharacter('\n', 7));
    }

    [Theory]
    [InlineData("title", 300)]
    [InlineData("description", 20_000)]
    [InlineData("code", 50)]
    [InlineData("section", 100)]
    public async Task A_task_field_longer_than_its_limit_is_refused_naming_the_row_the_field_and_the_limit(string field, int limit)
    {
        var file = SmallWard.File();
        var text = new string('a', limit + 1);
        var task = file.Tasks![1];
        _ = field switch
        {
            "title" => task.Title = text,
            "description" => task.Description = text,
            "code" => task.Code = text,
            _ => task.Section = text,
        };

        var error = (await ErrorsAsync(file)).Should().ContainSingle().Subject;

        error.ToString().Should().Be($"ward.json, tasks[1], trường «{field}»: " + ImportTexts.TooLong(limit + 1, limit));
        (await ErrorsAsync(file, "ward.xlsx")).Should().ContainSingle().Which.Where.Should().Be("trang «Nhiệm vụ», dòng 3");
    }

    [Fact]
    public async Task A_name_of_201_characters_is_refused_and_one_of_200_accepted()
    {
        var file = SmallWard.File();
        file.Units![0].Name = new string('Đ', 201);

        (await ErrorsAsync(file)).Should().ContainSingle().Which.Message.Should().Be(ImportTexts.TooLong(201, 200));

        file.Units[0].Name = new string('Đ', 200);
        await _f.ImportOkAsync(_f.WriteJson("ward.json", file));
    }

    [Fact]
    public async Task A_control_character_in_a_workbook_cell_is_refused_naming_the_sheet_row_and_column()
    {
        var file = SmallWard.File();
        file.Milestones![0].Name = "Ngày\u0002bầu cử";

        var error = (await ErrorsAsync(file, "ward.xlsx")).Should().ContainSingle().Subject;

        error.Where.Should().Be("trang «Mốc», dòng 2");
        error.Field.Should().NotBeNullOrEmpty();
        error.Message.Should().Be(ImportTexts.ControlCharacter('\u0002', 5));
    }

    [Fact]
    public async Task A_52_MB_string_in_one_field_is_refused_by_the_file_size_limit_before_the_json_is_parsed()
    {
        var file = SmallWard.File();
        file.Tasks![0].Title = new string('a', 52 * 1024 * 1024);

        var error = (await ErrorsAsync(file)).Should().ContainSingle().Subject;

        error.Message.Should().StartWith("tệp quá lớn (52 MB); giới hạn là 20 MB (cài đặt Import:MaxFileBytes)");
    }

    [Fact]
    public async Task A_52_MB_string_in_one_field_under_raised_limits_gets_the_length_message_not_a_database_error()
    {
        var file = SmallWard.File();
        file.Tasks![0].Title = new string('a', 52 * 1024 * 1024);
        var importer = new AssignmentImporter(_f.Store, _f.Time, Options.Create(new ImportOptions { MaxFileBytes = 100L * 1024 * 1024 }));

        var error = (await ErrorsAsync(file, importer: importer)).Should().ContainSingle().Subject;

        error.ToString().Should().Be("ward.json, tasks[0], trường «title»: " + ImportTexts.TooLong(52 * 1024 * 1024, 300));
    }

    [Fact]
    public async Task A_huge_unknown_field_name_is_cut_in_the_message()
    {
        var path = _f.WriteText("ward.json", "{\"" + new string('x', 100_000) + "\": 1}");

        var error = (await _f.ImportAsync(path)).Errors.Should().ContainSingle().Subject;

        error.ToString().Length.Should().BeLessThan(400);
    }
}
