using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>A small ward written in code: units, a member of each role, a few tasks around
/// 15/03/2026. Tests that need the store filled call <see cref="SeedIntoAsync"/>.</summary>
public static class WardData
{
    public static readonly Unit Ubnd = new("UBND", "Ủy ban nhân dân phường");
    public static readonly Unit Cap = new("CAP", "Công an phường");
    public static readonly Unit Vpdu = new("VPDU", "Văn phòng Đảng ủy");

    public static readonly Member Admin = new("CVP", "Chánh Văn phòng", "Chánh Văn phòng Đảng ủy", ["VPDU"], MemberRole.Admin, TelegramUserId: 1001);
    public static readonly Member UbndLeader = new("CT-UBND", "Chủ tịch UBND", "Chủ tịch UBND phường", ["UBND"], MemberRole.Leader, TelegramUserId: 1002);
    public static readonly Member UbndOfficer = new("CB-DC", "Cán bộ địa chính", "Công chức địa chính", ["UBND"], MemberRole.Member, TelegramUserId: 1003);
    public static readonly Member Police = new("TCA", "Trưởng Công an", "Trưởng Công an phường", ["CAP"], MemberRole.Leader, TelegramUserId: 1004);

    public static readonly Milestone Election = new("BAUCU", "Ngày bầu cử đại biểu Quốc hội và HĐND các cấp", new DateOnly(2026, 3, 15));

    public static WorkTask Task(string code, string lead, DateOnly due, params string[] assignees) => new(
        code, $"Nhiệm vụ {code}", $"Nội dung nhiệm vụ {code}", "2.1", "TB-03", lead, [], assignees, due, null, null,
        WorkTaskStatus.NotStarted, 0);

    public static readonly WorkTask LandTask = Task("T1", "UBND", new DateOnly(2026, 3, 10), "CB-DC");
    public static readonly WorkTask UbndTask = Task("T2", "UBND", new DateOnly(2026, 3, 20)) with { Milestone = "BAUCU" };
    public static readonly WorkTask PoliceTask = Task("T3", "CAP", new DateOnly(2026, 3, 5), "TCA");

    public static ImportPlan Plan(IEnumerable<WorkTask>? tasks = null, IEnumerable<Member>? members = null) => new(
        new SourceNotice("TB-03", new DateOnly(2026, 2, 28), "Thông báo kết luận tháng 3"),
        [.. new[] { Ubnd, Cap, Vpdu }.Select(u => new Change<Unit>(ChangeKind.Created, u, []))],
        [.. (members ?? [Admin, UbndLeader, UbndOfficer, Police]).Select(m => new Change<Member>(ChangeKind.Created, m, []))],
        [new Change<Milestone>(ChangeKind.Created, Election, [])],
        [.. (tasks ?? [LandTask, UbndTask, PoliceTask]).Select(t => new Change<WorkTask>(ChangeKind.Created, t, []))]);

    public static async Task SeedIntoAsync(IBotStore store) =>
        await store.ApplyImportAsync(Plan(), "seed", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
}
