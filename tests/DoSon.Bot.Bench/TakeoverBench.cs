using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DoSon.Bot.Cluster;
using DoSon.Bot.FakeApis;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoSon.Bot.Bench;

/// <summary>Part `takeover`: two instances of one ward (Cluster:Enabled), each a process of its own,
/// on a PostgreSQL server of the benchmark's own and the fake Bot API on the real clock. Ten times, a
/// batch of reminders is added while one instance is active, then the active process is killed
/// (SIGKILL, in the middle of sending the previous batch); the time from the kill to the other
/// instance's takeover is measured, and a new standby is started. At the end every reminder must have
/// reached its chat once: lost and doubled are read from the fake server's record.</summary>
internal static class TakeoverBench
{
    public const string Heading = "# Benchmark: takeover of a standby";
    private const int Kills = 10;
    private const int Chats = 60;
    private const int TakeoverSeconds = 15;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static long Chat(int m) => 600_000_000L + m;

    private static string Key(int round, int m) => $"notice:M{m:0000}:takeover-{round}";

    private static string Marker(int round, int m) => $"Kiểm thử chuyển máy lượt {round} số {m}.";

    /// <summary>One instance: the real host, until it is killed; says ACTIVE when it takes over.</summary>
    public static async Task<Dictionary<string, string>> InstanceAsync(string folder, string[] args)
    {
        var (name, connection, baseUrl, token) = (args[4], args[5], args[6], args[7]);
        using var host = BenchHost.Build(folder, Path.Combine(folder, name + ".db"), TimeProvider.System, null, Settings(connection, baseUrl, token, name));
        await host.StartAsync();
        var role = host.Services.GetRequiredService<ClusterRole>();
        Console.WriteLine("STARTED " + name);
        while (!role.IsActive)
        {
            await Task.Delay(10);
        }

        Console.WriteLine("ACTIVE " + name);
        await Task.Delay(Timeout.Infinite);
        return [];
    }

