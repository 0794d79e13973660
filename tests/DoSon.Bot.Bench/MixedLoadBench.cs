using System.Diagnostics;
using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoSon.Bot.Bench;

/// <summary>Issue 9's mixed load, on the real clock, through the real host and Telegram.Bot client to the
/// fake Bot API server on 127.0.0.1 with Telegram's limits: 3,000 reminders fall due in the same minute
/// while 10 members each send /nhiemvu every 5 seconds and one stranger sends 10 messages a second.
/// The load starts 10 s before the due minute and runs until the last reminder is accepted.</summary>
internal static class MixedLoadBench
{
    public const int Reminders = 3_000;
    public const int Commanders = 10;
    public static readonly TimeSpan CommandEvery = TimeSpan.FromSeconds(5);
    public const int StrangerPerSecond = 10;
    public const long Stranger = 900_000_001;
    public const string Command = "/nhiemvu";

    public static async Task<Dictionary<string, string>> Run(string folder)
    {
        var clock = TimeProvider.System;
        var local = WardClock.ToLocal(clock.GetUtcNow()).AddSeconds(40);
        var due = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset).AddMinutes(1);
        var dueDate = DateOnly.FromDateTime(due.DateTime).AddDays(3);
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            Clock = clock,
            RateLimits = new FakeRateLimits(),
        });
        for (var m = 1; m <= Reminders; m++)
        {
            server.AddUser(TelegramTarget.UserId(m), $"Cán bộ {m}");
        }

        server.AddUser(Stranger, "Người lạ");
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:DaysBefore:0"] = "3",
            ["Reminders:OnTheDay"] = "false",
            ["Reminders:OverdueNudges"] = "0",
            ["Reminders:EscalateAfterDays"] = "0",
            ["Reminders:TimeOfDay"] = due.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Reminders:QuietHours:Start"] = "",
            ["Reminders:QuietHours:End"] = "",
            ["Telegram:BotToken"] = server.Token,
            ["Telegram:BaseUrl"] = server.BaseUrl,
            ["Telegram:BotUsername"] = server.BotUsername,
        };

        using var host = BenchHost.Build(folder, Path.Combine(folder, "mixed-load.db"), clock, null, settings);
        var plan = BenchWard.Create(Reminders, Reminders, dueDate, 1, telegramUserId: m => TelegramTarget.UserId(m));
        await host.Services.GetRequiredService<IBotStore>().ApplyImportAsync(plan, "bench", clock.GetUtcNow());
        await host.StartAsync();
        var reminderStore = host.Services.GetRequiredService<IReminderStore>();
        var pending = (await reminderStore.GetRemindersAsync(ReminderState.Pending)).Count;
        var rssAfterStart = Process.GetCurrentProcess().WorkingSet64;

        var loadStart = due - TimeSpan.FromSeconds(10);
        var wait = loadStart - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // Each member's commands, in the order offered: the moment each was queued for getUpdates.
        var offered = Enumerable.Range(0, Commanders).Select(_ => new List<DateTimeOffset>()).ToArray();
        var strangerSent = 0;
        using var safety = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using (var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
        {
            var started = clock.GetUtcNow();
            var lastReminderAt = (DateTimeOffset?)null;
            var tick = 0;
            while (!safety.IsCancellationRequested && await ticks.WaitForNextTickAsync(safety.Token).AsTask().ContinueWith(t => !t.IsCanceled, TaskScheduler.Default))
            {
                var now = clock.GetUtcNow();
                var elapsed = now - started;
                // The stranger: 10 messages a second, evenly.
                while (strangerSent < (int)(elapsed.TotalSeconds * StrangerPerSecond))
                {
                    server.SendText(Stranger, $"alo {++strangerSent}");
                }

                // Member i sends at i/2 s, then every 5 s: the ten spread over each 5 s.
                for (var i = 0; i < Commanders; i++)
                {
                    var next = TimeSpan.FromSeconds(i * CommandEvery.TotalSeconds / Commanders) + (CommandEvery * offered[i].Count);
                    if (elapsed >= next && lastReminderAt is null)
                    {
                        offered[i].Add(clock.GetUtcNow());
                        server.SendText(TelegramTarget.UserId(i + 1), Command);
                    }
                }

                // Reading the server's record is not free: twice a second is enough.
                if (++tick % 25 != 0)
                {
                    continue;
                }

                if (lastReminderAt is null && ReminderSends(server).Count >= pending)
                {
                    lastReminderAt = now;
                }

                // Past the burst: stop offering; wait for the last commands' answers (or 30 s).
                if (lastReminderAt is { } end && (AllAnswered(server, offered) || now - end > TimeSpan.FromSeconds(30)))
                {
                    break;
                }
            }
        }

        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();
        await dispatcher.WhenIdleAsync(safety.Token);
        var sentRecorded = (await reminderStore.GetRemindersAsync(ReminderState.Sent)).Count;
        var peakRss = Process.GetCurrentProcess().PeakWorkingSet64;
        await host.StopAsync();

        // Latency: the k-th answer a member got (any message that is not a reminder) answers their k-th command.
        var latencies = new List<double>();
        var unanswered = 0;
        for (var i = 0; i < Commanders; i++)
        {
            var answers = Answers(server, TelegramTarget.UserId(i + 1));
            for (var k = 0; k < offered[i].Count; k++)
            {
                if (k < answers.Count)
                {
                    latencies.Add((answers[k] - offered[i][k]).TotalSeconds);
                }
                else
                {
                    unanswered++;
                }
            }
        }

        latencies.Sort();
        var reminders = ReminderSends(server);
        var first = reminders.Min(c => c.At);
        var last = reminders.Max(c => c.At);
        var all = server.CallsTo("sendMessage").Where(c => c.StatusCode == 200 && c.At >= first && c.At <= last).ToList();
        var span = (last - first).TotalSeconds;
        var rate = span > 0 ? (all.Count - 1) / span : double.NaN;
        var distinct = reminders.Select(c => c.ChatId).Distinct().Count();
        var tooMany = server.Calls.Count(c => c.StatusCode == 429);
        var strangerAnswers = server.CallsTo("sendMessage").Count(c => c.ChatId == Stranger && c.StatusCode == 200);
        return new()
        {
            ["reminders"] = pending.ToString(Inv),
            ["reminders_accepted"] = reminders.Count.ToString(Inv),
            ["marked_sent"] = sentRecorded.ToString(Inv),
            ["lost"] = (pending - distinct).ToString(Inv),
            ["doubled"] = (reminders.Count - distinct).ToString(Inv),
            ["commands"] = offered.Sum(o => o.Count).ToString(Inv),
            ["answered"] = latencies.Count.ToString(Inv),
            ["unanswered"] = unanswered.ToString(Inv),
            ["latency_median_s"] = Percentile(latencies, 0.5).ToString("F2", Inv),
            ["latency_p95_s"] = Percentile(latencies, 0.95).ToString("F2", Inv),
            ["latency_max_s"] = (latencies.Count > 0 ? latencies[^1] : double.NaN).ToString("F2", Inv),
            ["stranger_messages"] = strangerSent.ToString(Inv),
            ["stranger_answers"] = strangerAnswers.ToString(Inv),
            ["messages_in_burst"] = all.Count.ToString(Inv),
            ["rate_per_s"] = rate.ToString("F2", Inv),
            ["rate_over_30"] = (rate / 30).ToString("F3", Inv),
            ["too_many_requests"] = tooMany.ToString(Inv),
            ["first_lateness_s"] = (first - due).TotalSeconds.ToString("F2", Inv),
            ["last_lateness_s"] = (last - due).TotalSeconds.ToString("F1", Inv),
            ["rss_after_start_mb"] = (rssAfterStart / 1024.0 / 1024.0).ToString("F0", Inv),
            ["peak_rss_mb"] = (peakRss / 1024.0 / 1024.0).ToString("F0", Inv),
        };
    }

    public const string Heading = "# Benchmarks: mixed load";
    private const string FiguresMark = "<!-- mixed-load figures: ";

    /// <summary>The figures of the last written run, kept in a comment of the section itself, or null.</summary>
    public static Dictionary<string, string>? Previous(string markdown)
    {
        var at = markdown.IndexOf(FiguresMark, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + FiguresMark.Length;
        var end = markdown.IndexOf(" -->", start, StringComparison.Ordinal);
        return end < 0 ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(markdown[start..end]);
    }

    /// <summary>The document with the mixed-load section replaced (or added at the end); the other sections as they were.</summary>
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

    /// <summary>The section of docs/benchmarks.md, each figure with its target, met or missed, and the
    /// previous run's figure beside it when there was one.</summary>
    public static string Section(Dictionary<string, string> r, Dictionary<string, string>? previous, string measuredAt)
    {
        double D(string key) => double.Parse(r[key], Inv);
        string Was(string key, string unit = "") => previous?.GetValueOrDefault(key) is { } v ? v + unit : "—";
        string Mark(bool met) => met ? "met" : "**missed**";
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(Heading);
        sb.AppendLine();
        sb.AppendLine("Part `mixed-load`, in a process of its own, written by the bench program (`dotnet run -c Release --project tests/DoSon.Bot.Bench -- --only mixed-load` rewrites only this section; a full run rewrites the whole file). About 3 minutes: up to 100 s waiting for the due minute, then about 110 s of load.");
        sb.AppendLine();
        sb.AppendLine(Inv, $"The real host (`AddDoSonBot`) on the real clock with `Telegram:BotToken` and `Telegram:BaseUrl` pointing at the fake Bot API server (`tests/DoSon.Bot.FakeApis`) on 127.0.0.1, through the real `TelegramChannel` and Telegram.Bot client, polling included. The server keeps Telegram's limits on the real clock: 30 messages in any second overall, one a second per chat (burst 3), 20 a minute per group, and answers anything beyond with 429 and retry_after. At the same time:");
        sb.AppendLine();
        sb.AppendLine(Inv, $"- **{r["reminders"]} reminders** (3,000 members, one task each, \"3 days before\") fall due in the same minute;");
        sb.AppendLine(Inv, $"- **{Commanders} members** each send `{Command}` every {CommandEvery.TotalSeconds:0} s, spread evenly over the 5 s, from 10 s before the due minute until the last reminder is accepted ({r["commands"]} commands); they are members 1-10 of the 3,000, so each also gets a reminder, which shares their chat's one message a second with the answers;");
        sb.AppendLine(Inv, $"- **one stranger** sends {StrangerPerSecond} messages a second over the same time ({r["stranger_messages"]} messages; flood control answered {r["stranger_answers"]} of them, as `Chat:StrangerAnswerEveryMinutes` says).");
        sb.AppendLine();
        sb.AppendLine(Inv, $"Measured {measuredAt} UTC on the machine described at the top (shared with other work: times vary from run to run). The previous column is the last run written here{(previous is null ? " (none: this is the first)" : "")}.");
        sb.AppendLine();
        sb.AppendLine("| figure | this run | target | | previous run |");
        sb.AppendLine("|---|---|---|---|---|");
        sb.AppendLine(Inv, $"| members' answer latency, median | {r["latency_median_s"]} s | | | {Was("latency_median_s", " s")} |");
        sb.AppendLine(Inv, $"| members' answer latency, p95 | **{r["latency_p95_s"]} s** | < 2 s | {Mark(D("latency_p95_s") < 2)} | {Was("latency_p95_s", " s")} |");
        sb.AppendLine(Inv, $"| members' answer latency, max | {r["latency_max_s"]} s | | | {Was("latency_max_s", " s")} |");
        sb.AppendLine(Inv, $"| commands answered | {r["answered"]} of {r["commands"]} | all | {Mark(r["unanswered"] == "0")} | {(previous is null ? "—" : $"{Was("answered")} of {Was("commands")}")} |");
        sb.AppendLine(Inv, $"| overall send rate / 30 during the burst | **{r["rate_over_30"]}** ({r["rate_per_s"]} msg/s) | ≥ 0.95 | {Mark(D("rate_over_30") >= 0.95)} | {Was("rate_over_30")} |");
        sb.AppendLine(Inv, $"| 429s from the server (any method) | **{r["too_many_requests"]}** | 0 | {Mark(r["too_many_requests"] == "0")} | {Was("too_many_requests")} |");
        sb.AppendLine(Inv, $"| reminders lost | **{r["lost"]}** | 0 | {Mark(r["lost"] == "0")} | {Was("lost")} |");
        sb.AppendLine(Inv, $"| reminders doubled | **{r["doubled"]}** | 0 | {Mark(r["doubled"] == "0")} | {Was("doubled")} |");
        sb.AppendLine(Inv, $"| reminders recorded sent in LiteDB | {r["marked_sent"]} of {r["reminders"]} | all | {Mark(r["marked_sent"] == r["reminders"])} | {Was("marked_sent")} |");
        sb.AppendLine(Inv, $"| peak memory (RSS, `Process.PeakWorkingSet64`) | {r["peak_rss_mb"]} MB (after start: {r["rss_after_start_mb"]} MB) | (none set) | | {Was("peak_rss_mb", " MB")} |");
        sb.AppendLine(Inv, $"| first / last reminder after the due minute | {r["first_lateness_s"]} s / {r["last_lateness_s"]} s | | | {(previous is null ? "—" : $"{Was("first_lateness_s", " s")} / {Was("last_lateness_s", " s")}")} |");
        sb.AppendLine();
        sb.AppendLine("How each figure is read:");
        sb.AppendLine();
        sb.AppendLine("- **Latency**: from the moment a member's command is queued at the fake server, where the bot's pending `getUpdates` can take it, until the server records the `sendMessage` of its answer; the k-th answer a member gets (any message to them that is not a reminder) is paired with their k-th command. Median, 95th percentile (nearest rank) and maximum over all commands.");
        sb.AppendLine("- **Rate**: every `sendMessage` the server accepted (reminders and answers) between its first and last acceptance of a reminder: (count − 1) / that time, over 30.");
        sb.AppendLine("- **429s**: every call the server answered with 429, of any method.");
        sb.AppendLine("- **Lost / doubled**: chats that never got their reminder / reminders accepted beyond one per chat, from the server's record; \"recorded sent\" is the reminders' state in the bot's database after the burst.");
        sb.AppendLine("- **Peak memory**: the whole bench process, which holds the bot's host, the fake server and the load generator; the RSS right after the host started is given for comparison.");
        sb.AppendLine();
        sb.AppendLine(FiguresMark + System.Text.Json.JsonSerializer.Serialize(r) + " -->");
        return sb.ToString();
    }

    private static bool IsReminder(FakeCall c) => c.Text?.Contains(ReminderTexts.OwnHeading, StringComparison.Ordinal) == true;

    private static List<FakeCall> ReminderSends(FakeTelegramServer server) =>
        [.. server.CallsTo("sendMessage").Where(c => c.StatusCode == 200 && IsReminder(c))];

    private static List<DateTimeOffset> Answers(FakeTelegramServer server, long chatId) =>
        [.. server.CallsTo("sendMessage").Where(c => c.StatusCode == 200 && c.ChatId == chatId && !IsReminder(c)).Select(c => c.At).Order()];

    private static bool AllAnswered(FakeTelegramServer server, List<DateTimeOffset>[] offered) =>
        Enumerable.Range(0, offered.Length).All(i => Answers(server, TelegramTarget.UserId(i + 1)).Count >= offered[i].Count);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
}
