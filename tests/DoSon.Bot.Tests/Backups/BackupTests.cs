using DoSon.Bot.Backups;
using DoSon.Bot.Cli;
using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using FluentAssertions;

namespace DoSon.Bot.Tests.Backups;

public sealed class BackupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private BackupFixture _f = null!;

    public async Task InitializeAsync() => _f = await BackupFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_backup_taken_while_progress_is_recorded_opens_and_holds_every_change_committed_before_it()
    {
        using var store = _f.Db.Open();
        var seeded = (await store.GetHistoryAsync("T1")).Count;
        var committed = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                await store.RecordProgressAsync(new ProgressReport("T1", "CVP", At, ProgressKind.Note, null, WorkTaskStatus.NotStarted, $"ghi chú {i}", "test"));
                Volatile.Write(ref committed, i);
            }
        });
        SpinWait.SpinUntil(() => Volatile.Read(ref committed) >= 10, TimeSpan.FromSeconds(30)).Should().BeTrue();

        var taken = new List<(int Before, BackupResult Result)>();
        for (var k = 0; k < 4; k++)
        {
            _f.Clock.Advance(TimeSpan.FromMinutes(1));
            var before = Volatile.Read(ref committed);
            taken.Add((before, _f.Backups.Write(store.CopyDataFileTo, BackupReason.Regular)));
        }

        await stop.CancelAsync();
        await writer;

        foreach (var (before, result) in taken)
        {
            var report = DatabaseFileCheck.Inspect(result.Path, deep: true, forWriting: false);
            report.State.Should().Be(DatabaseFileState.Ready);
            File.Exists(DatabaseFileCopy.LogFileOf(result.Path)).Should().BeFalse("a backup is one self-contained file");
            report.Counts["history"].Should().BeGreaterThanOrEqualTo(seeded + before);
            using var copy = new LiteDbBotStore(result.Path);
            (await copy.GetHistoryAsync("T1")).Select(h => h.Note).Should().Contain($"ghi chú {before}");
        }

        Directory.GetFiles(_f.Folder).Select(Path.GetFileName).Should().Contain(
            ["test-2026-03-02-0231.db", "test-2026-03-02-0232.db", "test-2026-03-02-0233.db", "test-2026-03-02-0234.db"]);
    }

    [Fact]
    public async Task The_backup_verb_copies_a_closed_database_into_the_folder_under_the_ward_time()
    {
        var (code, output) = await BackupFixture.RunAsync(_f.BackupVerb);

        code.Should().Be(ExitCodes.Ok);
        var path = Path.Combine(_f.Folder, "test-2026-03-02-0230.db");
        output.Should().Be($"Đã sao lưu cơ sở dữ liệu vào {path} (1{Size(path)}; 3 nhiệm vụ, 4 thành viên).\n".Replace("(1", "(", StringComparison.Ordinal));
        DatabaseFileCheck.Inspect(path, deep: true, forWriting: false).Counts["tasks"].Should().Be(3);

        (code, _) = await BackupFixture.RunAsync(_f.BackupVerb);
        code.Should().Be(ExitCodes.Ok);
        File.Exists(Path.Combine(_f.Folder, "test-2026-03-02-0230-2.db")).Should().BeTrue("two copies in one minute get a number");
    }

    private static string Size(string path) => BackupTexts.Size(new FileInfo(path).Length);

    [Fact]
    public async Task The_backup_verb_never_overwrites_a_file_without_overwrite()
    {
        var target = Path.Combine(_f.Db.Folder, "ban-sao.db");
        File.WriteAllText(target, "tệp của văn phòng");

        var (code, output) = await BackupFixture.RunAsync(_f.BackupVerb, target);

        code.Should().Be(ExitCodes.Failed);
        output.Should().Be($"Tệp {target} đã có; thêm --overwrite nếu muốn ghi đè, hoặc chọn tên khác.\n");
        File.ReadAllText(target).Should().Be("tệp của văn phòng");

        (code, _) = await BackupFixture.RunAsync(_f.BackupVerb, target, "--overwrite");
        code.Should().Be(ExitCodes.Ok);
        DatabaseFileCheck.Inspect(target, deep: true, forWriting: false).State.Should().Be(DatabaseFileState.Ready);
        Directory.Exists(_f.Folder).Should().BeFalse("a copy to a named file is not rotated into the folder");
    }

    [Fact]
    public async Task Backup_check_and_backup_list_refuse_while_another_program_holds_the_database()
    {
        using var store = _f.Db.Open();
        var before = File.ReadAllBytes(_f.Db.Path);

        foreach (var (verb, args) in new (ICliVerb, string[])[] { (_f.BackupVerb, []), (_f.BackupVerb, ["list"]), (_f.CheckVerb, []), (_f.RestoreVerb, [_f.Db.Path + ".x"]) })
        {
            var (code, output) = await BackupFixture.RunAsync(verb, args);
            code.Should().Be(ExitCodes.Failed);
            output.Should().StartWith($"Cơ sở dữ liệu {_f.Db.Path} đang được chương trình DoSon.Bot khác").And.EndWith("\n").And.NotContain("   at ");
            output.Trim().Should().NotContain("\n");
        }

        File.ReadAllBytes(_f.Db.Path).Should().Equal(before);
        Directory.Exists(_f.Folder).Should().BeFalse();
    }

    [Fact]
    public async Task Backup_and_check_never_create_a_missing_database()
    {
        using var f = new BackupFixture();

        foreach (var (verb, args) in new (ICliVerb, string[])[] { (f.BackupVerb, []), (f.BackupVerb, ["list"]), (f.CheckVerb, []) })
        {
            var (code, output) = await BackupFixture.RunAsync(verb, args);
            // The same sentence and code as export, report and members give for a missing database.
            code.Should().Be(ExitCodes.DatabaseUnavailable);
            output.Should().Be(StorageTexts.Refused(DatabaseFileState.Missing, f.Db.Path, null, new DoSon.Bot.Backups.BackupOptions()) + "\n");
        }

        Directory.GetFileSystemEntries(f.Db.Folder).Should().BeEmpty();
    }

    [Fact]
    public async Task Backup_list_shows_the_copies_newest_first_with_their_counts()
    {
        await BackupFixture.RunAsync(_f.BackupVerb);
        _f.Clock.Advance(TimeSpan.FromDays(1));
        await BackupFixture.RunAsync(_f.BackupVerb);
        File.WriteAllText(Path.Combine(_f.Folder, "ghi-chu.db"), "không phải của bot");

        var (code, output) = await BackupFixture.RunAsync(_f.BackupVerb, "list");

        code.Should().Be(ExitCodes.Ok);
        var lines = output.TrimEnd().Split('\n');
        lines.Should().HaveCount(3);
        lines[0].Should().Be($"2 bản sao lưu trong {_f.Folder} (mới nhất trước):");
        lines[1].Should().StartWith("  test-2026-03-03-0230.db  03/03/2026 02:30  ").And.EndWith("3 nhiệm vụ, 4 thành viên");
        lines[2].Should().StartWith("  test-2026-03-02-0230.db  02/03/2026 02:30  ");
    }
}
