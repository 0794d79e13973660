using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using LiteDB;

namespace DoSon.Bot.Tests.Storage;

public class DatabaseFileCheckTests
{
    [Fact]
    public void A_missing_file_is_the_only_state_that_allows_a_new_database()
    {
        using var db = new TempDatabase();
        DatabaseFileCheck.Inspect(db.Path).State.Should().Be(DatabaseFileState.Missing);
    }

    [Fact]
    public async Task A_database_written_by_the_store_is_ready_and_counted()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        {
            await WardData.SeedIntoAsync(store);
        }

        var report = DatabaseFileCheck.Inspect(db.Path, deep: true);

        report.State.Should().Be(DatabaseFileState.Ready);
        report.SchemaVersion.Should().Be(LiteDbBotStore.SchemaVersion);
        report.Counts["tasks"].Should().Be(3);
    }

    [Theory]
    [InlineData(0, DatabaseFileState.Empty)]
    [InlineData(100, DatabaseFileState.TooShort)]
    [InlineData(20_000, DatabaseFileState.NotLiteDb)]
    public void A_file_that_is_not_a_whole_LiteDB_file_is_named_for_what_it_is(int length, DatabaseFileState expected)
    {
        using var db = new TempDatabase();
        File.WriteAllBytes(db.Path, Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray());

        DatabaseFileCheck.Inspect(db.Path).State.Should().Be(expected);
        new FileInfo(db.Path).Length.Should().Be(length);
    }

    [Fact]
    public void A_newer_schema_is_refused_with_its_version()
    {
        using var db = new TempDatabase();
        using (var raw = new LiteDatabase(db.Path))
        {
            raw.UserVersion = LiteDbBotStore.SchemaVersion + 1;
        }

        var report = DatabaseFileCheck.Inspect(db.Path);

        report.State.Should().Be(DatabaseFileState.NewerSchema);
        report.SchemaVersion.Should().Be(LiteDbBotStore.SchemaVersion + 1);
    }

    [Fact]
    public async Task A_file_cut_in_half_after_its_header_is_damaged()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        {
            await WardData.SeedIntoAsync(store);
        }

        var bytes = File.ReadAllBytes(db.Path);
        // Keep the header page, scramble every page after it.
        for (var i = 8192; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        File.WriteAllBytes(db.Path, bytes);

        DatabaseFileCheck.Inspect(db.Path, deep: true).State.Should().Be(DatabaseFileState.Damaged);
    }

    [Fact]
    public void A_folder_or_a_path_under_a_file_is_named_as_such()
    {
        using var db = new TempDatabase();
        Directory.CreateDirectory(db.Path);
        DatabaseFileCheck.Inspect(db.Path).State.Should().Be(DatabaseFileState.IsDirectory);

        var underFile = Path.Combine(Path.GetDirectoryName(db.Path)!, "tep.txt", "doson-bot.db");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(db.Path)!, "tep.txt"), "x");
        DatabaseFileCheck.Inspect(underFile).State.Should().Be(DatabaseFileState.ParentIsFile);
    }
}
