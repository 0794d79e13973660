using DoSon.Bot.Backups;
using Quartz;

namespace DoSon.Bot.Reminders.Jobs;

/// <summary>Fires at Backup:DailyTime; the service schedules the next one before it copies.</summary>
internal sealed class DailyBackupJob(BackupService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await service.RunDailyAsync(cancellationToken);
}
