using System.Diagnostics;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Bench;

/// <summary>A start with 100,000 pending reminders in the database: catch-up scan, re-plan (no
/// change) and Quartz rebuilt from LiteDB. Seeding runs in one process, the measured start in a
/// fresh one, so that its peak RSS is the start's own.</summary>
internal static class RebuildBench
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<Dictionary<string, string>> SeedAsync(string folder)
    {
        var db = Path.Combine(folder, "rebuild.db");
        var clock = new FakeTimeProvider(Now);
        using var host = BenchHost.Build(folder, db, clock, channel: null);
        var store = host.Services.GetRequiredService<IBotStore>();
        await store.ApplyImportAsync(BenchWard.Create(PlanBench.TasksFor100k, 1_000, new DateOnly(2026, 3, 10), 20), "bench", Now);
        var sw = Stopwatch.StartNew();
        await host.Services.GetRequiredService<ReminderService>().ReplanAsync();
        sw.Stop();
        var pending = (await host.Services.GetRequiredService<IReminderStore>().GetRemindersAsync(ReminderState.Pending)).Count;
        return new()
        {
            ["pending"] = pending.ToString(Inv),
            ["first_plan_into_litedb_s"] = sw.Elapsed.TotalSeconds.ToString("F1", Inv),
            ["db_mb"] = (new FileInfo(db).Length / 1024.0 / 1024.0).ToString("F1", Inv),
        };
    }

    public static async Task<Dictionary<string, string>> Start(string folder)
    {
        var db = Path.Combine(folder, "rebuild.db");
        var clock = new FakeTimeProvider(Now);
        using var host = BenchHost.Build(folder, db, clock, channel: null);
        var sw = Stopwatch.StartNew();
        await host.StartAsync();
        sw.Stop();
        var scheduler = host.Services.GetRequiredService<ReminderScheduler>();
        var slots = scheduler.ScheduledCount;
        var pending = await host.Services.GetRequiredService<IReminderStore>().GetRemindersAsync(ReminderState.Pending);

        // Quartz alone: drop every trigger, then rebuild them all from the store.
        await scheduler.SyncAsync([], CancellationToken.None);
        var quartz = Stopwatch.StartNew();
        await host.Services.GetRequiredService<ReminderService>().SyncAsync(CancellationToken.None);
        quartz.Stop();
        await host.StopAsync();

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new()
        {
            ["pending"] = pending.Count.ToString(Inv),
            ["triggers"] = slots.ToString(Inv),
            ["start_s"] = sw.Elapsed.TotalSeconds.ToString("F2", Inv),
            ["quartz_rebuild_s"] = quartz.Elapsed.TotalSeconds.ToString("F2", Inv),
            ["peak_rss_mb"] = (self.PeakWorkingSet64 / 1024.0 / 1024.0).ToString("F0", Inv),
        };
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;
}
