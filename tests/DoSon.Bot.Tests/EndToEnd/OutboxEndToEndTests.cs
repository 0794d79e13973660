using System.Collections.Concurrent;
using System.Globalization;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Domain;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using DoSon.Bot.Outbox;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The reminders' outbox against the fake Bot API server, with the real Telegram.Bot client:
/// 429 with retry_after, 500, time-outs and 403. The bot and the server share one FakeTimeProvider,
/// so retry_after and back-off pass on the fake clock; only an HTTP time-out is real time (HttpClient's
/// own), kept to 2 seconds where a test needs one. WardData's T3 (TCA, chat 1004) has its "3 days
/// before" reminder at 02/03/2026 07:30 local.</summary>
public sealed class OutboxEndToEndTests
{
    private const long Admin = 1001;
    private const long Police = 1004;
    private static readonly DateTimeOffset Due = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    /// <summary>Short back-off so that retries take little fake time; the logic is the same.</summary>
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Outbox:BaseDelaySeconds"] = "0.2",
            ["Reminders:Outbox:MaxDelaySeconds"] = "1",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<(TelegramWorld World, FakeTimeProvider Clock)> StartAsync(
        Dictionary<string, string?> settings, FakeRateLimits? limits = null, Func<IBotStore, Task>? seed = null)
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        var world = await TelegramWorld.StartAsync(new FakeTelegramOptions { Clock = clock, RateLimits = limits }, settings, seed, clock);
        return (world, clock);
    }

    /// <summary>The outcome of the next delivery to a member, as the dispatcher records it.</summary>
    private static Task<DeliveryOutcome> NextDeliveryAsync(TelegramWorld world, string member)
    {
        var done = new TaskCompletionSource<DeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Bot.Services.GetRequiredService<ReminderDispatcher>().Delivered += (m, outcome) =>
        {
            if (m == member)
            {
                done.TrySetResult(outcome);
            }
        };
        return done.Task;
    }

    private static IReminderStore Reminders(TelegramWorld world) => world.Bot.Services.GetRequiredService<IReminderStore>();

    private static IReadOnlyList<FakeCall> SendsTo(TelegramWorld world, long chatId) =>
        [.. world.Fake.CallsTo("sendMessage").Where(c => c.ChatId == chatId)];

    [Fact]
    public async Task Server_errors_are_retried_on_the_apps_clock_until_telegram_takes_the_reminder()
    {
        var (world, clock) = await StartAsync(Settings());
        await using var _ = world;
        world.Fake.FailNext(2, 500, "sendMessage");
        var delivery = NextDeliveryAsync(world, "TCA");

        await ClockDriver.AdvanceToAsync(clock, Due, () => delivery.IsCompleted, Step, 200);

        var outcome = await delivery;
        outcome.Status.Should().Be(DeliveryStatus.Sent);
        outcome.Attempts.Should().Be(3);
        SendsTo(world, Police).Select(c => c.StatusCode).Should().Equal(500, 500, 200);
        world.Fake.SentTo(Police).Should().ContainSingle().Which.Text.Should().Contain("T3 —");
        var reminder = (await Reminders(world).FindReminderAsync("task:T3:TCA:before-3"))!;
        reminder.State.Should().Be(ReminderState.Sent);
        reminder.Attempts.Should().Be(3);
        reminder.Channel.Should().Be("telegram");
    }

    [Fact]
    public async Task A_request_that_times_out_unanswered_is_retried_and_arrives_once()
    {
        var (world, clock) = await StartAsync(Settings(("Telegram:RequestTimeoutSeconds", "2")));
        await using var _ = world;
        world.Fake.HangNext(1, "sendMessage");
        var delivery = NextDeliveryAsync(world, "TCA");

        await ClockDriver.AdvanceToAsync(clock, Due, () => delivery.IsCompleted, Step, 200);

        (await delivery).Should().Match<DeliveryOutcome>(o => o.Status == DeliveryStatus.Sent && o.Attempts == 2);
        // The held call is recorded when the server notices the client gave up, which may be after the retry.
        SendsTo(world, Police).Select(c => c.StatusCode).Should().BeEquivalentTo([0, 200], "the first call got no answer before the client's time-out");
        world.Fake.SentTo(Police).Should().ContainSingle();
        (await Reminders(world).FindReminderAsync("task:T3:TCA:before-3"))!.State.Should().Be(ReminderState.Sent);
    }

    /// <summary>The Bot API has no idempotency key and a bot cannot read back what it sent, so after a
    /// time-out the bot cannot tell "never arrived" from "arrived, answer lost". The outbox retries
    /// time-outs (at least once): a lost reminder is worse than a repeated one. This pins the cost.</summary>
    [Fact]
    public async Task A_time_out_after_telegram_took_the_message_is_retried_so_the_member_sees_it_twice_but_it_is_recorded_once()
    {
        var (world, clock) = await StartAsync(Settings(("Telegram:RequestTimeoutSeconds", "2")));
        await using var _ = world;
        world.Fake.HangAfterAcceptingNext(1, "sendMessage");
        var delivery = NextDeliveryAsync(world, "TCA");

        await ClockDriver.AdvanceToAsync(clock, Due, () => delivery.IsCompleted, Step, 200);

        (await delivery).Should().Match<DeliveryOutcome>(o => o.Status == DeliveryStatus.Sent && o.Attempts == 2);
        var messages = world.Fake.SentTo(Police);
        messages.Should().HaveCount(2, "Telegram took the first one; the bot only saw a time-out");
        messages[1].Text.Should().Be(messages[0].Text);
        (await Reminders(world).GetRemindersAsync()).Where(r => r.MemberCode == "TCA" && r.State == ReminderState.Sent)
            .Should().ContainSingle().Which.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task A_member_who_blocked_the_bot_is_tried_once_marked_unreachable_and_the_admins_are_told()
    {
        var (world, clock) = await StartAsync(Settings());
        await using var _ = world;
        world.Fake.Block(Police);
        var delivery = NextDeliveryAsync(world, "TCA");

        await ClockDriver.AdvanceToAsync(clock, Due, () => delivery.IsCompleted, Step, 200);
        (await delivery).Should().Match<DeliveryOutcome>(o => o.Status == DeliveryStatus.Blocked && o.Attempts == 1);
        (await world.Bot.Store.FindMemberAsync("TCA"))!.Unreachable.Should().BeTrue();
        (await Reminders(world).FindReminderAsync("task:T3:TCA:before-3"))!.State.Should().Be(ReminderState.Failed);

        // The admins' notice goes out at the start of the next minute.
        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(Admin).Count > 0, TimeSpan.FromMilliseconds(200), 200);

        world.Fake.SentTo(Admin).Should().ContainSingle().Which.Text.Should().Contain("Trưởng Công an (TCA) đã chặn bot");
        SendsTo(world, Police).Should().ContainSingle("a block is not retried").Which.StatusCode.Should().Be(403);
    }

    [Fact]
    public async Task After_the_last_try_the_reminder_is_failed_and_the_admins_are_told()
    {
        var (world, clock) = await StartAsync(Settings(("Reminders:Outbox:MaxTries", "3")));
        await using var _ = world;
        world.Fake.FailNext(3, 502, "sendMessage");
        var delivery = NextDeliveryAsync(world, "TCA");

        await ClockDriver.AdvanceToAsync(clock, Due, () => delivery.IsCompleted, Step, 200);
        (await delivery).Should().Match<DeliveryOutcome>(o => o.Status == DeliveryStatus.Failed && o.Attempts == 3);
        var reminder = (await Reminders(world).FindReminderAsync("task:T3:TCA:before-3"))!;
        reminder.State.Should().Be(ReminderState.Failed);
        reminder.Attempts.Should().Be(3);

        await ClockDriver.RunUntilAsync(clock, () => world.Fake.SentTo(Admin).Count > 0, TimeSpan.FromMilliseconds(200), 200);

        world.Fake.SentTo(Admin).Should().ContainSingle().Which.Text.Should().Contain("Không gửi được nhắc việc cho đồng chí Trưởng Công an (TCA) qua telegram sau 3 lần thử");
        SendsTo(world, Police).Select(c => c.StatusCode).Should().Equal(502, 502, 502);
        world.Fake.SentTo(Police).Should().BeEmpty();
        (await world.Bot.Store.FindMemberAsync("TCA"))!.Unreachable.Should().BeFalse("a failure is not a block");
    }

    // ------------------------------------------------------------------ bursts under 429

    private const int BurstMembers = 40;

    private static long BurstChat(int i) => 3000 + i;

    /// <summary>WardData plus 40 members, each with a task due 05/03: 41 reminders fall due together.</summary>
    private static async Task SeedBurstAsync(IBotStore store)
    {
        var members = Enumerable.Range(1, BurstMembers)
            .Select(i => new Member($"B{i:00}", $"Cán bộ {i}", "Công chức", ["UBND"], MemberRole.Member, TelegramUserId: BurstChat(i)))
            .ToList();
        var tasks = members.Select(m => WardData.Task($"{m.Code}-T", "UBND", new DateOnly(2026, 3, 5), m.Code));
        await store.ApplyImportAsync(
            WardData.Plan(tasks: [WardData.LandTask, WardData.UbndTask, WardData.PoliceTask, .. tasks],
                members: [WardData.Admin, WardData.UbndLeader, WardData.UbndOfficer, WardData.Police, .. members]),
            "seed", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>For every message, a try after a 429 (answered at t with retry_after r) reaches the
    /// server no earlier than t + r: the retry is caused by the 429, so this holds however the clock moved.</summary>
    private static void EachRetryWaitedRetryAfter(IReadOnlyList<FakeCall> sends)
    {
        foreach (var tries in sends.GroupBy(c => (c.ChatId, c.Text)))
        {
            var list = tries.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i - 1].StatusCode == 429)
                {
                    list[i].At.Should().BeOnOrAfter(list[i - 1].At + TimeSpan.FromSeconds(list[i - 1].RetryAfter),
                        $"the message to {tries.Key.ChatId} was told to wait {list[i - 1].RetryAfter} s");
                }
            }
        }
    }

    [Fact]
    public async Task A_burst_of_reminders_under_429s_arrives_complete_without_doubles_and_each_retry_waits_retry_after()
    {
        // The outbox is set to 100 a second, more than the server takes (30), so the server answers
        // 429 as Telegram would; the first two sends also get an injected 429 with retry_after 2.
        var (world, clock) = await StartAsync(
            Settings(("Reminders:Outbox:PerSecond", "100"), ("Reminders:Outbox:MaxTries", "10")),
            new FakeRateLimits(),
            SeedBurstAsync);
        await using var _ = world;
        for (var i = 1; i <= BurstMembers; i++)
        {
            world.Fake.AddUser(BurstChat(i), $"Cán bộ {i}");
        }

        world.Fake.FailNext(2, 429, "sendMessage", retryAfterSeconds: 2);
        var delivered = new ConcurrentDictionary<string, DeliveryOutcome>();
        world.Bot.Services.GetRequiredService<ReminderDispatcher>().Delivered += (m, o) => delivered[m] = o;

        // The reminders fall due; at the same moment five more messages go to TCA's chat through the
        // same outbox, so one chat gets six in the burst.
        clock.Advance(Due - clock.GetUtcNow());
        var sender = world.Bot.Services.GetRequiredService<ChatOutbox>().Senders.Single();
        var extra = Enumerable.Range(1, 5)
            .Select(i => sender.SendAsync(new OutgoingMessage("1004", Reply.Say($"Tin thêm số {i}")), CancellationToken.None))
            .ToList();
        await ClockDriver.RunUntilAsync(clock, () => delivered.Count == BurstMembers + 1 && extra.All(t => t.IsCompleted), Step, 200);

        delivered.Values.Should().OnlyContain(o => o.Status == DeliveryStatus.Sent);
        (await Task.WhenAll(extra)).Should().OnlyContain(o => o.Status == DeliveryStatus.Sent);
        for (var i = 1; i <= BurstMembers; i++)
        {
            world.Fake.SentTo(BurstChat(i)).Should().ContainSingle($"chat {BurstChat(i)} gets its reminder once")
                .Which.Text.Should().Contain($"B{i:00}-T —");
        }

        var police = world.Fake.SentTo(Police).Select(m => m.Text).ToList();
        police.Should().HaveCount(6).And.OnlyHaveUniqueItems();
        police.Should().ContainSingle(t => t!.Contains("T3 —"));
        var sent = await Reminders(world).GetRemindersAsync(ReminderState.Sent);
        sent.Should().HaveCount(BurstMembers + 1).And.OnlyContain(r => r.SendAt == Due);
        (await Reminders(world).GetRemindersAsync(ReminderState.Pending)).Should().OnlyContain(r => r.SendAt > Due);

        var sends = world.Fake.CallsTo("sendMessage");
        sends.Count(c => c.StatusCode == 429).Should().BeGreaterThanOrEqualTo(2);
        sends.Should().OnlyContain(c => c.StatusCode == 200 || c.StatusCode == 429);
        EachRetryWaitedRetryAfter(sends);
    }

    /// <summary>The outbox fed directly, on a clock that only moves when every message is waiting on
    /// it (for the limits or a retry), so that each call's time at the server is exact: after a 429
    /// with retry_after r at t, no message at all reaches the server before t + r.</summary>
    [Fact]
    public async Task Fed_directly_the_outbox_sends_nothing_at_all_until_retry_after_has_passed()
    {
        var start = new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Clock = clock, RateLimits = new FakeRateLimits() });
        using var database = new TempDatabase();
        using var store = database.Open();
        using var api = new TelegramApi(Options.Create(new TelegramOptions { BotToken = fake.Token, BaseUrl = fake.BaseUrl }));
        var channel = new CountingChannel(new TelegramChannel(api, store, clock));
        using var sender = new OutboxSender(channel, new OutboxOptions { PerSecond = 100, MaxTries = 10 }, clock, NullLogger.Instance);
        var chats = Enumerable.Range(1, BurstMembers).Select(BurstChat).ToList();
        foreach (var chat in chats.Append(Police))
        {
            fake.AddUser(chat);
        }

        fake.FailNext(3, 429, "sendMessage", retryAfterSeconds: 3);
        var messages = chats.Select(c => (c, "Nhắc việc")).Concat(Enumerable.Range(1, 5).Select(i => (Police, $"Tin số {i}")))
            .Select(m => new OutgoingMessage(m.Item1.ToString(CultureInfo.InvariantCulture), Reply.Say(m.Item2), ["T1"]))
            .ToList();
        var sends = messages.Select(m => (Message: m, Task: sender.SendAsync(m, CancellationToken.None))).ToList();

        using var safety = new CancellationTokenSource(BotHost.Patience + BotHost.Patience);
        while (!sends.All(s => s.Task.IsCompleted))
        {
            // Quiet: nothing is at the server, and every message not yet sent waits in the limiter or
            // after a failed try (on the fake clock). Only then does time move.
            var open = sends.Where(s => !s.Task.IsCompleted).Select(s => s.Message).ToList();
            if (channel.InProgress == 0 && sender.Limiter.Waiting + open.Count(channel.IsWaitingToRetry) >= open.Count)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            safety.IsCancellationRequested.Should().BeFalse("the sends should finish (safety net)");
            await Task.Yield();
        }

        (await Task.WhenAll(sends.Select(s => s.Task))).Should().OnlyContain(o => o.Status == DeliveryStatus.Sent);
        var calls = fake.CallsTo("sendMessage");
        var refused = calls.Where(c => c.StatusCode == 429).ToList();
        // How many of the 41 sent at once go beyond the server's 30 a second depends on how many are
        // already on their way when the first 429 comes back (real sockets, real threads): at least
        // the 3 injected ones. What must hold whatever the count is checked next: after a 429, nothing.
        refused.Count(c => c.At == start).Should().BeGreaterThanOrEqualTo(3, "the 3 injected 429s come first");
        foreach (var r in refused)
        {
            calls.Should().NotContain(c => c.At > r.At && c.At < r.At + TimeSpan.FromSeconds(r.RetryAfter),
                $"nothing may reach the server within {r.RetryAfter} s of a 429 at {r.At:HH:mm:ss.fff}");
        }

        calls.Where(c => c.StatusCode == 200).Select(c => c.At).Min().Should().Be(start);
        calls.Where(c => c.StatusCode == 200 && c.At > start).Should().OnlyContain(c => c.At >= start + TimeSpan.FromSeconds(3));
        foreach (var chat in chats)
        {
            fake.SentTo(chat).Should().ContainSingle();
        }

        var toPolice = fake.SentTo(Police);
        toPolice.Select(m => m.Text).Should().BeEquivalentTo(Enumerable.Range(1, 5).Select(i => $"Tin số {i}"));
        var policeTimes = calls.Where(c => c.ChatId == Police && c.StatusCode == 200).Select(c => c.At).ToList();
        policeTimes.Zip(policeTimes.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap >= TimeSpan.FromSeconds(1), "one message a second into one chat");
    }

    /// <summary>Counts the sends under way and remembers which message failed its last try and has
    /// not started the next (it is then waiting on the clock, for the back-off or the limiter).</summary>
    private sealed class CountingChannel(IChatChannel inner) : IChatChannel
    {
        private readonly ConcurrentDictionary<OutgoingMessage, byte> _retrying = new(ReferenceEqualityComparer.Instance);
        private int _inProgress;

        public int InProgress => Volatile.Read(ref _inProgress);

        public string Name => inner.Name;

        public bool IsWaitingToRetry(OutgoingMessage message) => _retrying.ContainsKey(message);

        public string? ChatIdOf(Member member) => inner.ChatIdOf(member);

        public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inProgress);
            _retrying.TryRemove(message, out _);
            try
            {
                return await inner.SendAsync(message, cancellationToken);
            }
            catch (DeliveryFailedException)
            {
                _retrying[message] = 0;
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _inProgress);
            }
        }
    }
}
