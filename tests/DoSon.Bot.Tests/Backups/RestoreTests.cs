using DoSon.Bot.Backups;
using DoSon.Bot.Cli;
using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using FluentAssertions;

namespace DoSon.Bot.Tests.Backups;

public sealed class RestoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private BackupFixture _f = null!;

    public async Task InitializeAsync() => _f = await BackupFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    private static async Task CloseT1Async(LiteDbBotStore store) =>
        await store.RecordProgressAsync(new ProgressReport("T1", "CB-DC", At, ProgressKind.Done, 100, WorkTaskStatus.Done, null, "test"));

    [Fact]
    public async Task Restore_round_trips_the_change_is_gone_and_a_copy_of_the_changed_state_is_kept()
    {
        string backup;
        using (var store = _f.Db.Open())
        {
            backup = _f.Backups.Write(store.CopyDataFileTo, BackupReason.Regular).Path;
            await CloseT1Async(store);
        }

        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        var (code, output) = await BackupFixture.RunAsync(_f.RestoreVerb, backup);

        code.Should().Be(ExitCodes.Ok);
        var kept = Path.Combine(_f.Folder, "test-2026-03-02-0235-truoc-khoi-phuc.db");
        output.Should().Be($"Đã khôi phục cơ sở dữ liệu {_f.Db.Path} từ {backup} (3 nhiệm vụ, 4 thành viên).\nBản trước khi khôi phục được giữ tại {kept}.\n");
        File.Exists(DatabaseFileCopy.LogFileOf(_f.Db.Path)).Should().BeFalse();
        using (var store = _f.Db.Open())
        {
            (await store.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.NotStarted);
        }

        using (var changed = new LiteDbBotStore(kept))
        {
            (await changed.FindTaskAsync("T1"))!.Status.Should().Be(WorkTaskStatus.Done);
        }
    }

    public static TheoryData<string> BadFiles => ["rỗng", "ngắn", "ngẫu nhiên", "cắt đôi", "văn bản"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Restore_of_a_damaged_file_is_refused_in_one_sentence_and_the_database_is_unchanged(string kind)
    {
        string good;
        using (var store = _f.Db.Open())
        {
            good = _f.Backups.Write(store.CopyDataFileTo, BackupReason.Regular).Path;
        }

        var before = File.ReadAllBytes(_f.Db.Path);
        var bad = Path.Combine(_f.Db.Folder, "hong.db");
        var goodBytes = File.ReadAllBytes(good);
        File.WriteAllBytes(bad, kind switch
        {
            "rỗng" => [],
            "ngắn" => new byte[100],
            "ngẫu nhiên" => RandomBytes(goodBytes.Length),
            "cắt đôi" => goodBytes[..(goodBytes.Length / 2)],
            _ => System.Text.Encoding.UTF8.GetBytes(new string('x', 20000)),
        });
        var backupsBefore = Directory.GetFiles(_f.Folder);

        var (code, output) = await BackupFixture.RunAsync(_f.RestoreVerb, bad);

        code.Should().Be(ExitCodes.Failed);
        output.Should().StartWith($"Không khôi phục từ {bad} vì tệp ").And.EndWith("; cơ sở dữ liệu hiện tại không thay đổi.\n");
        output.Trim().Should().NotContain("\n");
        File.ReadAllBytes(_f.Db.Path).Should().Equal(before);
        Directory.GetFiles(_f.Folder).Should().BeEquivalentTo(backupsBefore);
        Directory.GetFiles(_f.Db.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(["test.db", "hong.db"]);
    }

    [Fact]
    public async Task Restore_over_a_damaged_database_moves_it_aside_and_brings_the_backup_back()
    {
        string good;
        using (var store = _f.Db.Open())
        {
            good = _f.Backups.Write(store.CopyDataFileTo, BackupReason.Regular).Path;
        }

        var damaged = RandomBytes(20000);
        File.WriteAllBytes(_f.Db.Path, damaged);

        var (code, output) = await BackupFixture.RunAsync(_f.RestoreVerb, good);

        code.Should().Be(ExitCodes.Ok);
        var aside = Path.Combine(_f.Db.Folder, "test.hong-2026-03-02-023000.db");
        output.Should().EndWith($"\nTệp cũ bị hỏng được để riêng tại {aside}.\n");
        File.ReadAllBytes(aside).Should().Equal(damaged);
        DatabaseFileCheck.Inspect(_f.Db.Path, deep: true).State.Should().Be(DatabaseFileState.Ready);
        (await BackupFixture.RunAsync(_f.CheckVerb)).Code.Should().Be(ExitCodes.Ok);
    }

    [Fact]
    public async Task Restore_of_a_file_written_by_a_newer_program_is_refused()
    {
        var newer = Path.Combine(_f.Db.Folder, "moi.db");
        using (var db = new LiteDB.LiteDatabase(newer))
        {
            db.UserVersion = LiteDbBotStore.SchemaVersion + 1;
        }

        var before = File.ReadAllBytes(_f.Db.Path);
        var (code, output) = await BackupFixture.RunAsync(_f.RestoreVerb, newer);

        code.Should().Be(ExitCodes.Failed);
        output.Should().Contain("do một phiên bản DoSon.Bot mới hơn ghi");
        File.ReadAllBytes(_f.Db.Path).Should().Equal(before);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(8).NextBytes(bytes);
        return bytes;
    }
}
