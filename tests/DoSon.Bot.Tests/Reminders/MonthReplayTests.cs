using System.Text.RegularExpressions;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>March 2026 of the sample ward on the fake clock, through the real reminder jobs: every
/// message the bot sends in the month is read as the member would read it.</summary>
[Collection(RunsAlone.Name)]
public class MonthReplayTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");

    /// <summary>00:00 on 01/03/2026 in the ward (UTC+7).</summary>
    private static readonly DateTimeOffset MonthStart = new(2026, 2, 28, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_month_of_the_sample_ward_sends_no_task_twice_no_ban_no_dc_after_dong_chi_and_no_escalation_to_its_own_subject()
    {
        using var db = new TempDatabase();
        await using var bot = await BotHost.StartAsync(db, MonthStart, seed: false, settings: new Dictionary<string, string?>
        {
            ["Seed:File"] = SamplePath,
            ["Reminders:Digest:Enabled"] = "true",
            ["Reminders:Digest:Time"] = "17:00",
            ["Reminders:Digest:DaysAhead"] = "7",
        });
        (await bot.Store.GetTasksAsync()).Should().NotBeEmpty("the sample was seeded");

        for (var day = 0; day < 31; day++)
        {
            // 07:30 (reminders) and 17:00 (digest) in the ward, a minute later.
            foreach (var hour in new[] { 7, 17 })
            {
                var at = MonthStart.AddDays(day).AddHours(hour).AddMinutes(31);
                try
                {
                    await bot.AdvanceToAsync(at, () => AllDueHandledAsync(bot, at));
                }
                catch (TimeoutException ex)
                {
                    // Say what was left: the reminders due and not sent, and what the dispatcher holds.
                    var stuck = (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).Where(r => r.SendAt <= at)
                        .Select(r => $"{r.Key} at {r.SendAt:O} for {r.MemberCode}");
                    throw new TimeoutException($"{ex.Message} In flight: {bot.Dispatcher.InFlight}. Due and pending: {string.Join("; ", stuck)}", ex);
                }

                await bot.Dispatcher.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            }
        }

        var sent = bot.Channel.Accepted;
        sent.Count.Should().BeGreaterThan(31, "a month of the sample sends reminders most days");
        var problems = new List<string>();
        foreach (var s in sent)
        {
            problems.AddRange((await ProblemsAsync(bot, s.Message.ChatId, s.Message.Content.Text))
                .Select(p => $"{s.At.ToOffset(TimeSpan.FromHours(7)):dd/MM HH:mm} → {s.Message.ChatId}: {p}"));
        }

        problems.Should().BeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void The_month_check_finds_what_it_looks_for_so_it_is_not_vacuous()
    {
        var tasks = new[]
        {
            WardData.LandTask, WardData.PoliceTask,
        }.ToDictionary(t => t.Code);
        var members = new[] { WardData.Admin, WardData.Police, WardData.UbndOfficer }.ToDictionary(m => m.Code);

        Check("TCA", "🔔 Nhắc việc:\n• T3 — a\n\n⚠️ Quá hạn cần đồng chí chỉ đạo:\n• T3 — a", tasks, members)
            .Should().Contain(p => p.Contains("T3 twice", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("escalated to its own subject", StringComparison.Ordinal));
        Check("CVP", "Xin chào đồng chí Đ/c Chánh Văn phòng, bạn có việc.", tasks, members)
            .Should().HaveCount(2);
        Check("CVP", "⚠️ Nhiệm vụ quá hạn cần đồng chí chỉ đạo, đôn đốc:\n• T3 — a\n• T1 — b", tasks, members)
            .Should().BeEmpty("the admin carries neither task");
    }

    private const string Escalated = "cần đồng chí chỉ đạo";

    private static async Task<bool> AllDueHandledAsync(BotHost bot, DateTimeOffset now) =>
        bot.Dispatcher.InFlight == 0
        && (await bot.Reminders.GetRemindersAsync(ReminderState.Pending)).All(r => r.SendAt > now);

    private static async Task<IReadOnlyList<string>> ProblemsAsync(BotHost bot, string chatId, string text) =>
        Check(chatId, text,
            (await bot.Store.GetTasksAsync()).ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase),
            (await bot.Store.GetMembersAsync()).ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase));

    /// <summary>What is wrong with one message to one member.</summary>
    internal static IReadOnlyList<string> Check(
        string memberCode, string text, IReadOnlyDictionary<string, WorkTask> tasks, IReadOnlyDictionary<string, Member> members)
    {
        var problems = new List<string>();
        foreach (var code in tasks.Keys)
        {
            var count = Regex.Count(text, $@"(?<![\w-]){Regex.Escape(code)}(?![\w-])");
            if (count > 1)
            {
                problems.Add($"{code} twice ({count} times)");
            }
        }

        if (Regex.IsMatch(text, @"(?<!\p{L})bạn(?!\p{L})", RegexOptions.IgnoreCase))
        {
            problems.Add("says «bạn»");
        }

        if (Regex.IsMatch(text, @"đồng chí\s+đ/c", RegexOptions.IgnoreCase))
        {
            problems.Add("«Đ/c» after «đồng chí»");
        }

        if (members.TryGetValue(memberCode, out var member))
        {
            // An escalated entry: under a heading that asks the reader to direct, or with such a line of
            // its own (a task's title may well speak of "chỉ đạo" itself).
            foreach (var block in text.Split("\n\n"))
            {
                var escalatedBlock = block.Split('\n')[0].Contains(Escalated, StringComparison.Ordinal);
                foreach (var entry in ("\n" + block).Split("\n• ").Skip(1))
                {
                    var code = entry.Split(' ', 2)[0];
                    if ((escalatedBlock || entry.Contains(Escalated, StringComparison.Ordinal))
                        && tasks.TryGetValue(code, out var task) && IsSubject(member, task))
                    {
                        problems.Add($"{code} escalated to its own subject");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>Who answers for a task: its assignees; with none named, its lead unit's leaders (or
    /// admins of it).</summary>
    private static bool IsSubject(Member member, WorkTask task) =>
        task.IsAssignedTo(member.Code)
        || (task.Assignees.Count == 0 && member.Role != MemberRole.Member && member.BelongsTo(task.LeadUnit));
}
