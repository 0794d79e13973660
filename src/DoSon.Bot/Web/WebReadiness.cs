using DoSon.Bot.Hosting;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Web;

/// <summary>What /readyz checks: the database is open, the reminder scheduler runs, and each chat
/// platform the bot polls answered within <see cref="PlatformWindow"/> (on the app's clock).</summary>
public sealed class WebReadiness(DatabaseUse database, ReminderScheduler scheduler, PlatformContact contact, TimeProvider time)
{
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
