using DoSon.Bot.Cli;
using DoSon.Bot.FakeApis;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Import;

/// <summary>The verbs as the program runs them: the real registration, the host not started.</summary>
public sealed class ImportVerbTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly IHost _host;

    public ImportVerbTests()
    {
        var builder = Host.CreateApplicationBuilder([$"--Storage:DatabasePath={_db.Path}", "--Seed:File="]);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ImportFixture.Start));
        builder.AddDoSonBot();
        _host = builder.Build();
    }

    public void Dispose()
    {
        _host.Dispose();
        _db.Dispose();
    }

    private IBotStore Store => _host.Services.GetRequiredService<IBotStore>();

    private string PathOf(string name) => Path.Combine(_db.Folder, name);

    private string WardJson()
    {
        var path = PathOf("ward.json");
        AssignmentJson.Write(SmallWard.File(), path);
        return path;
    }

    private async Task<(int Code, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var code = await _host.Services.GetRequiredService<CliRunner>().RunAsync(CommandLine.Parse(args), output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Import_dry_run_prints_the_plan_writes_nothing_and_exits_0()
    {
        var (code, output) = await Run("import", WardJson(), "--dry-run");

        code.Should().Be(0);
        output.Should().Contain(ImportTexts.DryRun)
            .And.Contain(ImportTexts.Counts(ImportTexts.KindTasks, 2, 0, 0))
            .And.Contain(ImportTexts.CreatedLine(ImportTexts.KindTasks, "T1", "Cấp giấy chứng nhận quyền sử dụng đất"));
        (await Store.IsEmptyAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Import_writes_and_a_second_import_reports_nothing_changed()
    {
        var path = WardJson();

        var first = await Run("import", path);
        var second = await Run("import", path);

        first.Code.Should().Be(0);
        first.Output.Should().Contain(ImportTexts.Applied);
        (await Store.GetTasksAsync()).Should().HaveCount(2);
        second.Code.Should().Be(0);
        second.Output.Should().Contain(ImportTexts.NothingChanges).And.Contain(ImportTexts.Counts(ImportTexts.KindTasks, 0, 0, 2));
    }

    [Fact]
    public async Task Import_prints_one_line_per_updated_item_with_its_fields()
    {
        await Run("import", WardJson());
        var file = SmallWard.File();
        file.Tasks![1].Due = "16/03/2026";
        var path = PathOf("v2.json");
        AssignmentJson.Write(file, path);

        var (code, output) = await Run("import", path);

        code.Should().Be(0);
        output.Should().Contain(ImportTexts.UpdatedLine(ImportTexts.KindTasks, "T2", "Bảo đảm an ninh ngày bầu cử", [ImportTexts.FieldDue]));
        output.Should().NotContain("  ~ Nhiệm vụ T1");
    }

    [Fact]
    public async Task Import_of_a_bad_file_prints_every_error_and_exits_1()
    {
        var file = SmallWard.File();
        file.Tasks![0].LeadUnit = "KHONG";
        file.Members![0].Role = "sếp";
        var path = PathOf("bad.json");
        AssignmentJson.Write(file, path);

        var (code, output) = await Run("import", path);

        code.Should().Be(1);
        output.Should().Contain(ImportTexts.ErrorsHeader("bad.json", 2))
            .And.Contain("bad.json, members[0], trường «role»: " + ImportTexts.BadRole("sếp"))
            .And.Contain("bad.json, tasks[0], trường «leadUnit»: ");
        (await Store.IsEmptyAsync()).Should().BeTrue();
    }

    [Theory]
    [InlineData(new[] { "import" }, ImportTexts.MissingPath)]
    [InlineData(new[] { "import", "a.json", "b.json" }, "Thừa tham số «b.json».")]
    [InlineData(new[] { "import", "a.json", "--force" }, "Không hiểu tùy chọn «--force».")]
    [InlineData(new[] { "import", "giao-viec.csv" }, "Tệp phải có đuôi .json hoặc .xlsx")]
    [InlineData(new[] { "export" }, ImportTexts.MissingPath)]
    [InlineData(new[] { "export", "du-lieu.txt" }, "Tệp phải có đuôi .json hoặc .xlsx")]
    [InlineData(new[] { "template", "mau.json" }, "Tệp phải có đuôi .xlsx")]
    public async Task Wrong_command_lines_print_the_usage_and_exit_2(string[] args, string problem)
    {
        var (code, output) = await Run(args);

        code.Should().Be(CliRunner.UsageError);
        output.Should().Contain(problem).And.Contain("Cách dùng: dotnet run --project src/DoSon.Bot -- " + args[0]);
    }

    [Fact]
    public async Task Export_then_import_changes_nothing()
    {
        await Run("import", WardJson());
        var exported = PathOf("xuat.xlsx");

        var export = await Run("export", exported);
        var import = await Run("import", exported);

        export.Code.Should().Be(0);
        export.Output.Should().Contain("2 nhiệm vụ");
        import.Code.Should().Be(0);
        import.Output.Should().Contain(ImportTexts.NothingChanges);
    }

    [Fact]
    public async Task Export_does_not_overwrite_a_file_unless_asked()
    {
        await Run("import", WardJson());
        var path = PathOf("xuat.json");
        await File.WriteAllTextAsync(path, "bản cũ");

        var refused = await Run("export", path);
        var content = await File.ReadAllTextAsync(path);
        var forced = await Run("export", path, "--overwrite");

        refused.Code.Should().Be(1);
        refused.Output.Should().Contain("--overwrite");
        content.Should().Be("bản cũ");
        forced.Code.Should().Be(0);
        AssignmentJson.Read(path).Tasks.Should().HaveCount(2);
    }

    [Fact]
    public async Task Template_does_not_overwrite_a_file_unless_asked()
    {
        var path = PathOf("mau-da-sua.xlsx");
        byte[] before = [0x50, 0x4B, 0x03, 0x04, 9, 8, 7];
        await File.WriteAllBytesAsync(path, before);

        var refused = await Run("template", path);
        var after = await File.ReadAllBytesAsync(path);
        var forced = await Run("template", path, "--overwrite");

        refused.Code.Should().Be(1);
        refused.Output.Should().Be(ImportTexts.AlreadyExists(path) + Environment.NewLine);
        after.Should().Equal(before);
        forced.Code.Should().Be(0);
        ImportTexts.TemplateUsage.Should().Contain("--overwrite");
    }

    [Fact]
    public async Task Export_into_a_missing_folder_says_it_cannot_write()
    {
        var path = Path.Combine(_db.Folder, "khong-co", "xuat.json");

        var (code, output) = await Run("export", path);

        code.Should().Be(1);
        output.Should().Be(ImportTexts.CannotWrite(path) + Environment.NewLine);
    }

    [Fact]
    public async Task Template_writes_a_workbook_that_imports_as_empty()
    {
        var path = PathOf("mau.xlsx");

        var template = await Run("template", path);
        var import = await Run("import", path, "--dry-run");

        template.Code.Should().Be(0);
        template.Output.Should().Be(ImportTexts.TemplateWritten(path) + Environment.NewLine);
        import.Code.Should().Be(0);
        import.Output.Should().Contain(ImportTexts.NothingChanges);
    }

    [Fact]
    public async Task Help_lists_the_three_verbs()
    {
        var (code, output) = await Run("help");

        code.Should().Be(0);
        output.Should().Contain(ImportTexts.ImportUsage).And.Contain(ImportTexts.ExportUsage).And.Contain(ImportTexts.TemplateUsage);
    }

    [Fact]
    public async Task Import_of_a_workbook_that_declares_gigabytes_exits_1_with_one_sentence_and_writes_nothing()
    {
        var real = PathOf("that.xlsx");
        AssignmentWorkbook.Write(SmallWard.File(), real);
        var bomb = PathOf("bom.xlsx");
        await File.WriteAllBytesAsync(bomb, Bombs.Declaring(await File.ReadAllBytesAsync(real), 0xF000_0000));

        var (code, output) = await Run("import", bomb);

        code.Should().Be(1);
        output.Should().Contain($"bom.xlsx, {ImportTexts.WholeFile}: {ImportTexts.InflatesTooMuch(50 * 1024 * 1024)}")
            .And.NotContain("   at ");
        (await Store.IsEmptyAsync()).Should().BeTrue();
    }
}
