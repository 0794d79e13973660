using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DoSon.Bot.Channels;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis;
using DoSon.Bot.Import;
using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Bench;

/// <summary>Part `size`: a ward of 10,000 tasks, 1,000 members and some 100,000 planned reminders, and
/// the same ward after a year of history. For each database: how long commands take from the text in
/// to the answer handed to the outbox's channel, how long a fresh bot process takes to its first
/// answer, and its peak RSS. Each step runs in a process of its own (`--part size-*`).</summary>
internal static class SizeBench
{
    public const int Tasks = 10_000;
    public const int Members = 1_000;

    /// <summary>Tasks imported in each month of the simulated year (25-800, a ward's to a district's).</summary>
    public static readonly int[] MonthlyImports = [25, 40, 800, 60, 120, 25, 300, 45, 500, 80, 200, 35];

    private const int MaxRuns = 200;
    private static readonly TimeSpan BudgetPerCommand = TimeSpan.FromSeconds(25);
    private const int MinRuns = 10;

    public static readonly string[] Kinds = ["capnhat", "xong", "tap", "nhiemvu", "tongquan", "sapden", "chitiet"];

    public static async Task<Dictionary<string, string>> Run(string part, string folder, string[] args) => part switch
    {
        "size" => await Orchestrate(folder, null),
        "size-postgresql" => await OnPostgreSqlAsync(folder),
        "size-seed" => await SeedAsync(SizeStore.FromArgs(folder, args)),
        "size-year" => await YearAsync(SizeStore.FromArgs(folder, args)),
        "size-handle" => await Handle(SizeStore.FromArgs(folder, args)),
        _ => throw new ArgumentException($"Không có phần đo «{part}».", nameof(part)),
    };

    /// <summary>Part `size-postgresql`: the same on a throwaway PostgreSQL 15 server started here
    /// (<see cref="LocalPostgres"/>), each ward in a schema of its own; the server is stopped and
    /// its folder deleted at the end.</summary>
    private static async Task<Dictionary<string, string>> OnPostgreSqlAsync(string folder)
    {
        using var server = new LocalPostgres();
        if (server.Missing is not null)
        {
            return new() { ["missing"] = server.Missing };
        }

        var result = await Orchestrate(folder, server.ConnectionString);
        result["server"] = ServerVersion(server.ConnectionString);
        return result;
    }

    private static async Task<Dictionary<string, string>> Orchestrate(string folder, string? postgres)
    {
        var result = new Dictionary<string, string> { ["load_start"] = LoadAverage() };
        var watch = Stopwatch.StartNew();
        var planned = new SizeStore(folder, "base", postgres);
        var year = new SizeStore(folder, "year", postgres);
        Add(result, "", Child("size-seed", folder, planned.ToArgs()));
        Add(result, "", Child("size-year", folder, year.ToArgs()));
        foreach (var (store, prefix) in new[] { (planned, "base_"), (year, "year_") })
        {
            result[prefix + "db_mb"] = store.SizeMb();
            for (var i = 1; i <= 2; i++)
            {
                var (seconds, rss) = await StartBotAsync(store);
                result[$"{prefix}start{i}_s"] = seconds.ToString("F2", Inv);
                result[$"{prefix}start{i}_rss_mb"] = rss.ToString("F0", Inv);
            }

            Add(result, prefix, Child("size-handle", folder, store.ToArgs()));
        }

        result["total_s"] = watch.Elapsed.TotalSeconds.ToString("F0", Inv);
        result["load_end"] = LoadAverage();
        return result;
    }

    /// <summary>The ward at "now" (the real clock, so that a real bot process started on the file
    /// later finds every reminder still ahead).</summary>
    private static async Task<Dictionary<string, string>> SeedAsync(SizeStore db)
    {
        var now = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var pending = 0;
        double import;
        using (var host = BenchHost.Build(db.Folder, db.FilePath, new FakeTimeProvider(now), channel: null, db.Settings()))
        {
            await host.Services.GetRequiredService<IBotStore>().ApplyImportAsync(Ward(now), "bench", now);
            import = watch.Elapsed.TotalSeconds;
            await host.Services.GetRequiredService<ReminderService>().ReplanAsync();
            pending = (await host.Services.GetRequiredService<IReminderStore>().GetRemindersAsync(ReminderState.Pending)).Count;
        }

        return new()
        {
            ["tasks"] = Tasks.ToString(Inv),
            ["members"] = Members.ToString(Inv),
            ["base_pending"] = pending.ToString(Inv),
            ["base_seed_s"] = watch.Elapsed.TotalSeconds.ToString("F1", Inv),
            ["base_import_s"] = import.ToString("F1", Inv),
        };
    }

