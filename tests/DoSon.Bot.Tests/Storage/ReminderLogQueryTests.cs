using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Storage;

/// <summary>The delivery log's query (the web console's Nhắc việc): filters combine, newest send time
/// first, paged, with the total of what matched.</summary>
public abstract class ReminderLogQueryStoreContract : IDisposable
{
    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Members = ["CVP", "CT-UBND", "BT-DK"];
    private protected readonly ITestWard _db;
    private IWardStore? _opened;

    /// <summary>Opened on first use, inside the test, so that a missing provider skips it.</summary>
    private protected IWardStore _store
    {
        get => _opened ??= _db.Open();
        set => _opened = value;
    }

    protected ReminderLogQueryStoreContract() => _db = NewWard();

    public void Dispose()
    {
        _opened?.Dispose();
        _db.Dispose();
    }

    private async Task SeedAsync()
    {
        // Three members, two tasks, one reminder an hour for 30 hours.
        var plan = Enumerable.Range(0, 30).Select(i =>
        {
            var member = Members[i % 3];
            var task = i % 2 == 0 ? "T2603-01" : "T2603-02";
            return new PlannedReminder(ReminderKeys.Task(task, member, "h" + i), ReminderKind.Task, member, task, null, "h" + i, T0.AddHours(i));
        }).ToList();
        await _store.ApplyPlanAsync(plan, new HashSet<string> { "T2603-01", "T2603-02" }, T0.AddMinutes(-1));
        await _store.CompleteAsync([plan[3].Key, plan[9].Key], ReminderState.Failed, T0.AddHours(10), "Telegram: tài khoản đã chặn bot");
        await _store.CompleteAsync([plan[4].Key], ReminderState.Sent, T0.AddHours(4), null, channel: "telegram");
    }

    [SkippableFact]
    public async Task Without_filters_every_reminder_comes_newest_first_a_page_at_a_time()
    {
        await SeedAsync();

        var first = await _store.GetReminderLogAsync(new ReminderLogQuery(Take: 12));
        var third = await _store.GetReminderLogAsync(new ReminderLogQuery(Skip: 24, Take: 12));

        first.Total.Should().Be(30);
        first.Items.Should().HaveCount(12);
        first.Items.Select(r => r.SendAt).Should().BeInDescendingOrder();
        first.Items[0].SendAt.Should().Be(T0.AddHours(29));
        third.Items.Should().HaveCount(6);
        third.Items[^1].SendAt.Should().Be(T0);
    }

    [SkippableFact]
    public async Task State_member_task_and_time_filters_combine()
    {
        await SeedAsync();

        var failed = await _store.GetReminderLogAsync(new ReminderLogQuery(State: ReminderState.Failed));
        failed.Items.Select(r => r.Step).Should().Equal("h9", "h3");
        failed.Items.Should().OnlyContain(r => r.Note == "Telegram: tài khoản đã chặn bot");

        var mine = await _store.GetReminderLogAsync(new ReminderLogQuery(MemberCode: "CVP", TaskCode: "T2603-01"));
        mine.Items.Should().OnlyContain(r => r.MemberCode == "CVP" && r.TaskCode == "T2603-01");
        mine.Total.Should().Be(5);

        var window = await _store.GetReminderLogAsync(new ReminderLogQuery(State: ReminderState.Pending, MemberCode: "BT-DK", From: T0.AddHours(5), To: T0.AddHours(20)));
        window.Items.Select(r => r.Step).Should().Equal("h17", "h14", "h11", "h8", "h5");

        var sent = await _store.GetReminderLogAsync(new ReminderLogQuery(State: ReminderState.Sent, TaskCode: "T2603-01"));
        sent.Items.Should().ContainSingle().Which.Channel.Should().Be("telegram");
    }
}

/// <summary>The contract on a LiteDB file.</summary>
public sealed class ReminderLogQueryOnLiteDb : ReminderLogQueryStoreContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

/// <summary>The same contract on a PostgreSQL schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderLogQueryOnPostgreSql(PostgresServer server) : ReminderLogQueryStoreContract
{
    public override ITestWard NewWard() => server.NewWard();
}
