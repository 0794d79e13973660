using System.Diagnostics;
using DoSon.Bot.Reminders;

namespace DoSon.Bot.Bench;

/// <summary>Planning 100,000 reminders: the pure planner alone (no database).</summary>
internal static class PlanBench
{
    public const int TasksFor100k = 9_091; // 11 reminders per open task with the default policy

    public static Dictionary<string, string> Run()
    {
        var plan = BenchWard.Create(TasksFor100k, 1_000, new DateOnly(2026, 3, 10), 20);
        var tasks = BenchWard.Tasks(plan);
        var members = BenchWard.Members(plan);
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var policy = ReminderPolicy.Default;

        var count = ReminderPlanner.Plan(tasks, [], members, policy, now).Count; // warm-up (JIT)
        var times = new List<double>();
        var bytes = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            count = ReminderPlanner.Plan(tasks, [], members, policy, now).Count;
            sw.Stop();
            bytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        bytes.Sort();
        return new()
        {
            ["reminders"] = count.ToString(Inv),
            ["tasks"] = tasks.Count.ToString(Inv),
            ["members"] = members.Count.ToString(Inv),
            ["median_ms"] = times[times.Count / 2].ToString("F1", Inv),
            ["min_ms"] = times[0].ToString("F1", Inv),
            ["allocated_mb"] = (bytes[bytes.Count / 2] / 1024.0 / 1024.0).ToString("F1", Inv),
        };
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;
}
