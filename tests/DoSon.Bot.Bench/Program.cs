using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DoSon.Bot.Bench;

// dotnet run -c Release --project tests/DoSon.Bot.Bench [-- --no-write]
// Each part runs in a process of its own so that one part's memory does not show in another's peak RSS.
if (args.Length >= 4 && args[0] == "--part")
{
    var folder = args[3];
    Dictionary<string, string> result = args[1] switch
    {
        "plan" => PlanBench.Run(),
        "rebuild-seed" => RebuildBench.Seed(folder),
        "rebuild-start" => await RebuildBench.Start(folder),
        "dispatch" => await DispatchBench.Run(folder),
        _ => throw new ArgumentException($"Không có phần đo «{args[1]}».", nameof(args)),
    };
    Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
    return 0;
}

var work = Path.Combine(Path.GetTempPath(), "doson-bot-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    var results = new Dictionary<string, Dictionary<string, string>>();
    foreach (var part in new[] { "plan", "rebuild-seed", "rebuild-start", "dispatch" })
    {
        Console.WriteLine($"== {part} ...");
        results[part] = RunPart(part, work);
        Console.WriteLine(string.Join(", ", results[part].Select(kv => $"{kv.Key}={kv.Value}")));
    }

    var report = Report(results);
    if (!args.Contains("--no-write"))
    {
        var root = FindRoot();
        var path = Path.Combine(root, "docs", "benchmarks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report);
        Console.WriteLine($"Đã ghi {path}");
    }
    else
    {
        Console.WriteLine(report);
    }

    return 0;
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        // Left for the OS to clean.
    }
}

static Dictionary<string, string> RunPart(string part, string folder)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { "--part", part, "--folder", folder })
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"Phần đo {part} không trả kết quả (mã thoát {process.ExitCode}):\n{output}");
    return JsonSerializer.Deserialize<Dictionary<string, string>>(line["RESULT ".Length..])!;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DoSon.Bot.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

static string Report(Dictionary<string, Dictionary<string, string>> r)
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
    var p = r["plan"];
    var s = r["rebuild-seed"];
    var b = r["rebuild-start"];
    var d = r["dispatch"];
    var inv = CultureInfo.InvariantCulture;
    var sb = new StringBuilder();
    sb.AppendLine("# Benchmarks: reminders");
    sb.AppendLine();
    sb.AppendLine("Written by the benchmark program itself (`tests/DoSon.Bot.Bench`); not timed tests. Re-run to refresh:");
    sb.AppendLine();
    sb.AppendLine("```");
    sb.AppendLine("dotnet run -c Release --project tests/DoSon.Bot.Bench");
    sb.AppendLine("```");
    sb.AppendLine();
    sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical CPUs (nproc){(cpu is null ? "" : $", {cpu}")}, {memory.ToString("F1", inv)} GiB memory available to .NET, {RuntimeInformation.OSDescription}, .NET {Environment.Version}. Measured {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC. The machine is shared with other work, so times vary from run to run.");
    sb.AppendLine();
    sb.AppendLine("## 1. Planning 100,000 reminders");
    sb.AppendLine();
    sb.AppendLine(CultureInfo.InvariantCulture, $"The pure planner (`ReminderPlanner.Plan`) over {p["tasks"]} open tasks and {p["members"]} members with the default policy (7, 3, 1 days before, the day, 5 overdue nudges, escalation to a leader and the admin) gives **{p["reminders"]}** planned reminders. Median of 7 runs after a warm-up.");
    sb.AppendLine();
    sb.AppendLine("| reminders | time (median) | time (best) | allocated (GC.GetAllocatedBytesForCurrentThread) |");
    sb.AppendLine("|---|---|---|---|");
    sb.AppendLine(CultureInfo.InvariantCulture, $"| {p["reminders"]} | {p["median_ms"]} ms | {p["min_ms"]} ms | {p["allocated_mb"]} MB |");
    sb.AppendLine();
    sb.AppendLine("## 2. Rebuilding Quartz from 100,000 pending reminders at start");
    sb.AppendLine();
    sb.AppendLine(CultureInfo.InvariantCulture, $"One process plans the same ward into a LiteDB file ({s["pending"]} pending reminders, first plan written in {s["first_plan_into_litedb_s"]} s, file {s["db_mb"]} MB). A fresh process then starts the real host (`AddDoSonBot`) on that file with a clock before every reminder: the start reads the store, runs the catch-up scan, re-plans (nothing changes) and rebuilds Quartz's in-memory schedule. Reminders for one person at one instant share one trigger (they go out as one message), so the trigger count is below the reminder count.");
    sb.AppendLine();
    sb.AppendLine("| pending reminders | Quartz triggers | host start (catch-up + re-plan + Quartz) | Quartz rebuild alone | peak RSS (Process.PeakWorkingSet64) |");
    sb.AppendLine("|---|---|---|---|---|");
    sb.AppendLine(CultureInfo.InvariantCulture, $"| {b["pending"]} | {b["triggers"]} | {b["start_s"]} s | {b["quartz_rebuild_s"]} s | {b["peak_rss_mb"]} MB |");
    sb.AppendLine();
    sb.AppendLine("## 3. Dispatching 3,000 reminders due in the same minute to 3,000 chats");
    sb.AppendLine();
    sb.AppendLine("The real host on the real clock: 3,000 members, one task each, whose \"3 days before\" reminder falls due at the same minute. Quartz fires 3,000 triggers, the dispatcher hands 3,000 messages to the outbox, which sends them to an in-process channel that behaves like the Telegram Bot API under load: it accepts at most 30 messages in any one second overall and one per second per chat, answers anything beyond with 429 and retry_after = 1 s, and answers after 20 ms. (To run the same against the real Telegram client and a fake Bot API server on 127.0.0.1, implement `IBenchTarget` over them; nothing else changes.)");
    sb.AppendLine();
    sb.AppendLine("| messages | accepted | marked sent | achieved rate | rate / 30 (target ≥ 0.95) | 429s received (target 0) | lost (target 0) | doubled (target 0) | first message after the due minute | last message after the due minute |");
    sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
    sb.AppendLine(CultureInfo.InvariantCulture, $"| {d["reminders"]} | {d["accepted"]} | {d["marked_sent"]} | {d["rate_per_s"]} msg/s | **{d["rate_over_30"]}** | {d["too_many_requests"]} | {d["lost"]} | {d["doubled"]} | {d["first_lateness_s"]} s | {d["last_lateness_s"]} s |");
    sb.AppendLine();
    sb.AppendLine("The achieved rate is (accepted − 1) / (time of the last − time of the first acceptance). The outbox keeps a 10 ms safety margin on every window (`Reminders:Outbox:SafetyMarginMilliseconds`), which caps the rate at 30 / 1.01 ≈ 29.7 msg/s; the lateness of the last message is therefore about 3,000 / 29.7 ≈ 101 s by design.");
    return sb.ToString();
}