    /// <summary>The same ward with a year of history behind it: starting twelve months before now, each
    /// month imports 25-800 tasks due that month and plans them; by the month's end every reminder due
    /// is marked sent in the store and the month's tasks are done (the re-plan cancels what is left).
    /// Then retention runs, if the build has it, and the ward of <see cref="Seed"/> is imported and
    /// planned at now. Built straight on the store: cheaper than running a year of the dispatcher on
    /// a fake clock, and the store ends in the same state.</summary>
    private static async Task<Dictionary<string, string>> YearAsync(SizeStore db)
    {
        var now = TimeProvider.System.GetUtcNow();
        var start = now.AddMonths(-12);
        var clock = new FakeTimeProvider(start);
        var watch = Stopwatch.StartNew();
        using var host = BenchHost.Build(db.Folder, db.FilePath, clock, channel: null, db.Settings());
        var store = host.Services.GetRequiredService<IBotStore>();
        var reminders = host.Services.GetRequiredService<IReminderStore>();
        var planner = host.Services.GetRequiredService<ReminderService>();
        var progress = host.Services.GetRequiredService<TaskProgress>();

        // The members and units first, so the monthly tasks have assignees.
        var ward = Ward(now);
        await store.ApplyImportAsync(ward with { Tasks = [] }, "bench", start);
        var members = BenchWard.Members(ward).Where(m => m.Role == MemberRole.Member).ToList();
        var imported = 0;
        for (var m = 0; m < 12; m++)
        {
            var monthStart = start.AddMonths(m);
            var monthEnd = start.AddMonths(m + 1);
            clock.AdjustTime(monthStart);
            var first = DateOnly.FromDateTime(WardClock.ToLocal(monthStart).DateTime);
            var tasks = Enumerable.Range(1, MonthlyImports[m]).Select(i =>
            {
                var assignee = members[(i * 7 + m) % members.Count];
                return new WorkTask($"Y{m + 1:00}-{i:0000}", $"Nhiệm vụ tháng {m + 1} số {i}", null, "2.1", $"TB-Y{m + 1:00}", assignee.Units[0], [], [assignee.Code],
                    first.AddDays(5 + i % 20), null, null, WorkTaskStatus.NotStarted, 0);
            }).ToList();
            await store.ApplyImportAsync(new ImportPlan(new SourceNotice($"TB-Y{m + 1:00}", first, $"Thông báo tháng {m + 1}"), [], [], [],
                [.. tasks.Select(t => new Change<WorkTask>(ChangeKind.Created, t, []))]), "bench", monthStart);
            await planner.ReplanAsync();
            imported += tasks.Count;

            clock.AdjustTime(monthEnd);
            var due = (await reminders.GetRemindersAsync(ReminderState.Pending)).Where(r => r.SendAt < monthEnd).Select(r => r.Key).ToList();
            await reminders.CompleteAsync(due, ReminderState.Sent, monthEnd, null, attempts: 1, channel: "bench");
            foreach (var t in tasks)
            {
                await progress.MarkDoneAsync((await store.FindMemberAsync(t.Assignees[0]))!, t.Code, null, "bench");
            }

            await planner.ReplanAsync();
        }

        clock.AdjustTime(now);
        var retention = RunRetentionIfBuilt(host.Services, now);
        var historyMb = db.SizeMb();
        await store.ApplyImportAsync(ward, "bench", now);
        await planner.ReplanAsync();
        var all = await reminders.GetRemindersAsync();
        return new()
        {
            ["year_imported_tasks"] = imported.ToString(Inv),
            ["year_sent"] = all.Count(r => r.State == ReminderState.Sent).ToString(Inv),
            ["year_cancelled"] = all.Count(r => r.State == ReminderState.Cancelled).ToString(Inv),
            ["year_stored_reminders"] = all.Count.ToString(Inv),
            ["year_pending"] = all.Count(r => r.State == ReminderState.Pending).ToString(Inv),
            ["year_history_only_db_mb"] = historyMb,
            ["year_retention"] = retention,
            ["year_seed_s"] = watch.Elapsed.TotalSeconds.ToString("F1", Inv),
        };
    }

    /// <summary>Retention of old reminders is being built on another branch (its entry will be
    /// something like IReminderRetention.RunAsync(now)). Looked up by name so that this part compiles
    /// and runs both before and after it is merged; "none" when the build has no such service.</summary>
    private static string RunRetentionIfBuilt(IServiceProvider services, DateTimeOffset now)
    {
        var type = typeof(IReminderStore).Assembly.GetTypes().FirstOrDefault(t => t.IsInterface && t.Name == "IReminderRetention");
        if (type is null || services.GetService(type) is not { } retention)
        {
            return "none";
        }

        var run = type.GetMethods().FirstOrDefault(m => m.Name.StartsWith("Run", StringComparison.Ordinal)
            && m.GetParameters().Length >= 1 && m.GetParameters()[0].ParameterType == typeof(DateTimeOffset));
        if (run is null)
        {
            return "found, no Run(now)";
        }

        var arguments = run.GetParameters().Select((p, i) => i == 0 ? now : p.HasDefaultValue ? p.DefaultValue : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : null).ToArray();
        var outcome = run.Invoke(retention, arguments);
        if (outcome is Task task)
        {
            task.GetAwaiter().GetResult();
        }

        return type.FullName + "." + run.Name;
    }

