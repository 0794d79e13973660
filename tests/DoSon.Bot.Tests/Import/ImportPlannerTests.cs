using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using FluentAssertions;

namespace DoSon.Bot.Tests.Import;

public class ImportPlannerTests
{
    private static readonly Unit Ubnd = new("UBND", "Ủy ban nhân dân phường");
    private static readonly Member Officer = new("CB-DC", "Cán bộ", "Công chức", ["UBND", "CAP"], MemberRole.Member, 1003, null, Unreachable: true);

    private static readonly WorkTask Task = new(
        "T1", "Tiêu đề", "Nội dung", "2.1", "TB-02", "UBND", ["CAP", "HDND"], ["CB-DC"],
        new DateOnly(2026, 3, 10), null, null, WorkTaskStatus.Blocked, 30);

    private static StoreSnapshot Current => new([Ubnd], [Officer], [], [Task], []);

    private static AssignmentSet File(WorkTask? task = null, Member? member = null) =>
        new(new SourceNotice("TB-03", null, "Tháng 3"), [Ubnd], [member ?? Officer with { TelegramUserId = null, Unreachable = false }], [],
            [(task ?? Task) with { Status = WorkTaskStatus.NotStarted, Percent = 0, Source = "TB-03" }]);

    [Fact]
    public void Same_content_is_unchanged_even_with_lists_in_another_order()
    {
        var plan = ImportPlanner.Plan(Current, File(
            Task with { SupportUnits = ["HDND", "CAP"] },
            Officer with { Units = ["CAP", "UBND"], TelegramUserId = null }));

        plan.HasChanges.Should().BeFalse();
        plan.Tasks.Single().Item.Should().BeSameAs(Task, "an unchanged item is the database's own");
        plan.Members.Single().Item.Should().BeSameAs(Officer);
    }

    [Fact]
    public void Changed_task_keeps_status_percent_and_source()
    {
        var plan = ImportPlanner.Plan(Current, File(Task with { DueTime = new TimeOnly(17, 0), Milestone = "BAUCU", Assignees = [] }));

        var change = plan.Tasks.Single();
        change.Kind.Should().Be(ChangeKind.Updated);
        change.ChangedFields.Should().Equal(ImportTexts.FieldAssignees, ImportTexts.FieldDue, ImportTexts.FieldMilestone);
        change.Item.Status.Should().Be(WorkTaskStatus.Blocked);
        change.Item.Percent.Should().Be(30);
        change.Item.Source.Should().Be("TB-02", "a task stays with the notice that first assigned it");
    }

    [Fact]
    public void Changed_member_keeps_the_linked_account_and_the_unreachable_flag()
    {
        var plan = ImportPlanner.Plan(Current, File(member: Officer with { Title = "Công chức Địa chính", TelegramUserId = null, Role = MemberRole.Leader }));

        var change = plan.Members.Single();
        change.Kind.Should().Be(ChangeKind.Updated);
        change.ChangedFields.Should().Equal(ImportTexts.FieldTitle, ImportTexts.FieldRole);
        change.Item.TelegramUserId.Should().Be(1003);
        change.Item.Unreachable.Should().BeTrue();
    }

    [Fact]
    public void New_items_are_created_not_started()
    {
        var plan = ImportPlanner.Plan(StoreSnapshot.Empty, File());

        plan.Units.Single().Kind.Should().Be(ChangeKind.Created);
        plan.Tasks.Single().Kind.Should().Be(ChangeKind.Created);
        plan.Tasks.Single().Item.Status.Should().Be(WorkTaskStatus.NotStarted);
        plan.Tasks.Single().Item.Percent.Should().Be(0);
        plan.Tasks.Single().Item.Source.Should().Be("TB-03");
    }

    [Fact]
    public void Empty_and_missing_descriptions_are_the_same()
    {
        var current = Current with { Tasks = [Task with { Description = null }] };

        var plan = ImportPlanner.Plan(current, File(Task with { Description = "" }));

        plan.Tasks.Single().Kind.Should().Be(ChangeKind.Unchanged);
    }
}
