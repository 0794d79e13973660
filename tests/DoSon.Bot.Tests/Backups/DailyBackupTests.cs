using DoSon.Bot.Backups;
using DoSon.Bot.Import;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Reminders;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Backups;

public sealed class DailyBackupTests : IDisposable
{
    /// <summary>19:00 on 01/03/2026 in the ward.</summary>
    private static readonly DateTimeOffset Evening = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>02:30 on 02/03/2026 in the ward.</summary>
    private static readonly DateTimeOffset NextBackup = new(2026, 3, 1, 19, 30, 0, TimeSpan.Zero);

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_daily_backup_fires_at_0230_ward_time_and_schedules_the_next_day()
    {
        await using var bot = await BotHost.StartAsync(_db, Evening);
        var service = bot.Host.Services.GetRequiredService<BackupService>();
        var scheduler = bot.Host.Services.GetRequiredService<ReminderScheduler>();
        (await scheduler.NextDailyBackupAsync(CancellationToken.None)).Should().Be(NextBackup);

        var run = service.WhenNextRunAsync();
        await bot.AdvanceToAsync(NextBackup.AddSeconds(-1), () => true);
        run.IsCompleted.Should().BeFalse();
        await bot.AdvanceToAsync(NextBackup, () => run.IsCompleted);

        var done = await run;
        done.Failure.Should().BeNull();
        done.Path.Should().Be(Path.Combine(_db.Folder, "backups", "test-2026-03-02-0230.db"));
        DatabaseFileCheck.Inspect(done.Path!, deep: true, forWriting: false).Counts["tasks"].Should().Be(3);
        (await scheduler.NextDailyBackupAsync(CancellationToken.None)).Should().Be(NextBackup.AddDays(1));
    }

    [Fact]
    public async Task An_empty_daily_time_turns_the_daily_backup_off()
    {
        await using var bot = await BotHost.StartAsync(_db, Evening, settings: new Dictionary<string, string?> { ["Backup:DailyTime"] = "" });

        (await bot.Host.Services.GetRequiredService<ReminderScheduler>().NextDailyBackupAsync(CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_failed_automatic_backup_is_told_to_the_admins_in_chat()
    {
        var notAFolder = Path.Combine(_db.Folder, "khong-phai-thu-muc");
        File.WriteAllText(notAFolder, "");
        await using var bot = await BotHost.StartAsync(_db, Evening, settings: new Dictionary<string, string?> { ["Backup:Folder"] = Path.Combine(notAFolder, "backups") });
        var service = bot.Host.Services.GetRequiredService<BackupService>();

        var run = service.WhenNextRunAsync();
        await bot.AdvanceToAsync(NextBackup, () => run.IsCompleted);

        var failed = await run;
        failed.Path.Should().BeNull();
        failed.Failure.Should().StartWith("Không ghi được bản sao lưu ");
        var notice = await bot.Reminders.FindReminderAsync(ReminderKeys.Notice(WardData.Admin.Code, $"backup-failed-{failed.At.UtcTicks}"));
        notice.Should().NotBeNull();
        notice!.Text.Should().StartWith("⚠️ Sao lưu tự động cơ sở dữ liệu không thành công: Không ghi được bản sao lưu ");
    }

    [Fact]
    public async Task An_import_into_a_ward_is_preceded_by_a_copy_and_a_failed_copy_stops_it()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
        var notAFolder = Path.Combine(_db.Folder, "khong-phai-thu-muc");
        File.WriteAllText(notAFolder, "");
        await using (var bot = await BotHost.StartAsync(_db, Evening, settings: new Dictionary<string, string?> { ["Backup:Folder"] = Path.Combine(notAFolder, "b") }))
        {
            var tasks = (await bot.Store.GetTasksAsync()).Count;
            var outcome = await bot.Host.Services.GetRequiredService<AssignmentImporter>().ImportAsync(sample, dryRun: false, "CVP");

            outcome.Succeeded.Should().BeFalse();
            outcome.Errors.Single().Message.Should().StartWith("Chưa nhập vì không sao lưu được cơ sở dữ liệu trước khi nhập: Không ghi được bản sao lưu ");
            (await bot.Store.GetTasksAsync()).Count.Should().Be(tasks);
        }

        await using (var bot = await BotHost.StartAsync(_db, Evening))
        {
            var outcome = await bot.Host.Services.GetRequiredService<AssignmentImporter>().ImportAsync(sample, dryRun: false, "CVP");

            outcome.Succeeded.Should().BeTrue();
            File.Exists(Path.Combine(_db.Folder, "backups", "test-2026-03-01-1900-truoc-nhap.db")).Should().BeTrue();
            DatabaseFileCheck.Inspect(Path.Combine(_db.Folder, "backups", "test-2026-03-01-1900-truoc-nhap.db"), deep: true, forWriting: false)
                .Counts["tasks"].Should().Be(3, "the copy holds the ward before the import");
        }
    }
}
