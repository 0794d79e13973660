using DoSon.Bot.Backups;
using DoSon.Bot.Channels;
using DoSon.Bot.Cli;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoSon.Bot.Tests.Hosting;

/// <summary>Issue 10, item 7: the help and every hint name the command the person actually ran.</summary>
public sealed class ProgramNameTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static Func<string, bool> Only(params string[] files) => f => files.Contains(f);

    [Theory]
    [InlineData("/home/vp/DoSon.Bot/src/DoSon.Bot/bin/Debug/net10.0/")]
    [InlineData("/home/vp/DoSon.Bot/src/DoSon.Bot/bin/Release/net10.0")]
    [InlineData("/home/vp/DoSon.Bot/src/DoSon.Bot/bin/Release/net10.0/linux-x64/")]
    public void A_program_started_from_its_project_bin_folder_is_named_by_dotnet_run(string baseDirectory)
    {
        var exists = Only("/home/vp/DoSon.Bot/src/DoSon.Bot/DoSon.Bot.csproj");

        ProgramName.Detect(Path.Combine(baseDirectory, "DoSon.Bot"), baseDirectory, inContainer: false, exists).Should().Be(ProgramName.DotnetRun);
        ProgramName.Detect("/usr/share/dotnet/dotnet", baseDirectory, inContainer: false, exists).Should().Be(ProgramName.DotnetRun);
    }

    [Fact]
    public void A_published_program_started_through_its_executable_is_named_by_its_full_path()
    {
        ProgramName.Detect("/opt/doson-bot/DoSon.Bot", "/opt/doson-bot/", inContainer: false, Only()).Should().Be("/opt/doson-bot/DoSon.Bot");
    }

    [Fact]
    public void A_published_program_started_through_dotnet_is_named_by_dotnet_and_its_dll()
    {
        ProgramName.Detect("/usr/share/dotnet/dotnet", "/opt/doson-bot/", inContainer: false, Only())
            .Should().Be("dotnet /opt/doson-bot/DoSon.Bot.dll");
    }

    [Fact]
    public void A_published_program_in_a_bin_folder_without_the_project_file_is_still_published()
    {
        ProgramName.Detect("/srv/app/bin/DoSon.Bot", "/srv/app/bin/", inContainer: false, Only("/srv/app/DoSon.Bot.Tests.csproj"))
            .Should().Be("/srv/app/bin/DoSon.Bot");
    }

    [Fact]
    public void A_program_in_its_container_is_named_by_the_docker_run_line()
    {
        ProgramName.Detect("/usr/share/dotnet/dotnet", "/app/", inContainer: true, Only()).Should().Be(ProgramName.Docker);
    }

    [Fact]
    public void Every_hint_that_names_a_command_starts_with_the_program_invocation()
    {
        var command = ProgramName.DotnetRun + " ";

        ImportTexts.TemplateWritten("mau.xlsx").Should().Contain(command + "import mau.xlsx --dry-run");
        ImportTexts.Usage(ImportTexts.ImportUsage, "Thiếu tên tệp.").Should().Contain("Cách dùng: " + command + "import");
        ImportTexts.Instructions.SelectMany(r => r).Should().Contain(l => l.Contains(command + "import <tệp.xlsx> --dry-run"));
        ImportTexts.MissingSheet("Nguồn").Should().Contain(command + "template <tệp.xlsx>");
        BackupTexts.Usage(BackupTexts.CheckUsage, null).Should().StartWith("Cách dùng: " + command + "check");
        BackupTexts.RestoreOntoItself("a.db").Should().Contain(command + "backup list");
        DoSon.Bot.Storage.StorageTexts.InUse("a.db", null).Should().Contain("bấm Ctrl+C ở cửa sổ đang chạy bot");
        ChatTexts.MembersUsage.Should().Be("Cách dùng: " + command + "members invite <mã thành viên>");
    }

    [Fact]
    public async Task The_help_has_a_line_for_every_verb_after_the_command_to_type()
    {
        var outcome = await ProgramRun.InProcess(_db.Folder, "--help", $"--Storage:DatabasePath={_db.Path}");

        outcome.Code.Should().Be(ExitCodes.Ok);
        outcome.Output.Should().StartWith("Cách dùng: " + ProgramName.DotnetRun + " [lệnh]");
        var lines = outcome.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var verb in Verbs())
        {
            verb.Usage.Should().StartWith(verb.Name + " ");
            lines.Should().Contain("  " + verb.Usage, because: $"{verb.Name} needs its line in --help");
        }

        Verbs().Select(v => v.Name).Should().Contain(["import", "export", "template", "members", "notice", "report", "backup", "restore", "check"]);
    }

    [Fact]
    public async Task The_published_program_started_through_dotnet_names_its_dll_in_the_help()
    {
        var outcome = await ProgramRun.AsProcess(_db.Folder, "--help", $"--Storage:DatabasePath={_db.Path}");

        outcome.Code.Should().Be(ExitCodes.Ok);
        outcome.Output.Should().StartWith($"Cách dùng: dotnet {Path.Combine(AppContext.BaseDirectory, "DoSon.Bot.dll")} [lệnh]");
    }

    private static List<ICliVerb> Verbs()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:File"] = "" });
        builder.AddDoSonBot();
        using var host = builder.Build();
        return host.Services.GetServices<ICliVerb>().ToList();
    }
}
