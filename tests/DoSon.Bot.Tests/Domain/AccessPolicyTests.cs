using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Domain;

public class AccessPolicyTests
{
    public static TheoryData<string, string, bool, bool> Cases => new()
    {
        // member, task, can see, can change
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
    public void Rules_follow_the_role_and_the_units(string memberCode, string taskCode, bool canSee, bool canChange)
    {
        var member = new[] { WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police }.Single(m => m.Code == memberCode);
        var task = new[] { WardData.LandTask, WardData.UbndTask, WardData.PoliceTask }.Single(t => t.Code == taskCode);

        AccessPolicy.CanSee(member, task).Should().Be(canSee);
        AccessPolicy.CanChange(member, task).Should().Be(canChange);
    }

    [Fact]
    public void A_member_cannot_change_a_unit_task_assigned_to_someone_else()
    {
        var task = WardData.LandTask with { Assignees = ["CT-UBND"] };

        AccessPolicy.CanChange(WardData.UbndOfficer, task).Should().BeFalse();
        AccessPolicy.CanSee(WardData.UbndOfficer, task).Should().BeTrue();
    }
}
