using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Reminders;

public class ReminderPlannerTests
{
    private static readonly Member[] Members = [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police];
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<PlannedReminder> Plan(
        IReadOnlyList<WorkTask>? tasks = null, ReminderPolicy? policy = null, IReadOnlyList<Milestone>? milestones = null) =>
        ReminderPlanner.Plan(tasks ?? [WardData.LandTask], milestones ?? [WardData.Election], Members, policy ?? ReminderPolicy.Default, Now);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string> LandTaskSteps => new()
    {
        // T1 is due 10/03/2026 and assigned to CB-DC; the default time of day 07:30 in Asia/Ho_Chi_Minh is 00:30 UTC.
        { "task:T1:CB-DC:before-7", "2026-03-03T00:30:00Z" },
        { "task:T1:CB-DC:before-3", "2026-03-07T00:30:00Z" },
        { "task:T1:CB-DC:before-1", "2026-03-09T00:30:00Z" },
        { "task:T1:CB-DC:day", "2026-03-10T00:30:00Z" },
        { "task:T1:CB-DC:overdue-1", "2026-03-11T00:30:00Z" },
        { "task:T1:CB-DC:overdue-5", "2026-03-15T00:30:00Z" },
        { "task:T1:CT-UBND:escalate", "2026-03-12T00:30:00Z" },
        { "task:T1:CVP:escalate", "2026-03-12T00:30:00Z" },
    };

    [Theory]
    [MemberData(nameof(LandTaskSteps))]
    public void Plan_puts_each_step_at_the_local_time_of_day_in_the_ward(string key, string utc)
    {
        var plan = Plan();

        plan.Should().ContainSingle(p => p.Key == key).Which.DueAt.Should().Be(Utc(utc));
    }

    [Fact]
    public void Plan_of_an_open_task_has_exactly_the_policy_steps()
    {
        var keys = Plan().Select(p => p.Key).ToList();

        keys.Should().BeEquivalentTo(
            "task:T1:CB-DC:before-7", "task:T1:CB-DC:before-3", "task:T1:CB-DC:before-1", "task:T1:CB-DC:day",
            "task:T1:CB-DC:overdue-1", "task:T1:CB-DC:overdue-2", "task:T1:CB-DC:overdue-3", "task:T1:CB-DC:overdue-4",
            "task:T1:CB-DC:overdue-5", "task:T1:CT-UBND:escalate", "task:T1:CVP:escalate");
    }

    public static TheoryData<string, string, string> QuietHourCases => new()
    {
        // time of day, quiet hours "start-end", expected UTC instant of the before-1 step of T1 (09/03 local)
        { "22:00", "21:00-07:00", "2026-03-10T00:00:00Z" }, // 22:00 is quiet: moves to 07:00 the next morning
        { "06:00", "21:00-07:00", "2026-03-09T00:00:00Z" }, // 06:00 is quiet: moves to 07:00 the same morning
        { "07:00", "21:00-07:00", "2026-03-09T00:00:00Z" }, // the end of the quiet hours is not quiet
        { "20:59", "21:00-07:00", "2026-03-09T13:59:00Z" },
        { "12:30", "12:00-13:30", "2026-03-09T06:30:00Z" }, // a window that does not wrap midnight
        { "22:00", "", "2026-03-09T15:00:00Z" },            // quiet hours off
    };

    [Theory]
    [MemberData(nameof(QuietHourCases))]
    public void Plan_moves_steps_out_of_the_quiet_hours(string timeOfDay, string quiet, string utc)
    {
        var parts = quiet.Split('-');
        var policy = ReminderPolicy.From(new ReminderOptions
        {
            TimeOfDay = timeOfDay,
            QuietHours = new QuietHoursOptions { Start = parts[0], End = parts.Length > 1 ? parts[1] : "" },
        });

        Plan(policy: policy).Single(p => p.Key == "task:T1:CB-DC:before-1").DueAt.Should().Be(Utc(utc));
    }

    [Fact]
    public void Plan_for_a_task_without_assignee_reminds_the_leaders_of_its_lead_unit()
    {
        var plan = Plan([WardData.UbndTask]);

        plan.Where(p => p.Kind == ReminderKind.Task).Select(p => p.MemberCode).Distinct().Should().Equal("CT-UBND");
    }

    [Fact]
    public void Plan_for_a_unit_without_leaders_falls_back_to_the_admins()
    {
        var task = WardData.Task("T9", "VPDU", new DateOnly(2026, 3, 20));

        Plan([task]).Where(p => p.Kind == ReminderKind.Task).Select(p => p.MemberCode).Distinct().Should().Equal("CVP");
    }

