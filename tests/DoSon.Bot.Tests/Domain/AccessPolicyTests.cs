using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Domain;

public class AccessPolicyTests
{
    public static TheoryData<string, string, bool, bool> Cases => new()
    {
        // member, task, can see, can decide
        { "CVP", "T1", true, true },
        { "CVP", "T3", true, true },
        { "CT-UBND", "T1", true, true },
        { "CT-UBND", "T3", true, false },
        { "CB-DC", "T1", true, true },
        { "CB-DC", "T2", true, true },
        { "CB-DC", "T3", false, false },
        { "TCA", "T3", true, true },
        { "TCA", "T1", true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rules_follow_the_role_and_the_units(string memberCode, string taskCode, bool canSee, bool canDecide)
    {
        var member = new[] { WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police }.Single(m => m.Code == memberCode);
        var task = new[] { WardData.LandTask, WardData.UbndTask, WardData.PoliceTask }.Single(t => t.Code == taskCode);

        AccessPolicy.CanSee(member, task).Should().Be(canSee);
        AccessPolicy.CanDecide(member, task).Should().Be(canDecide);
    }

    [Fact]
    public void A_member_cannot_decide_a_unit_task_assigned_to_someone_else_but_may_contribute()
    {
        var task = WardData.LandTask with { Assignees = ["CT-UBND"] };

        AccessPolicy.CanDecide(WardData.UbndOfficer, task).Should().BeFalse();
        AccessPolicy.CanContribute(WardData.UbndOfficer, task).Should().BeTrue();
        AccessPolicy.CanSee(WardData.UbndOfficer, task).Should().BeTrue();
    }

    [Fact]
    public void A_leader_whose_unit_only_supports_a_task_contributes_but_does_not_decide()
    {
        var task = WardData.LandTask with { SupportUnits = ["CAP"] };

        AccessPolicy.RelationOf(WardData.Police, task).Should().Be(TaskRelation.SupportUnit);
        AccessPolicy.CanDecide(WardData.Police, task).Should().BeFalse();
        AccessPolicy.CanContribute(WardData.Police, task).Should().BeTrue();
        AccessPolicy.IsInScope(WardData.Police, task).Should().BeTrue();
    }
}
