using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Commands;

/// <summary>Supporting units contribute, lead units decide: every relation to a task against every
/// action, through the same commands (and, for notes, the same <see cref="TaskProgress"/>) the chats use.</summary>
public class TaskRightsTests
{
    private static readonly Member Assignee = new("CB-A", "Cán bộ được giao", "Công chức", ["UBND"], MemberRole.Member);
    private static readonly Member SupportMember = new("CB-CA", "Cán bộ công an", "Công an viên", ["CAP"], MemberRole.Member);
    private static readonly Member Stranger = new("CB-VP", "Cán bộ văn phòng", "Chuyên viên", ["VPDU"], MemberRole.Member);

    /// <summary>Led by UBND, supported by CAP, assigned to CB-A.</summary>
    private static readonly WorkTask Shared = WardData.Task("T2603-21-08", "UBND", new DateOnly(2026, 3, 20), "CB-A") with { SupportUnits = ["CAP"] };

    private static readonly Dictionary<string, Member> People = new()
    {
        ["admin"] = WardData.Admin,
        ["assignee"] = Assignee,
        ["lead-unit leader"] = WardData.UbndLeader,
        ["lead-unit member"] = WardData.UbndOfficer,
        ["support-unit leader"] = WardData.Police,
        ["support-unit member"] = SupportMember,
        ["stranger"] = Stranger,
    };

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var who in People.Keys)
        {
            var decides = who is "admin" or "assignee" or "lead-unit leader";
            var contributes = who != "stranger";
            data.Add(who, "percent", decides);
            data.Add(who, "done", decides);
            data.Add(who, "blocker", contributes);
            data.Add(who, "note", contributes);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_relation_may_do_what_the_rights_table_says(string who, string action, bool allowed)
    {
        await using var bot = await NewBotAsync();
        var member = People[who];
        var before = (await bot.Store.GetHistoryAsync(Shared.Code)).Count;

        var answer = action switch
        {
            "percent" => await bot.SayAsync(member, $"/capnhat {Shared.Code} 40"),
            "done" => await bot.SayAsync(member, $"/xong {Shared.Code}"),
            "blocker" => await bot.SayAsync(member, $"/vuongmac {Shared.Code} chưa có kinh phí"),
            _ => Describe(await bot.Get<TaskProgress>().AddNoteAsync((await bot.Store.FindMemberAsync(member.Code))!, Shared.Code, "đã gửi danh sách", "test")),
        };

        var history = await bot.Store.GetHistoryAsync(Shared.Code);
        if (allowed)
        {
            answer.Should().StartWith("Đã");
            history.Should().HaveCount(before + 1);
            history[^1].MemberCode.Should().Be(member.Code);
        }
        else
        {
            answer.Should().Contain("mới");
            history.Should().HaveCount(before);
            (await bot.Store.FindTaskAsync(Shared.Code))!.Should().BeEquivalentTo(Shared, o => o.Including(t => t.Percent).Including(t => t.Status));
        }
    }

    [Fact]
    public async Task A_supporting_unit_is_told_in_one_sentence_who_decides_and_what_it_may_do_instead()
    {
        await using var bot = await NewBotAsync();

        var answer = await bot.SayAsync(WardData.Police, $"/capnhat {Shared.Code} 40");

        answer.Should().Be("Đơn vị của đồng chí chỉ phối hợp nhiệm vụ T2603-21-08; chỉ người thực hiện, lãnh đạo đơn vị chủ trì (UBND) hoặc quản trị mới cập nhật tiến độ hay đánh dấu hoàn thành. Đồng chí có thể gửi ghi chú hoặc báo vướng mắc: /vuongmac T2603-21-08 <nội dung>.");
    }

    [Fact]
    public async Task A_lead_unit_member_not_assigned_is_told_the_task_has_its_people()
    {
        await using var bot = await NewBotAsync();

        var answer = await bot.SayAsync(WardData.UbndOfficer, $"/xong {Shared.Code}");

        answer.Should().StartWith("Nhiệm vụ T2603-21-08 đã giao cho người thực hiện; chỉ người thực hiện, lãnh đạo đơn vị chủ trì (UBND)");
    }

    [Fact]
    public async Task A_stranger_is_told_who_may_write_on_the_task()
    {
        await using var bot = await NewBotAsync();

        var answer = await bot.SayAsync(Stranger, $"/vuongmac {Shared.Code} không rõ");

        answer.Should().Be("Nhiệm vụ T2603-21-08 không thuộc đơn vị của đồng chí; chỉ người thực hiện, đơn vị chủ trì (UBND), đơn vị phối hợp hoặc quản trị mới ghi chú hay báo vướng mắc.");
    }

    [Fact]
    public async Task Supporting_units_are_pointed_to_the_task_they_support_but_do_not_own_it()
    {
        await using var bot = await NewBotAsync();

        foreach (var supporter in new[] { SupportMember, WardData.Police })
        {
            var own = await bot.SayAsync(supporter, "/nhiemvu");
            own.Should().NotContain(Shared.Code).And.Contain("Đơn vị đồng chí còn phối hợp 1 nhiệm vụ đang mở: xem /donvi CAP.");
        }

        (await bot.SayAsync(SupportMember, "/donvi CAP")).Should().Contain("Phối hợp, đang mở:\n• T2603-21-08");
        (await bot.SayAsync(Stranger, "/nhiemvu")).Should().NotContain(Shared.Code).And.NotContain("phối hợp");
    }

    [Fact]
    public void A_refused_tap_fits_in_a_telegram_alert()
    {
        var outcome = new ProgressOutcome(ProgressOutcomeKind.NotAllowed, Shared with { Code = "T2603-21-08-ABCDEFGHIJ", LeadUnit = "VPDU-KHOI-DANG" }, TaskRelation.SupportUnit, Decides: true);

        var text = TaskActionTexts.NotAllowed(outcome);

        text.Length.Should().BeLessThanOrEqualTo(200);
        text.Should().StartWith("Đơn vị của đồng chí chỉ phối hợp nhiệm vụ");
    }

    private static string Describe(ProgressOutcome outcome) => outcome.Kind == ProgressOutcomeKind.Recorded
        ? CommandTexts.NoteRecorded(outcome.Task!)
        : CommandTexts.NotAllowedOn(outcome);

    private static async Task<BotHarness> NewBotAsync()
    {
        var bot = await BotHarness.CreateAsync(seedWard: false);
        await bot.Store.ApplyImportAsync(
            WardData.Plan([Shared], [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police, Assignee, SupportMember, Stranger]),
            "seed", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        return bot;
    }
}
