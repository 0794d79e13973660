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

    private static string Section(Dictionary<string, string> f, Dictionary<string, string>? p)
    {
        var inv = CultureInfo.InvariantCulture;
        string Prev(string key) => p is not null && p.TryGetValue(key, out var v) ? v : "–";
        double Num(string key) => double.Parse(f[key], inv);
        string Met(bool met) => met ? "met" : "**missed**";
        var sb = new StringBuilder();
        sb.AppendLine(Heading);
        sb.AppendLine();
        sb.AppendLine(inv, $"Part `size` (`dotnet run -c Release --project tests/DoSon.Bot.Bench -- --only size`, which rewrites only this section; {f["total_s"]} s this time). Measured {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC on {Environment.ProcessorCount} logical CPUs; the machine is shared with other work, so times vary from run to run. The previous run's figures (read back from this section before it was rewritten) stand beside the new ones{(p is null ? "; there was no previous run" : $", measured {Prev("measured")}")}.");
        sb.AppendLine();
        sb.AppendLine("Two databases, each built in a process of its own:");
        sb.AppendLine();
        sb.AppendLine(inv, $"- **planned**: a ward of {f["tasks"]} open tasks (one assignee each, due 10-29 days from now) and {f["members"]} members (plus 50 unit leaders and one admin), imported with the store's `ApplyImport` and planned with the real planner at the real clock's now: **{f["base_pending"]}** pending reminders.");
        sb.AppendLine(inv, $"- **after a year**: the same members, then twelve months of history starting a year ago: each month imports 25-800 tasks ({string.Join(", ", SizeBench.MonthlyImports)}; {f["year_imported_tasks"]} in all) due that month and plans them; by the month's end every reminder due is marked sent in the store and the month's tasks are done (the re-plan then cancels what is left of theirs). Then {(f["year_retention"] == "none" ? "retention would run, but this build has none (`IReminderRetention` is not in it): **the year was simulated without retention**" : $"retention runs (`{f["year_retention"]}`)")}, and the ward above is imported and planned at now. The store then holds {f["year_stored_reminders"]} reminders ({f["year_sent"]} sent, {f["year_cancelled"]} cancelled, {f["year_pending"]} pending). The year is built on the store rather than by running the dispatcher on a fake clock for a year: cheaper, and the store ends in the same state. The history comes before the ward's current work (rather than the ward aging a year) so that both databases are measured on the same clock with the same work ahead.");
        sb.AppendLine();
        sb.AppendLine("**Handling time**: the real host (`AddDoSonBot`, started, the real clock) on the file, with a chat channel that notes the moment an answer reaches it. A command goes in where every chat adapter hands text over (`Conversation.AnswerAsync`, the command core) and its answer goes out through the outbox's interactive lane (`ChatOutbox` → `OutboxSender.SendAsync`), as the adapters send it; the time runs from the text in to the answer handed to the channel. The outbox's pace is lifted for this (`Reminders:Outbox:PerSecond`, `PerChatPerSecond`) so no answer waits for a slot. A tap is the \"📈 50%\" button: its callback data decoded by `TaskButtons` and applied as `TelegramButtons` applies it (`TaskActions`, which checks who may through `TaskProgress` and sets the percent), its answer through the outbox. Each run is a different member or task: `/capnhat <task> 40`, `/xong <task>` and the tap each by the task's assignee, each on a task nothing touched before; `/nhiemvu`, `/sapden 30` (the tasks are due 10-29 days ahead, so the default 7 days would show nothing) and `/chitiet <task>` by members who have tasks; `/tongquan` by the 50 unit leaders and the admin in turn. Two warm-up runs each, not counted; then up to 200 runs, or as many as fit in 25 s (at least 10): n says how many. The lists run before the changes. p95 is the run at the 95th percentile (with n = 10 to 20 it is the slowest or second slowest).");
        sb.AppendLine();
        sb.AppendLine("| command | target p95 | planned: n | median | p95 | met | after a year: n | median | p95 | met | year / planned (p95; target ≤ 1.20) | previous run: planned p95 | previous: after a year p95 |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var kind in SizeBench.Kinds)
        {
            var target = kind is "capnhat" or "xong" or "tap" ? 20 : 50;
            var name = kind == "tap" ? "button tap (📈 50%)" : "`/" + kind + "`";
            var ratio = Num("year_" + kind + "_p95_ms") / Num("base_" + kind + "_p95_ms");
            sb.AppendLine(inv, $"| {name} | < {target} ms | {f["base_" + kind + "_n"]} | {f["base_" + kind + "_median_ms"]} ms | {f["base_" + kind + "_p95_ms"]} ms | {Met(Num("base_" + kind + "_p95_ms") < target)} | {f["year_" + kind + "_n"]} | {f["year_" + kind + "_median_ms"]} ms | {f["year_" + kind + "_p95_ms"]} ms | {Met(Num("year_" + kind + "_p95_ms") < target)} | {ratio.ToString("F2", inv)} ({Met(ratio <= 1.2)}) | {Prev("base_" + kind + "_p95_ms")} ms | {Prev("year_" + kind + "_p95_ms")} ms |");
        }

        sb.AppendLine();
        sb.AppendLine("**Start to first answer and peak RSS**: the built bot (`src/DoSon.Bot/bin/Release`, as an operator runs it) started as a child process on the file with no token, so it chats on stdin/stdout as member M0001; `/nhiemvu` is written to its stdin at once, and the time runs from starting the process to the first line of the answer. Peak RSS is the child's `VmHWM` from `/proc/<pid>/status` read right after that answer; then the bot is stopped (SIGTERM). Two starts in a row on each file (the second finds the file in the OS cache, as the first start after a restart of the service does).");
        sb.AppendLine();
        sb.AppendLine("| figure | target | planned | met | after a year | met | year / planned (target ≤ 1.20) | previous run: planned | previous: after a year |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var i in new[] { 1, 2 })
        {
            var ts = $"start{i}_s";
            var rs = $"start{i}_rss_mb";
            var ratioT = Num("year_" + ts) / Num("base_" + ts);
            var ratioR = Num("year_" + rs) / Num("base_" + rs);
            sb.AppendLine(inv, $"| start to first answer ({(i == 1 ? "first" : "second")} start) | < 3 s | {f["base_" + ts]} s | {Met(Num("base_" + ts) < 3)} | {f["year_" + ts]} s | {Met(Num("year_" + ts) < 3)} | {ratioT.ToString("F2", inv)} ({Met(ratioT <= 1.2)}) | {Prev("base_" + ts)} s | {Prev("year_" + ts)} s |");
            sb.AppendLine(inv, $"| peak RSS ({(i == 1 ? "first" : "second")} start) | < 150 MB | {f["base_" + rs]} MB | {Met(Num("base_" + rs) < 150)} | {f["year_" + rs]} MB | {Met(Num("year_" + rs) < 150)} | {ratioR.ToString("F2", inv)} ({Met(ratioR <= 1.2)}) | {Prev("base_" + rs)} MB | {Prev("year_" + rs)} MB |");
        }

        var ratioDb = Num("year_db_mb") / Num("base_db_mb");
        sb.AppendLine(inv, $"| database file | – | {f["base_db_mb"]} MB | – | {f["year_db_mb"]} MB | – | {ratioDb.ToString("F2", inv)} ({Met(ratioDb <= 1.2)}) | {Prev("base_db_mb")} MB | {Prev("year_db_mb")} MB |");
        sb.AppendLine();
        sb.AppendLine(inv, $"The year's history alone (members and twelve months, before the ward's current work was imported) made a file of {f["year_history_only_db_mb"]} MB. For comparison, the handling host (the same host in-process, on the same file) took {f["base_host_start_s"]} s to start on the planned file and {f["year_host_start_s"]} s after a year.");
        sb.AppendLine();
        var stored = new Dictionary<string, string>(f) { ["measured"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv) + " UTC" };
        sb.AppendLine(FiguresMark + JsonSerializer.Serialize(stored) + " -->");
        return sb.ToString();
    }
}
