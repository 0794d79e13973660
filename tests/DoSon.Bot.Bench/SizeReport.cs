using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DoSon.Bot.Bench;

/// <summary>The section of part `size` in docs/benchmarks.md: written in place of its previous
/// version (the rest of the file is left as it is), with the previous run's figures beside the new
/// ones. The figures themselves are kept in a comment at the end of the section, so the next run can
/// read them back.</summary>
internal static class SizeReport
{
    public const string Heading = "# Benchmarks: fast at any size (10,000 tasks, 1,000 members, 100,000 planned reminders)";
    private const string FiguresMark = "<!-- size-figures ";

    /// <summary><paramref name="text"/> with this part's section replaced (or added at the end);
    /// <paramref name="previousText"/> is where the previous figures are read from.</summary>
    public static string Merge(string text, string previousText, Dictionary<string, string> figures)
    {
        var previous = ReadFigures(previousText);
        var section = Section(figures, previous);
        var (start, end) = Find(text);
        return start < 0
            ? text.TrimEnd() + "\n\n" + section
            : text[..start] + section + (end < text.Length ? "\n" + text[end..] : "");
    }

    private static (int Start, int End) Find(string text)
    {
        var start = text.IndexOf(Heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return (-1, -1);
        }

        var next = text.IndexOf("\n# ", start + Heading.Length, StringComparison.Ordinal);
        return (start, next < 0 ? text.Length : next + 1);
    }

    private static Dictionary<string, string>? ReadFigures(string text)
    {
        var (start, end) = Find(text);
        if (start < 0)
        {
            return null;
        }

        var mark = text.IndexOf(FiguresMark, start, end - start, StringComparison.Ordinal);
        if (mark < 0)
        {
            return null;
        }

        var json = text[(mark + FiguresMark.Length)..text.IndexOf(" -->", mark, StringComparison.Ordinal)];
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
    }

    /// <summary>The figures of this run: part size's (LiteDB) as they are, part size-postgresql's
    /// prefixed "pg_"; each with the time it was measured. Null when neither part ran.</summary>
    public static Dictionary<string, string>? Figures(Dictionary<string, Dictionary<string, string>> results)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var f = new Dictionary<string, string>();
        if (results.TryGetValue("size", out var lite))
        {
            foreach (var (k, v) in lite)
            {
                f[k] = v;
            }

            f["measured"] = stamp;
        }

        if (results.TryGetValue("size-postgresql", out var pg))
        {
            foreach (var (k, v) in pg)
            {
                f[Pg + k] = v;
            }

            f[Pg + "measured"] = stamp;
        }

