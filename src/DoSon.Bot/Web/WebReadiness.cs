using DoSon.Bot.Cluster;
using DoSon.Bot.Hosting;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Web;

/// <summary>What /readyz checks: the database is open, the reminder scheduler runs, and each chat
/// platform the bot polls answered within <see cref="PlatformWindow"/> (on the app's clock). On
/// PostgreSQL the server must answer now; a standby (Cluster:Enabled) runs no scheduler and polls no
/// platform, so only the database counts for it.</summary>
public sealed class WebReadiness(DatabaseUse database, ReminderScheduler scheduler, PlatformContact contact, TimeProvider time, ClusterRole? role = null, IStoreProbe? probe = null)
{
    /// <summary>Which instance answers and its role, for /readyz; null without Cluster:Enabled.</summary>
    public (string Role, string Instance)? Cluster => role is { Enabled: true } r ? (r.Name, r.InstanceName) : null;

    /// <summary>A long poll lasts at most a minute; five without an answer means the platform or the way to it is down.</summary>
    public static readonly TimeSpan PlatformWindow = TimeSpan.FromMinutes(5);

    /// <summary>What is not ready, in Vietnamese; empty when all is.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (database.OpenedPath is null)
        {
            problems.Add(WebTexts.StoreClosed);
        }
        else if (probe is not null && !await probe.CanReachAsync(cancellationToken))
        {
            problems.Add(WebTexts.StoreUnreachable);
        }

        if (role is { IsActive: false })
        {
            return problems;
        }

        if (!await scheduler.IsRunningAsync(cancellationToken))
        {
            problems.Add(WebTexts.SchedulerStopped);
        }

        var now = time.GetUtcNow();
        foreach (var (platform, last) in contact.Snapshot().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (last is null || now - last.Value > PlatformWindow)
            {
                problems.Add(WebTexts.PlatformSilent(platform, (int)PlatformWindow.TotalMinutes));
            }
        }

        return problems;
    }
}