    /// <summary>The real host started on the file with the real clock and a channel that notes when an
    /// answer reaches it; each command goes in where every chat adapter hands it over (Conversation,
    /// the command core) and its answer out through the outbox's interactive lane, as adapters do. A
    /// tap goes through TaskButtons and TaskActions as the Telegram button handler does. The
    /// outbox's pace is lifted so that no answer waits for its slot.</summary>
    private static async Task<Dictionary<string, string>> Handle(SizeStore db)
    {
        var channel = new HandOverChannel();
        var settings = db.Settings();
        settings["Reminders:Outbox:PerSecond"] = "10000";
        settings["Reminders:Outbox:PerChatPerSecond"] = "1000";
        settings["Reminders:Outbox:SafetyMarginMilliseconds"] = "0";
        using var host = BenchHost.Build(db.Folder, db.FilePath, TimeProvider.System, channel, settings);
        var startWatch = Stopwatch.StartNew();
        await host.StartAsync();
        var hostStart = startWatch.Elapsed.TotalSeconds;
        var store = host.Services.GetRequiredService<IBotStore>();
        var conversation = host.Services.GetRequiredService<Conversation>();
        var actions = host.Services.GetRequiredService<TaskActions>();
        var sender = host.Services.GetRequiredService<ChatOutbox>().For(channel.Name);
        var leaders = (await store.GetMembersAsync()).Where(m => m.Role >= MemberRole.Leader).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();

        async Task<Member> AssigneeOfAsync(int task) => (await store.FindMemberAsync($"M{task % Members + 1:0000}"))!;
        async Task<Member> MemberNoAsync(int i) => (await store.FindMemberAsync($"M{i % Members + 1:0000}"))!;
        static string Code(int task) => $"T{task:000000}";

        // Disjoint tasks for each kind of change; each run changes a task nothing touched before.
        async Task<(Member, string)> NextAsync(string kind, int i)
        {
            var task = kind switch
            {
                "capnhat" => 1 + 3 * i,
                "xong" => 2 + 3 * i,
                "tap" => 3 + 3 * i,
                _ => 1 + (i * 37) % Tasks,
            };
            return kind switch
            {
                "capnhat" => (await AssigneeOfAsync(task), $"/capnhat {Code(task)} 40"),
                "xong" => (await AssigneeOfAsync(task), $"/xong {Code(task)}"),
                "tap" => (await AssigneeOfAsync(task), TaskButtons.Encode(TaskAction.Percent, Code(task), "50")),
                "nhiemvu" => (await MemberNoAsync(i * 13), "/nhiemvu"),
                "tongquan" => (leaders[i % leaders.Count], "/tongquan"),
                "sapden" => (await MemberNoAsync(i * 17), "/sapden 30"),
                _ => (await AssigneeOfAsync(task), $"/chitiet {Code(task)}"),
            };
        }

        async Task<double> OnceAsync(Member member, string input)
        {
            var start = Stopwatch.GetTimestamp();
            Reply reply;
            if (input.StartsWith('/'))
            {
                reply = await conversation.AnswerAsync(member, input, channel.Name, CancellationToken.None);
            }
            else
            {
                reply = await TapAsync(actions, member, input);
            }

            await sender.SendAsync(new OutgoingMessage(member.Code, reply), OutboxLane.Interactive, CancellationToken.None);
            channel.Last = reply.Text;
            return Stopwatch.GetElapsedTime(start, channel.HandedOverAt).TotalMilliseconds;
        }

        var result = new Dictionary<string, string>
        {
            ["host_start_s"] = hostStart.ToString("F2", Inv),
            ["pending"] = (await host.Services.GetRequiredService<IReminderStore>().GetRemindersAsync(ReminderState.Pending)).Count.ToString(Inv),
        };

        // Lists first: the changes below alter the tasks they show.
        foreach (var kind in Kinds.Skip(3).Concat(Kinds.Take(3)))
        {
            for (var w = 0; w < 2; w++)
            {
                var (m, input) = await NextAsync(kind, 1000 + w); // warm-up, not counted
                await OnceAsync(m, input);
            }

            var times = new List<double>();
            var budget = Stopwatch.StartNew();
            for (var i = 0; i < MaxRuns && (times.Count < MinRuns || budget.Elapsed < BudgetPerCommand); i++)
            {
                var (m, input) = await NextAsync(kind, i);
                times.Add(await OnceAsync(m, input));
                if (i == 0)
                {
                    Console.WriteLine($"{kind}: {input} as {m.Code} → {channel.Last?.Split('\n')[0]}");
                }
            }

            times.Sort();
            result[kind + "_n"] = times.Count.ToString(Inv);
            result[kind + "_median_ms"] = Percentile(times, 0.5).ToString("F1", Inv);
            result[kind + "_p95_ms"] = Percentile(times, 0.95).ToString("F1", Inv);
            result[kind + "_max_ms"] = times[^1].ToString("F1", Inv);
        }

        await host.StopAsync();
        return result;
    }