        return f.Count == 0 ? null : f;
    }

    private const string Pg = "pg_";

    /// <summary>A provider not measured this run keeps its figures from the previous run.</summary>
    private static Dictionary<string, string> WithCarried(Dictionary<string, string> f, Dictionary<string, string>? p, out bool liteCarried, out bool pgCarried)
    {
        var all = new Dictionary<string, string>(f);
        liteCarried = !f.ContainsKey("measured") && p?.ContainsKey("measured") == true;
        pgCarried = !f.ContainsKey(Pg + "measured") && p?.ContainsKey(Pg + "measured") == true;
        foreach (var (k, v) in p ?? [])
        {
            var isPg = k.StartsWith(Pg, StringComparison.Ordinal);
            if ((isPg && pgCarried) || (!isPg && liteCarried))
            {
                all[k] = v;
            }
        }

        return all;
    }

    private static string Section(Dictionary<string, string> measured, Dictionary<string, string>? p)
    {
        var f = WithCarried(measured, p, out var liteCarried, out var pgCarried);
        var inv = CultureInfo.InvariantCulture;
        var hasLite = f.ContainsKey("base_start1_s");
        var hasPg = f.ContainsKey(Pg + "base_start1_s");
        string Get(string key) => f.TryGetValue(key, out var v) ? v : "–";
        string Prev(string key) => p is not null && p.TryGetValue(key, out var v) ? v : "–";
        double Num(string key) => double.Parse(f[key], inv);
        string Met(bool met) => met ? "met" : "**missed**";
        var misses = new List<string>();
        string Cell(string db, string key, string unit, double? target, string format)
        {
            if (!f.ContainsKey(db + key))
            {
                return "–";
            }

            var met = target is null || Num(db + key) < target;
            if (!met)
            {
                misses.Add($"{(db == Pg ? "PostgreSQL" : "LiteDB")} {(key.StartsWith("year_", StringComparison.Ordinal) ? "after a year" : "planned")}: {format} {Get(db + key)} {unit}");
            }

            return target is null ? $"{Get(db + key)} {unit}" : $"{Get(db + key)} {unit} ({Met(met)})";
        }

        string Ratio(string db, string key)
        {
            if (!f.ContainsKey(db + "year_" + key) || !f.ContainsKey(db + "base_" + key))
            {
                return "–";
            }

            var ratio = Num(db + "year_" + key) / Num(db + "base_" + key);
            return $"{ratio.ToString("F2", inv)} ({Met(ratio <= 1.2)})";
        }

        string PrevPair(string db, string key, string unit, bool carried) =>
            carried ? "not rerun" : $"{Prev(db + "base_" + key)} / {Prev(db + "year_" + key)} {unit}";

        string When(string db, bool carried) => f.TryGetValue(db + "measured", out var m)
            ? $"{m}{(carried ? ", not rerun this time: figures of the previous run" : "")}{(f.TryGetValue(db + "total_s", out var t) ? $", {t} s" : "")}"
            : "not measured";

        var sb = new StringBuilder();
        sb.AppendLine(Heading);
        sb.AppendLine();
        sb.AppendLine(inv, $"Part `size` measures the LiteDB file (`dotnet run -c Release --project tests/DoSon.Bot.Bench -- --only size`), part `size-postgresql` the same on PostgreSQL (`-- --only size-postgresql`; both: `-- --only size,size-postgresql`); either rewrites only this section, and a provider not rerun keeps its previous figures. LiteDB measured {When("", liteCarried)}; PostgreSQL measured {When(Pg, pgCarried)}. {Environment.ProcessorCount} logical CPUs; **the machine is shared with other builds and test runs (other helpers' `dotnet build`/`dotnet test` ran during these measurements), so times vary from run to run; the lead may rerun it on a quiet machine.** Load average (1 / 5 / 15 min, /proc/loadavg) at the start and end of each part: LiteDB {Get("load_start")} → {Get("load_end")}, PostgreSQL {Get(Pg + "load_start")} → {Get(Pg + "load_end")}. The previous run's figures (read back from this section before it was rewritten) stand beside the new ones.");
        sb.AppendLine();
        if (f.TryGetValue(Pg + "missing", out var missing))
        {
            sb.AppendLine(inv, $"PostgreSQL was not measured: {missing}");
            sb.AppendLine();
        }
        else if (hasPg)
        {
            sb.AppendLine(inv, $"**PostgreSQL**: part `size-postgresql` starts a throwaway server itself ({Get(Pg + "server")}, Debian's binaries in `/usr/lib/postgresql/15/bin`: `initdb` and `pg_ctl` into a temporary folder, as the `postgres` user when run as root, a free port on 127.0.0.1; stopped and deleted at the end; the same starter as the tests', `tests/DoSon.Bot.FakeApis/LocalPostgres.cs`). It runs with `fsync=off`, `synchronous_commit=off`, `full_page_writes=off` (a test server's settings, kinder to writes than a production server) on the same 2 CPUs as the bot, over TCP on 127.0.0.1. Each ward is a schema of its own (`Storage:Provider=PostgreSql`, `Storage:Schema` = `base` or `year`); the bot, its child processes and the server are otherwise exactly as for LiteDB. Peak RSS is the bot's process only: the server's own processes are not counted.");
            sb.AppendLine();
        }

        sb.AppendLine("Two wards, each built in a process of its own:");
        sb.AppendLine();
        var d = hasLite ? "" : Pg;
        sb.AppendLine(inv, $"- **planned**: a ward of {Get(d + "tasks")} open tasks (one assignee each, due 10-29 days from now) and {Get(d + "members")} members (plus 50 unit leaders and one admin), imported with the store's `ApplyImport` and planned with the real planner at the real clock's now: **{Get(d + "base_pending")}** pending reminders{(hasLite && hasPg ? $" ({Get(Pg + "base_pending")} on PostgreSQL)" : "")}.");
        sb.AppendLine(inv, $"- **after a year**: the same members, then twelve months of history starting a year ago: each month imports 25-800 tasks ({string.Join(", ", SizeBench.MonthlyImports)}; {Get(d + "year_imported_tasks")} in all) due that month and plans them; by the month's end every reminder due is marked sent in the store and the month's tasks are done (the re-plan then cancels what is left of theirs). Then {(Get(d + "year_retention") == "none" ? "retention would run, but this build has none (`IReminderRetention` is not in it): **the year was simulated without retention**" : $"retention runs (`{Get(d + "year_retention")}`)")}, and the ward above is imported and planned at now. The store then holds {Get(d + "year_stored_reminders")} reminders ({Get(d + "year_sent")} sent, {Get(d + "year_cancelled")} cancelled, {Get(d + "year_pending")} pending){(hasLite && hasPg ? $"; on PostgreSQL {Get(Pg + "year_stored_reminders")} ({Get(Pg + "year_sent")} sent, {Get(Pg + "year_cancelled")} cancelled, {Get(Pg + "year_pending")} pending)" : "")}. The year is built on the store rather than by running the dispatcher on a fake clock for a year: cheaper, and the store ends in the same state. The history comes before the ward's current work (rather than the ward aging a year) so that both databases are measured on the same clock with the same work ahead.");
        sb.AppendLine();
        sb.AppendLine("| building the wards | LiteDB | PostgreSQL | previous run: LiteDB | previous: PostgreSQL |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var (key, what) in new[] { ("base_import_s", "import of the planned ward (`ApplyImport`, 10,000 tasks)"), ("base_seed_s", "planned ward: import and first plan"), ("year_seed_s", "the year, then the ward") })
        {
            sb.AppendLine(inv, $"| {what} | {Get(key)} s | {Get(Pg + key)} s | {(liteCarried ? "not rerun" : Prev(key) + (p?.ContainsKey(key) == true ? " s" : ""))} | {(pgCarried ? "not rerun" : Prev(Pg + key) + (p?.ContainsKey(Pg + key) == true ? " s" : ""))} |");
        }

        sb.AppendLine();
        sb.AppendLine("**Handling time**: the real host (`AddDoSonBot`, started, the real clock) on the ward, with a chat channel that notes the moment an answer reaches it. A command goes in where every chat adapter hands text over (`Conversation.AnswerAsync`, the command core) and its answer goes out through the outbox's interactive lane (`ChatOutbox` → `OutboxSender.SendAsync`), as the adapters send it; the time runs from the text in to the answer handed to the channel. The outbox's pace is lifted for this (`Reminders:Outbox:PerSecond`, `PerChatPerSecond`) so no answer waits for a slot. A tap is the \"📈 50%\" button: its callback data decoded by `TaskButtons` and applied as `TelegramButtons` applies it (`TaskActions`, which checks who may through `TaskProgress` and sets the percent), its answer through the outbox. Each run is a different member or task: `/capnhat <task> 40`, `/xong <task>` and the tap each by the task's assignee, each on a task nothing touched before; `/nhiemvu`, `/sapden 30` (the tasks are due 10-29 days ahead, so the default 7 days would show nothing) and `/chitiet <task>` by members who have tasks; `/tongquan` by the 50 unit leaders and the admin in turn. Two warm-up runs each, not counted; then up to 200 runs, or as many as fit in 25 s (at least 10): n says how many. The lists run before the changes. p95 is the run at the 95th percentile (with n = 10 to 20 it is the slowest or second slowest). Each cell: p95 (median, n).");
        sb.AppendLine();
        sb.AppendLine("| command | target p95 | LiteDB planned | PostgreSQL planned | LiteDB after a year | PostgreSQL after a year | year / planned p95, LiteDB (target ≤ 1.20) | year / planned p95, PostgreSQL | previous run p95, LiteDB: planned / year | previous run p95, PostgreSQL: planned / year |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var kind in SizeBench.Kinds)
        {
            var target = kind is "capnhat" or "xong" or "tap" ? 20 : 50;
            var name = kind == "tap" ? "button tap (📈 50%)" : "`/" + kind + "`";
            string Handling(string db, string ward) => !f.ContainsKey(db + ward + kind + "_p95_ms")
                ? "–"
                : $"{Cell(db, ward + kind + "_p95_ms", "ms", target, name + " p95")} ({Get(db + ward + kind + "_median_ms")} ms, n {Get(db + ward + kind + "_n")})";
            sb.AppendLine(inv, $"| {name} | < {target} ms | {Handling("", "base_")} | {Handling(Pg, "base_")} | {Handling("", "year_")} | {Handling(Pg, "year_")} | {Ratio("", kind + "_p95_ms")} | {Ratio(Pg, kind + "_p95_ms")} | {PrevPair("", kind + "_p95_ms", "ms", liteCarried)} | {PrevPair(Pg, kind + "_p95_ms", "ms", pgCarried)} |");
        }

        sb.AppendLine();
        sb.AppendLine("**Start to first answer and peak RSS**: the built bot (`src/DoSon.Bot/bin/Release`, as an operator runs it) started as a child process on the ward with no token, so it chats on stdin/stdout as member M0001; `/nhiemvu` is written to its stdin at once, and the time runs from starting the process to the first line of the answer. Peak RSS is the child's `VmHWM` from `/proc/<pid>/status` read right after that answer; then the bot is stopped (SIGTERM). Two starts in a row on each ward (the second finds the file, or the server's pages, in cache, as the first start after a restart of the service does).");
        sb.AppendLine();
        sb.AppendLine("| figure | target | LiteDB planned | PostgreSQL planned | LiteDB after a year | PostgreSQL after a year | year / planned, LiteDB (target ≤ 1.20) | year / planned, PostgreSQL | previous run, LiteDB: planned / year | previous run, PostgreSQL: planned / year |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var i in new[] { 1, 2 })
        {
            var nth = i == 1 ? "first" : "second";
            var ts = $"start{i}_s";
            var rs = $"start{i}_rss_mb";
            sb.AppendLine(inv, $"| start to first answer ({nth} start) | < 3 s | {Cell("", "base_" + ts, "s", 3, $"start ({nth})")} | {Cell(Pg, "base_" + ts, "s", 3, $"start ({nth})")} | {Cell("", "year_" + ts, "s", 3, $"start ({nth})")} | {Cell(Pg, "year_" + ts, "s", 3, $"start ({nth})")} | {Ratio("", ts)} | {Ratio(Pg, ts)} | {PrevPair("", ts, "s", liteCarried)} | {PrevPair(Pg, ts, "s", pgCarried)} |");
            sb.AppendLine(inv, $"| peak RSS of the bot ({nth} start) | < 150 MB | {Cell("", "base_" + rs, "MB", 150, $"peak RSS ({nth})")} | {Cell(Pg, "base_" + rs, "MB", 150, $"peak RSS ({nth})")} | {Cell("", "year_" + rs, "MB", 150, $"peak RSS ({nth})")} | {Cell(Pg, "year_" + rs, "MB", 150, $"peak RSS ({nth})")} | {Ratio("", rs)} | {Ratio(Pg, rs)} | {PrevPair("", rs, "MB", liteCarried)} | {PrevPair(Pg, rs, "MB", pgCarried)} |");
        }

        sb.AppendLine(inv, $"| database (LiteDB: the file; PostgreSQL: the schema's tables with indexes and TOAST) | – | {Cell("", "base_db_mb", "MB", null, "")} | {Cell(Pg, "base_db_mb", "MB", null, "")} | {Cell("", "year_db_mb", "MB", null, "")} | {Cell(Pg, "year_db_mb", "MB", null, "")} | {Ratio("", "db_mb")} | {Ratio(Pg, "db_mb")} | {PrevPair("", "db_mb", "MB", liteCarried)} | {PrevPair(Pg, "db_mb", "MB", pgCarried)} |");
        sb.AppendLine();
        sb.AppendLine(inv, $"The year's history alone (members and twelve months, before the ward's current work was imported) took {Get("year_history_only_db_mb")} MB on LiteDB and {Get(Pg + "year_history_only_db_mb")} MB on PostgreSQL. For comparison, the handling host (the same host in-process, on the same ward) took {Get("base_host_start_s")} s / {Get("year_host_start_s")} s to start on LiteDB (planned / after a year) and {Get(Pg + "base_host_start_s")} s / {Get(Pg + "year_host_start_s")} s on PostgreSQL.");
        sb.AppendLine();
        sb.AppendLine(misses.Count == 0
            ? "**Missed**: nothing this time."
            : "**Missed** (against the targets above; the ratios are in the tables): " + string.Join("; ", misses) + ".");
        sb.AppendLine();
        sb.AppendLine(FiguresMark + JsonSerializer.Serialize(f) + " -->");
        return sb.ToString();
    }
}
