using DoSon.Bot.Domain;
using DoSon.Bot.Import;

namespace DoSon.Bot.Bench;

/// <summary>A made-up ward big enough to plan the benchmark's reminders: units each with a leader,
/// members, one admin, and open tasks each with one assignee.</summary>
internal static class BenchWard
{
    /// <param name="telegramUserId">The Telegram user id of member number m (1-based), if they have one.</param>
    public static ImportPlan Create(int tasks, int members, DateOnly firstDue, int spreadDays, int units = 50, Func<int, long?>? telegramUserId = null)
    {
        var unitList = Enumerable.Range(1, units).Select(u => new Unit($"U{u:000}", $"Đơn vị {u}")).ToList();
        var memberList = new List<Member> { new("CVP", "Chánh Văn phòng", "Chánh Văn phòng Đảng ủy", ["U001"], MemberRole.Admin) };
        memberList.AddRange(unitList.Select((u, i) => new Member($"LD{i + 1:000}", $"Lãnh đạo {u.Name}", "Trưởng đơn vị", [u.Code], MemberRole.Leader)));
        memberList.AddRange(Enumerable.Range(1, members).Select(m =>
            new Member($"M{m:0000}", $"Cán bộ {m}", "Công chức", [unitList[m % units].Code], MemberRole.Member, TelegramUserId: telegramUserId?.Invoke(m))));
        var plain = memberList.Where(m => m.Role == MemberRole.Member).ToList();
        var taskList = Enumerable.Range(1, tasks).Select(t =>
        {
            var assignee = plain[t % plain.Count];
            return new WorkTask($"T{t:000000}", $"Nhiệm vụ số {t}", null, "2.1", "TB-BENCH", assignee.Units[0], [], [assignee.Code],
                firstDue.AddDays(t % Math.Max(1, spreadDays)), null, null, WorkTaskStatus.NotStarted, 0);
        }).ToList();

        return new ImportPlan(
            new SourceNotice("TB-BENCH", firstDue, "Dữ liệu đo hiệu năng"),
            [.. unitList.Select(u => new Change<Unit>(ChangeKind.Created, u, []))],
            [.. memberList.Select(m => new Change<Member>(ChangeKind.Created, m, []))],
            [],
            [.. taskList.Select(t => new Change<WorkTask>(ChangeKind.Created, t, []))]);
    }

    public static IReadOnlyList<WorkTask> Tasks(ImportPlan plan) => [.. plan.Tasks.Select(c => c.Item)];

    public static IReadOnlyList<Member> Members(ImportPlan plan) => [.. plan.Members.Select(c => c.Item)];
}