    private static Dictionary<string, string?> Settings(string connection, string baseUrl, string token, string? name = null) => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = connection,
        ["Storage:Schema"] = "takeover",
        ["Cluster:Enabled"] = name is null ? "false" : "true",
        ["Cluster:TakeoverSeconds"] = TakeoverSeconds.ToString(Inv),
        ["Cluster:InstanceName"] = name,
        ["Telegram:BotToken"] = token,
        ["Telegram:BaseUrl"] = baseUrl,
        ["Telegram:BotUsername"] = "DoSonTestBot",
        // The benchmark runs at any hour: no quiet hours holding the batches until morning.
        ["Reminders:QuietHours:Start"] = "",
        ["Reminders:QuietHours:End"] = "",
    };

    public static async Task<Dictionary<string, string>> RunAsync(string folder)
    {
        // The same throwaway server as the tests' and the size part's (its test settings: fsync off).
        using var postgres = new LocalPostgres();
        if (postgres.Missing is { } why)
        {
            throw new InvalidOperationException(why);
        }

        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Clock = TimeProvider.System, RateLimits = new FakeRateLimits() });
        for (var m = 1; m <= Chats; m++)
        {
            fake.AddUser(Chat(m), $"Cán bộ {m}");
        }

        // The ward, written by a host that is never started (no cluster, no polling).
        using var writer = BenchHost.Build(folder, Path.Combine(folder, "writer.db"), TimeProvider.System, null, Settings(postgres.ConnectionString, fake.BaseUrl, fake.Token));
        var store = writer.Services.GetRequiredService<IBotStore>();
        var reminders = writer.Services.GetRequiredService<IReminderStore>();
        await store.ApplyImportAsync(BenchWard.Create(Chats, Chats, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), 1, telegramUserId: m => Chat(m)), "bench", DateTimeOffset.UtcNow);

        var active = new ConcurrentQueue<(string Name, long At)>();
        var instances = new List<(string Name, Process Process)>();
        var number = 0;
        (string, Process) Start()
        {
            var name = $"may-{++number}";
            var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "--part", "takeover-instance", "--folder", folder, name, postgres.ConnectionString, fake.BaseUrl, fake.Token })
            {
                info.ArgumentList.Add(a);
            }

            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith("ACTIVE ", StringComparison.Ordinal) == true)
                {
                    active.Enqueue((e.Data[7..], Stopwatch.GetTimestamp()));
                }
            };
            process.BeginOutputReadLine();
            return (name, process);
        }

        async Task<(string Name, long At)> NextActiveAsync(TimeSpan patience)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < patience)
            {
                if (active.TryDequeue(out var next))
                {
                    return next;
                }

                await Task.Delay(5);
            }

            throw new TimeoutException($"Không máy nào nhận quyền chủ động sau {patience.TotalSeconds} giây.");
        }

        var takeovers = new List<double>();
        var missed = 0;
        // Reminders the platform had accepted from a killed instance that had not recorded them: the
        // only ones the next instance may send again.
        var inFlight = 0;
        var counted = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            instances.Add(Start());
            var current = await NextActiveAsync(TimeSpan.FromSeconds(60));
            instances.Add(Start());
            for (var round = 1; round <= Kills; round++)
            {
                // The batch of this round: one reminder per chat, due now; the active instance learns
                // of it only by rebuilding from the store, i.e. when it takes over.
                var now = DateTimeOffset.UtcNow;
                for (var m = 1; m <= Chats; m++)
                {
                    await reminders.AddOneOffAsync(new PlannedReminder(Key(round, m), ReminderKind.Notice, $"M{m:0000}", null, null, $"takeover-{round}", now, Marker(round, m)));
                }

                // Kill the active one once it is sending the previous batch (none in round 1).
                if (round > 1)
                {
                    var previous = round - 1;
                    var watch = Stopwatch.StartNew();
                    while (Delivered(fake, previous) < Chats / 3 && watch.Elapsed < TimeSpan.FromSeconds(30))
                    {
                        await Task.Delay(5);
                    }
                }

                var victim = instances.Single(i => i.Name == current.Name);
                var killedAt = Stopwatch.GetTimestamp();
                victim.Process.Kill();
                await victim.Process.WaitForExitAsync();
                // Requests the server had read in full before the process died are answered still.
                await Task.Delay(300);
                var recorded = (await reminders.GetRemindersAsync(ReminderState.Sent)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
                for (var k = 1; k <= round; k++)
                {
                    for (var m = 1; m <= Chats; m++)
                    {
                        var key = Key(k, m);
                        var accepted = fake.SentTo(Chat(m)).Count(x => x.Text?.Contains(Marker(k, m), StringComparison.Ordinal) == true);
                        if (!recorded.Contains(key) && accepted > counted.GetValueOrDefault(key))
                        {
                            inFlight += accepted - counted.GetValueOrDefault(key);
                            counted[key] = accepted;
                        }
                    }
                }

                instances.Remove(victim);
                instances.Add(Start());
                current = await NextActiveAsync(TimeSpan.FromSeconds(120));
                var seconds = Stopwatch.GetElapsedTime(killedAt, current.At).TotalSeconds;
                takeovers.Add(seconds);
                if (seconds >= TakeoverSeconds)
                {
                    missed++;
                }

                Console.WriteLine(string.Create(Inv, $"  kill {round}: {victim.Name} → {current.Name} in {seconds:F2} s"));
            }

            // What the last killed instances held is sent when their claims run out.
            var end = Stopwatch.StartNew();
            while (Enumerable.Range(1, Kills).Sum(r => Delivered(fake, r)) < Kills * Chats && end.Elapsed < TimeSpan.FromSeconds(TakeoverSeconds * 4))
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            foreach (var (_, process) in instances)
            {
                process.Kill();
                await process.WaitForExitAsync();
                process.Dispose();
            }
        }

        var lost = 0;
        var doubled = 0;
        for (var round = 1; round <= Kills; round++)
        {
            for (var m = 1; m <= Chats; m++)
            {
                var marker = Marker(round, m);
                var count = fake.SentTo(Chat(m)).Count(x => x.Text?.Contains(marker, StringComparison.Ordinal) == true);
                lost += count == 0 ? 1 : 0;
                doubled += Math.Max(0, count - 1);
            }
        }

        var sorted = takeovers.Order().ToList();
        var median = (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
        return new Dictionary<string, string>
        {
            ["kills"] = Kills.ToString(Inv),
            ["reminders"] = (Kills * Chats).ToString(Inv),
            ["median_s"] = median.ToString("F2", Inv),
            ["max_s"] = sorted[^1].ToString("F2", Inv),
            ["min_s"] = sorted[0].ToString("F2", Inv),
            ["all_s"] = string.Join(" ", takeovers.Select(t => t.ToString("F2", Inv))),
            ["missed"] = missed.ToString(Inv),
            ["lost"] = lost.ToString(Inv),
            ["doubled"] = doubled.ToString(Inv),
            ["in_flight"] = inFlight.ToString(Inv),
            ["too_many_requests"] = fake.CallsTo("sendMessage").Count(c => c.StatusCode == 429).ToString(Inv),
            ["conflicts"] = fake.CallsTo("getUpdates").Count(c => c.StatusCode == 409).ToString(Inv),
        };
    }

    private static int Delivered(FakeTelegramServer fake, int round) =>
        Enumerable.Range(1, Chats).Count(m => fake.SentTo(Chat(m)).Any(x => x.Text?.Contains(Marker(round, m), StringComparison.Ordinal) == true));

    /// <summary>The document with this section replaced (or added at the end).</summary>
    public static string Splice(string markdown, string section)
    {
        var at = markdown.IndexOf(Heading, StringComparison.Ordinal);
        if (at < 0)
        {
            return markdown.TrimEnd('\n') + "\n\n" + section;
        }

        var next = markdown.IndexOf("\n# ", at + Heading.Length, StringComparison.Ordinal);
        return markdown[..at] + section + (next < 0 ? "" : "\n" + markdown[(next + 1)..]);
    }

    public static string Section(Dictionary<string, string> r, string measuredAt)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Heading);
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Part `takeover` (`dotnet run -c Release --project tests/DoSon.Bot.Bench -- --only takeover`), measured {measuredAt} UTC on the real clock. Two instances of one ward (`Cluster:Enabled`, `Cluster:TakeoverSeconds` = {TakeoverSeconds}), each a process of its own running the real host, on a PostgreSQL 15 server the benchmark starts itself (as the tests' fixture does) and the fake Bot API on 127.0.0.1 with Telegram's limits. {r["kills"]} times, a batch of {Chats} reminders (one per chat, due at once) is added to the store, and the active process is killed with SIGKILL once it has sent a third of the previous batch; a new standby process is started after each kill. Takeover time is from the kill to the moment the other process says it is active (it has taken the advisory lock; its scheduler then rebuilds from the store).");
        sb.AppendLine();
        sb.AppendLine("| kills | takeover median | takeover max (target < 15 s) | takeovers ≥ 15 s | reminders | lost (target 0) | doubled | in flight at the kills (doubled must be ≤) | 429s | getUpdates conflicts (409) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {r["kills"]} | {r["median_s"]} s | **{r["max_s"]} s** | {r["missed"]} | {r["reminders"]} | {r["lost"]} | {r["doubled"]} | {r["in_flight"]} | {r["too_many_requests"]} | {r["conflicts"]} |");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Each takeover (s): {r["all_s"]}. A killed process's session ends with it, so the lock is free at once; the standby finds it at its next try (every third of the takeover time, 5 s), which is why the times spread between 0 and 5 s. A reminder the killed instance had claimed but not recorded is sent by the next one when its claim runs out (15 s). \"In flight\" counts the messages the fake server had accepted from a killed process for reminders it had not recorded as sent when it died (read from the server and the store 0.3 s after each kill): the only ones whose reminder may go out twice, so doubled should not exceed it. The outbox hands up to 30 messages to the platform at the start of each one-second window and records each when its answer is back, so a kill lands among many unrecorded answers; that is the price of never marking a reminder sent before the platform accepted it.");
        return sb.ToString();
    }
}
