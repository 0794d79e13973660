using System.Text.Json;
using DoSon.Bot.Cli;
using DoSon.Bot.FakeApis;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Tests.Notices;

public sealed class NoticeVerbTests : IDisposable
{
    private readonly NoticeFixtures _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string March = NoticeFixtures.TestData(NoticeFixtures.MarchFile);

    private static async Task<(int Code, string Output)> RunAsync(NoticeOptions? options, params string[] args)
    {
        var verb = new NoticeVerb(new NoticeDrafter(Options.Create(options ?? new NoticeOptions())));
        using var output = new StringWriter();
        var code = await verb.RunAsync(args, output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Parse_OnTheExample_ShouldPrintTheReportWriteTheDraftAndReturnZero()
    {
        var outPath = _files.PathOf("ban-nhap.json");

        var (code, output) = await RunAsync(null, "parse", March, "--out", outPath);

        code.Should().Be(NoticeVerb.Done);
        output.Should().Contain("Nhiệm vụ của tháng 03/2026: 23 nhiệm vụ.");
        output.Should().Contain("2.2.5. Về đảm bảo quốc phòng - an ninh: 2 nhiệm vụ");
        output.Should().Contain("Cần người xem lại");
        output.Should().Contain($"Đã ghi bản nháp 23 nhiệm vụ ra «{outPath}»").And.Contain($"import {outPath}");

        var draft = JsonSerializer.Deserialize<AssignmentFile>(await File.ReadAllTextAsync(outPath))!;
        draft.Tasks.Should().HaveCount(23);
        draft.Tasks![0].Code.Should().Be("T2603-21-01");
        draft.Members.Should().BeEmpty();
        Directory.GetFiles(_files.Folder).Should().Equal(outPath);
    }

    [Fact]
    public async Task Parse_WithOutAsEqualsAndForce_ShouldReplaceAnExistingDraft()
    {
        var outPath = _files.WriteText("cu.json", "{}");

        var (code, _) = await RunAsync(null, "parse", March, $"--out={outPath}", "--force");

        code.Should().Be(NoticeVerb.Done);
        (await File.ReadAllTextAsync(outPath)).Should().Contain("T2603-225-02");
    }

    [Fact]
    public async Task Parse_WhenTheDraftFileExists_ShouldRefuseAndKeepIt()
    {
        var outPath = _files.WriteText("da-sua.json", "{ \"reviewed\": true }");

        var (code, output) = await RunAsync(null, "parse", March, "--out", outPath);

        code.Should().Be(NoticeVerb.Refused);
        output.Should().Contain(ImportTexts.AlreadyExists(outPath)).And.Contain("Chưa ghi tệp nào.");
        (await File.ReadAllTextAsync(outPath)).Should().Be("{ \"reviewed\": true }");
    }

    [Fact]
    public async Task Parse_refuses_to_overwrite_with_exports_message_and_replaces_only_with_overwrite()
    {
        var outPath = _files.PathOf("da-sua.xlsx");
        byte[] before = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 0xFF];
        await File.WriteAllBytesAsync(outPath, before);

        var (refused, said) = await RunAsync(null, "parse", March, "--out", outPath);
        var after = await File.ReadAllBytesAsync(outPath);
        var (replaced, _) = await RunAsync(null, "parse", March, "--out", outPath, "--overwrite");

        refused.Should().Be(1);
        said.Should().StartWith(ImportTexts.AlreadyExists(outPath));
        after.Should().Equal(before);
        replaced.Should().Be(0);
        AssignmentWorkbook.Read(outPath).Tasks.Should().HaveCount(23);
    }

    [Fact]
    public void The_usage_mentions_overwrite() => NoticeTexts.Usage.Should().Contain("--overwrite");

    [Fact]
    public async Task Parse_ToAWorkbook_ShouldWriteTheImportWorkbookWithEveryTask()
    {
        var outPath = _files.PathOf("ban-nhap.xlsx");

        var (code, output) = await RunAsync(null, "parse", March, "--out", outPath);

        code.Should().Be(0);
        output.Should().Contain("23 nhiệm vụ");
        var draft = DoSon.Bot.Import.AssignmentWorkbook.Read(outPath);
        draft.Tasks.Should().HaveCount(23);
        draft.Tasks![0].Code.Should().Be("T2603-21-01");
        draft.Milestones!.Select(m => m.Code).Should().Contain(["QTPN", "BAUCU", "DOANTN", "THETHAO"]);
    }

    [Fact]
    public async Task Parse_IntoAFolderThatDoesNotExist_ShouldSaySoAndWriteNothing()
    {
        var outPath = Path.Combine(_files.Folder, "khong-co", "ban-nhap.json");

        var (code, output) = await RunAsync(null, "parse", March, "--out", outPath);

        code.Should().Be(NoticeVerb.Refused);
        output.Should().Contain($"Không ghi được tệp «{outPath}»");
        Directory.GetFiles(_files.Folder, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "empty", "rỗng" },
        { "blank", "rỗng" },
        { "not-a-notice", "không phải thông báo kết luận" },
        { "no-part-two", "không có phần nhiệm vụ" },
        { "random.txt", "không phải tệp văn bản" },
        { "random.docx", "bị hỏng" },
        { "cut.docx", "bị hỏng" },
        { "zip.docx", "không phải tài liệu Word" },
        { "too-large", "quá lớn" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Parse_OnABadFile_ShouldSayWhatIsWrongWithItAndWriteNothing(string kind, string message)
    {
        var random = new byte[3000];
        new Random(8).NextBytes(random);
        var docx = File.ReadAllBytes(_files.WriteDocx("goc.docx", NoticeFixtures.Lines(NoticeFixtures.MarchFile), false));
        var options = new NoticeOptions();
        var input = kind switch
        {
            "empty" => _files.WriteBytes("rong.txt", []),
            "blank" => _files.WriteText("trang.txt", "\n   \n\t\n"),
            "not-a-notice" => _files.WriteText("ghi-chu.txt", "Lịch họp tuần\n- Thứ Hai: giao ban\n- Thứ Sáu: sinh hoạt chi bộ\n"),
            "no-part-two" => _files.WriteText("phan-1.txt", string.Join("\n", NoticeFixtures.Lines(NoticeFixtures.MarchFile).Take(37))),
            "random.txt" => _files.WriteBytes("ngau-nhien.txt", random),
            "random.docx" => _files.WriteBytes("ngau-nhien.docx", random),
            "cut.docx" => _files.WriteBytes("cat-ngang.docx", docx[..(docx.Length / 3)]),
            "zip.docx" => _files.WriteZip("tep-nen.docx"),
            _ => March,
        };
        if (kind == "too-large")
        {
            options.MaxFileBytes = 4 * 1024;
        }

        File.Delete(_files.PathOf("goc.docx"));
        var outPath = _files.PathOf("ban-nhap.json");

        var (code, output) = await RunAsync(options, "parse", input, "--out", outPath);

        code.Should().Be(NoticeVerb.Refused);
        output.Should().Contain($"«{input}»").And.Contain(message).And.Contain("Chưa ghi tệp nào.");
        File.Exists(outPath).Should().BeFalse();
        Directory.GetFiles(_files.Folder).Should().NotContain(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thiếu lệnh con")]
    [InlineData("Không có lệnh «notice read»", "read", "a.txt", "--out", "b.json")]
    [InlineData("Thiếu tệp thông báo", "parse", "--out", "b.json")]
    [InlineData("Thiếu --out", "parse", "a.txt")]
    [InlineData("Thiếu --out", "parse", "a.txt", "--out")]
    [InlineData("chỉ ghi được tệp .json hoặc .xlsx", "parse", "a.txt", "--out", "b.csv")]
    [InlineData("Không hiểu tùy chọn «--dry-run»", "parse", "a.txt", "--out", "b.json", "--dry-run")]
    [InlineData("Không hiểu tùy chọn «c.txt»", "parse", "a.txt", "c.txt", "--out", "b.json")]
    [InlineData("trùng với tệp thông báo", "parse", "a.json", "--out", "a.json")]
    public async Task Run_WithWrongArguments_ShouldShowUsageAndReturnTheUsageCode(string problem, params string[] args)
    {
        var (code, output) = await RunAsync(null, args);

        code.Should().Be(CliRunner.UsageError);
        output.Should().Contain(problem).And.Contain($"Cách dùng: {ProgramName.DotnetRun} notice parse");
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Test",
            ContentRootPath = _files.Folder,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _files.PathOf("bot.db"),
            ["Seed:File"] = "",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDoSonBot();
        return builder.Build();
    }

    [Fact]
    public async Task AddDoSonBot_ShouldRegisterTheNoticeVerbWithItsSettings()
    {
        using var host = BuildHost(new() { ["Notices:UnitAliases:Hội Cựu chiến binh phường"] = "CCB" });
        var outPath = _files.PathOf("thang-04.json");
        using var output = new StringWriter();

        var code = await host.Services.GetRequiredService<CliRunner>().RunAsync(
            CommandLine.Parse(["notice", "parse", NoticeFixtures.TestData(NoticeFixtures.AprilFile), "--out", outPath]), output, CancellationToken.None);

        code.Should().Be(NoticeVerb.Done, output.ToString());
        var draft = JsonSerializer.Deserialize<AssignmentFile>(await File.ReadAllTextAsync(outPath))!;
        draft.Tasks!.Single(t => t.Code == "T2604-222-02").SupportUnits.Should().Equal("CCB");
        host.Services.GetServices<ICliVerb>().Should().ContainSingle(v => v.Name == "notice");
    }

    [Fact]
    public void AddDoSonBot_ShouldAddSettingsToTheBuiltInDefaults()
    {
        using var host = BuildHost(new() { ["Notices:DefaultLeadUnits:2.2.5"] = "BCHQS", ["Notices:MaxFileBytes"] = "1048576" });

        var options = host.Services.GetRequiredService<IOptions<NoticeOptions>>().Value;

        options.DefaultLeadUnits.Should().Contain("2.2.5", "BCHQS").And.Contain("2.1", "DU").And.Contain("2.2", "UBND");
        options.MaxFileBytes.Should().Be(1_048_576);
    }

    [Fact]
    public void AddDoSonBot_WhenANoticeSettingIsWrong_ShouldFailValidationNamingTheKey()
    {
        using var host = BuildHost(new()
        {
            ["Notices:UnitAliases:Hội Cựu chiến binh phường"] = "mã sai!",
            ["Notices:DefaultLeadUnits:hai"] = "UBND",
            ["Notices:MaxFileBytes"] = "0",
        });

        var act = () => host.Services.GetRequiredService<IOptions<NoticeOptions>>().Value;

        act.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().Contain(f => f.Contains("Notices:UnitAliases:Hội Cựu chiến binh phường") && f.Contains("mã sai!"))
            .And.Contain(f => f.Contains("Notices:DefaultLeadUnits") && f.Contains("«hai»"))
            .And.Contain(f => f.Contains("Notices:MaxFileBytes"));
    }

    [Fact]
    public void AddDoSonBot_ShouldValidateNoticeSettingsAtStart()
    {
        using var host = BuildHost(new() { ["Notices:MaxFileBytes"] = "-1" });

        var act = () => host.Services.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Notices:MaxFileBytes");
    }

    [Fact]
    public async Task Parse_OfADocxThatDeclaresGigabytes_ShouldSayWhichLimitWriteNothingAndReturnOne()
    {
        var real = File.ReadAllBytes(_files.WriteDocx("that.docx", ["THÔNG BÁO KẾT LUẬN"], bulletsAsNumbering: false));
        var bomb = _files.WriteBytes("bom.docx", Bombs.Declaring(real, 0xF000_0000));
        var outPath = _files.PathOf("ban-nhap.json");

        var (code, output) = await RunAsync(null, "parse", bomb, "--out", outPath);

        code.Should().Be(1);
        output.Should().Contain($"Tệp «{bomb}» {ImportTexts.InflatesTooMuch(50 * 1024 * 1024)}");
        File.Exists(outPath).Should().BeFalse();
    }
}
