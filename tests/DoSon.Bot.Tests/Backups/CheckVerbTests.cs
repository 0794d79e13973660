using DoSon.Bot.Cli;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using FluentAssertions;

namespace DoSon.Bot.Tests.Backups;

public sealed class CheckVerbTests : IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
    private readonly BackupFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Check_on_the_sample_database_prints_its_counts_in_words_and_exits_0()
    {
        using (var store = _f.Db.Open())
        {
            (await new AssignmentImporter(store, _f.Clock).ImportAsync(SamplePath, dryRun: false, "seed")).Succeeded.Should().BeTrue();
        }

        var before = File.ReadAllBytes(_f.Db.Path);
        var (code, output) = await BackupFixture.RunAsync(_f.CheckVerb);

        code.Should().Be(ExitCodes.Ok);
        output.Should().StartWith($"Cơ sở dữ liệu: {_f.Db.Path}\nPhiên bản lược đồ: {LiteDbBotStore.SchemaVersion}\n");
        output.Should().Contain("  nhiệm vụ: 23\n").And.Contain("  đơn vị: 11\n").And.Contain("  thành viên: ").And.Contain("  mốc: ");
        output.Should().EndWith("Không phát hiện lỗi.\n");
        File.ReadAllBytes(_f.Db.Path).Should().Equal(before);
    }

    [Fact]
    public async Task Check_on_a_damaged_file_says_so_in_one_sentence_and_exits_1()
    {
        var bytes = new byte[30000];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(_f.Db.Path, bytes);

        var (code, output) = await BackupFixture.RunAsync(_f.CheckVerb);

        code.Should().Be(ExitCodes.Failed);
        output.Should().Be($"Cơ sở dữ liệu {_f.Db.Path} không phải tệp cơ sở dữ liệu LiteDB; hãy khôi phục bằng {ProgramName.DotnetRun} restore <tệp sao lưu> (xem danh sách bằng {ProgramName.DotnetRun} backup list).\n");
        File.ReadAllBytes(_f.Db.Path).Should().Equal(bytes);
    }

    [Fact]
    public async Task Check_on_a_half_truncated_database_exits_1()
    {
        using (var store = _f.Db.Open())
        {
            (await new AssignmentImporter(store, _f.Clock).ImportAsync(SamplePath, dryRun: false, "seed")).Succeeded.Should().BeTrue();
        }

        var whole = File.ReadAllBytes(_f.Db.Path);
        File.WriteAllBytes(_f.Db.Path, whole[..(whole.Length / 2)]);

        var (code, output) = await BackupFixture.RunAsync(_f.CheckVerb);

        code.Should().Be(ExitCodes.Failed);
        output.Should().StartWith($"Cơ sở dữ liệu {_f.Db.Path} ").And.NotContain("   at ");
        output.Trim().Should().NotContain("\n");
    }
}