    [Fact]
    public void Plan_escalates_to_the_lead_units_leaders_and_the_admins_once_overdue_by_the_set_days()
    {
        var policy = ReminderPolicy.From(new ReminderOptions { EscalateAfterDays = 4 });

        var escalation = Plan([WardData.LandTask], policy).Where(p => p.Kind == ReminderKind.Escalation).ToList();

        escalation.Select(p => p.MemberCode).Should().BeEquivalentTo("CT-UBND", "CVP");
        escalation.Should().OnlyContain(p => p.DueAt == Utc("2026-03-14T00:30:00Z") && p.Step == "escalate");
    }

    [Fact]
    public void Plan_never_escalates_a_task_to_whoever_carries_it_a_leaders_own_task_goes_to_the_admins_only()
    {
        var policy = ReminderPolicy.From(new ReminderOptions { EscalateAfterDays = 4 });
        var adminsOwn = WardData.Task("T9", "VPDU", new DateOnly(2026, 3, 5), "CVP");

        var escalation = Plan([WardData.PoliceTask, adminsOwn], policy).Where(p => p.Kind == ReminderKind.Escalation).ToList();

        escalation.Should().ContainSingle("the only admin carries T9 himself, so nobody is left to chase it")
            .Which.MemberCode.Should().Be("CVP", "TCA carries T3 (his own), so only the admin chases it");
        escalation.Should().OnlyContain(p => p.DueAt == Utc("2026-03-09T00:30:00Z") && p.Step == "escalate");
    }

    [Fact]
    public void Plan_of_a_done_task_is_empty()
    {
        var done = WardData.LandTask with { Status = WorkTaskStatus.Done, Percent = 100 };

        Plan([done]).Should().BeEmpty();
    }

    [Fact]
    public void Plan_counts_a_milestone_down_for_everyone_with_an_open_task_tied_to_it()
    {
        var tied = WardData.LandTask with { Milestone = "BAUCU" };

        var steps = Plan([tied, WardData.UbndTask]).Where(p => p.Kind == ReminderKind.Milestone).ToList();

        steps.Select(p => p.Key).Should().BeEquivalentTo(
            "milestone:BAUCU:CB-DC:before-7", "milestone:BAUCU:CB-DC:before-1", "milestone:BAUCU:CB-DC:day",
            "milestone:BAUCU:CT-UBND:before-7", "milestone:BAUCU:CT-UBND:before-1", "milestone:BAUCU:CT-UBND:day");
        steps.Single(p => p.Key == "milestone:BAUCU:CB-DC:before-7").DueAt.Should().Be(Utc("2026-03-08T00:30:00Z"));
    }

    [Fact]
    public void Plan_has_no_milestone_countdown_once_its_tasks_are_done()
    {
        var done = WardData.UbndTask with { Status = WorkTaskStatus.Done };

        Plan([done]).Should().NotContain(p => p.Kind == ReminderKind.Milestone);
    }

    [Fact]
    public void Plan_skips_the_day_reminder_of_a_deadline_before_the_morning_reminder()
    {
        var early = WardData.LandTask with { DueTime = new TimeOnly(7, 0) };
        var afternoon = WardData.LandTask with { Code = "T8", DueTime = new TimeOnly(14, 0) };

        var plan = Plan([early, afternoon]);

        plan.Should().NotContain(p => p.Key == "task:T1:CB-DC:day");
        plan.Should().Contain(p => p.Key == "task:T8:CB-DC:day");
    }

    [Fact]
    public void Plan_keys_are_stable_from_one_run_to_the_next()
    {
        Plan().Select(p => (p.Key, p.DueAt)).Should().Equal(Plan().Select(p => (p.Key, p.DueAt)));
    }

    [Fact]
    public void Plan_follows_a_changed_policy()
    {
        var policy = ReminderPolicy.From(new ReminderOptions { DaysBefore = [2], OnTheDay = false, OverdueNudges = 1, EscalateAfterDays = 0 });

        Plan(policy: policy).Select(p => p.Key).Should().BeEquivalentTo("task:T1:CB-DC:before-2", "task:T1:CB-DC:overdue-1");
    }

    [Fact]
    public void Plan_with_the_digest_on_plans_the_next_digest_for_members_with_open_tasks_and_admins()
    {
        var policy = ReminderPolicy.From(new ReminderOptions { Digest = new DigestOptions { Enabled = true, Time = "17:00" } });

        var digests = Plan([WardData.LandTask], policy).Where(p => p.Kind == ReminderKind.Digest).ToList();

        // 17:00 on 01/03 local is 10:00 UTC; the police chief has no open task in this plan.
        digests.Select(p => p.Key).Should().BeEquivalentTo(
            "digest:CVP:2026-03-01", "digest:CT-UBND:2026-03-01", "digest:CB-DC:2026-03-01");
        digests.Should().OnlyContain(p => p.DueAt == Utc("2026-03-01T10:00:00Z"));
    }
}
