using DoSon.Bot.Backups;
using DoSon.Bot.Storage;
using FluentAssertions;

namespace DoSon.Bot.Tests.Backups;

public sealed class RotationTests
{
    [Fact]
    public async Task Rotation_over_months_keeps_the_last_days_and_the_newest_copy_of_each_month_and_nothing_it_did_not_name()
    {
        // 20/01/2026 02:30 in the ward.
        using var f = await BackupFixture.CreateAsync(keepDaily: 5, keepMonthly: 2, start: new DateTimeOffset(2026, 1, 19, 19, 30, 0, TimeSpan.Zero));
        using var store = f.Db.Open();
        Directory.CreateDirectory(f.Folder);
        File.WriteAllText(Path.Combine(f.Folder, "test-cua-van-phong.db"), "của văn phòng");
        File.WriteAllText(Path.Combine(f.Folder, "ghi-chu.txt"), "của văn phòng");

        string? last = null;
        for (var day = 0; day < 45; day++)
        {
            last = f.Backups.Write(store.CopyDataFileTo, BackupReason.Regular).Path;
            f.Clock.Advance(TimeSpan.FromDays(1));
        }

        // 06/03/2026 03:30: a copy before an import; the day's copies all stay.
        f.Clock.Advance(TimeSpan.FromHours(1));
        var beforeImport = f.Backups.Write(store.CopyDataFileTo, BackupReason.BeforeImport);

        Path.GetFileName(last).Should().Be("test-2026-03-05-0230.db");
        beforeImport.Deleted.Select(Path.GetFileName).Should().Equal("test-2026-03-01-0230.db");
        Directory.GetFiles(f.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(
            "ghi-chu.txt",
            "test-2026-02-28-0230.db",
            "test-2026-03-02-0230.db",
            "test-2026-03-03-0230.db",
            "test-2026-03-04-0230.db",
            "test-2026-03-05-0230.db",
            "test-2026-03-06-0330-truoc-nhap.db",
            "test-cua-van-phong.db");
    }

    [Fact]
    public void The_copy_just_made_is_never_deleted_even_when_older_names_sort_after_it()
    {
        var copies = new[]
        {
            new BackupCopy("/b/test-2026-05-01-0230.db", new DateTime(2026, 5, 1, 2, 30, 0), BackupReason.Regular, 1),
            new BackupCopy("/b/test-2026-04-01-0230.db", new DateTime(2026, 4, 1, 2, 30, 0), BackupReason.Regular, 1),
        };

        BackupRotation.ToDelete(copies, keepDaily: 1, keepMonthly: 0, justMade: "/b/test-2026-04-01-0230.db")
            .Select(c => c.Name).Should().BeEmpty();
        BackupRotation.ToDelete(copies, keepDaily: 1, keepMonthly: 0, justMade: null)
            .Select(c => c.Name).Should().Equal("test-2026-04-01-0230.db");
    }

    [Theory]
    [InlineData("test-2026-03-02-0230.db", true)]
    [InlineData("test-2026-03-02-0230-truoc-nhap.db", true)]
    [InlineData("test-2026-03-02-0230-truoc-khoi-phuc-3.db", true)]
    [InlineData("test-2026-03-02-0230-1.db", false)]
    [InlineData("test-2026-03-02.db", false)]
    [InlineData("khac-2026-03-02-0230.db", false)]
    [InlineData("test-2026-03-02-0230.db.bak", false)]
    [InlineData(".test-2026-03-02-0230.dang-ghi.db", false)]
    public void Only_names_the_bot_gives_are_taken_for_copies(string name, bool ours)
    {
        (BackupCopy.Parse("test", Path.Combine("/b", name)) is not null).Should().Be(ours);
    }

    [Fact]
    public void A_copy_is_named_in_ward_time_without_diacritics()
    {
        BackupCopy.FileName("doson-bot", new DateTime(2026, 3, 2, 2, 30, 0), BackupReason.BeforeRestore, 1)
            .Should().Be("doson-bot-2026-03-02-0230-truoc-khoi-phuc.db");
        DatabaseFileCopy.LogFileOf("/var/lib/doson-bot/doson-bot.db").Should().Be("/var/lib/doson-bot/doson-bot-log.db");
    }
}