    /// <summary>A "📈 50%" tap, decided as TelegramButtons decides it: decode, then TaskActions.</summary>
    private static async Task<Reply> TapAsync(TaskActions actions, Member member, string data)
    {
        if (!TaskButtons.TryDecode(data, out var press))
        {
            throw new InvalidOperationException("Bad bench button data " + data);
        }

        var outcome = await actions.ApplyAsync(member, press.TaskCode, TaskActionRequest.FromButton(press), "bench", TaskActionOrigin.Tap);
        return outcome.ToReply();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The built bot (Release), console chat on stdin/stdout, no token, on the file: the time
    /// from starting the process to the answer of its first command, and its peak RSS (VmHWM).</summary>
    private static async Task<(double Seconds, double RssMb)> StartBotAsync(SizeStore db)
    {
        var bot = BotExecutable();
        var start = new ProcessStartInfo(bot.File)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = db.Folder,
        };
        foreach (var a in bot.Arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in db.Environment())
        {
            start.Environment[key] = value;
        }

        start.Environment["Seed__File"] = "";
        start.Environment["Console__Member"] = "M0001";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var key in new[] { "Telegram__BotToken", "Zalo__BotToken" })
        {
            start.Environment.Remove(key);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync("/nhiemvu");
        await process.StandardInput.FlushAsync();
        var echoed = false;
        double? seconds = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (seconds is null)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"Bot dừng trước khi trả lời (mã {(process.HasExited ? process.ExitCode : -1)}): {await errors}");
            if (line.StartsWith("> /nhiemvu", StringComparison.Ordinal))
            {
                echoed = true;
            }
            else if (echoed && line.Trim().Length > 0)
            {
                seconds = watch.Elapsed.TotalSeconds;
            }
        }

        var rss = PeakRssMb(process.Id);
        process.StandardInput.Close();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(Inv)]))
        {
            await kill.WaitForExitAsync();
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        return (seconds.Value, rss);
    }

    private static double PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], Inv);
        return kb / 1024.0;
    }

    private static (string File, string[] Arguments) BotExecutable()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DoSon.Bot.sln")))
        {
            dir = dir.Parent;
        }

        var output = Path.Combine(dir?.FullName ?? ".", "src", "DoSon.Bot", "bin", "Release", "net10.0");
        var host = Path.Combine(output, "DoSon.Bot");
        if (File.Exists(host))
        {
            return (host, []);
        }

        var dll = Path.Combine(output, "DoSon.Bot.dll");
        return File.Exists(dll)
            ? ("dotnet", [dll])
            : throw new InvalidOperationException($"Không thấy bot đã dựng (Release) ở {output}: chạy phần đo với -c Release.");
    }

    public static ImportPlan Ward(DateTimeOffset now) =>
        BenchWard.Create(Tasks, Members, DateOnly.FromDateTime(WardClock.ToLocal(now).DateTime).AddDays(10), 20);

    private static Dictionary<string, string> Child(string part, string folder, params string[] extra)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--part", part, "--folder", folder }.Concat(extra))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.Error.Write(string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("RESULT ", StringComparison.Ordinal))));
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Phần đo {part} không trả kết quả (mã thoát {process.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(line["RESULT ".Length..])!;
    }

    private static void Add(Dictionary<string, string> into, string prefix, Dictionary<string, string> from)
    {
        foreach (var (k, v) in from)
        {
            into[prefix + k] = v;
        }
    }

    /// <summary>The machine's load average over 1, 5 and 15 minutes (/proc/loadavg), to show how busy it was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "–";

    private static string ServerVersion(string connectionString)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        return "PostgreSQL " + connection.PostgreSqlVersion.ToString();
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Notes when an answer is handed to the platform; accepts everything at once.</summary>
    private sealed class HandOverChannel : IChatChannel
    {
        private long _next;

        public long HandedOverAt { get; private set; }

        public string? Last { get; set; }

        public string Name => "bench";

        public string? ChatIdOf(Member member) => member.Code;

        public Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            HandedOverAt = Stopwatch.GetTimestamp();
            return Task.FromResult(new SentMessage(message.ChatId, Interlocked.Increment(ref _next).ToString(Inv)));
        }
    }
}
