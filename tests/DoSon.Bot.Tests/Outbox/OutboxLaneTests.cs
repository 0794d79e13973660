using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
using DoSon.Bot.Tests.Reminders;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Outbox;

/// <summary>The two lanes, the shared 429 pause and multi-part messages, on the app's clock
/// (FakeTimeProvider), against a recording channel: no sleeps.</summary>
public sealed class OutboxLaneTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);

    private static async Task SettleAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            await Task.Yield();
        }
    }

    [Fact]
    public async Task An_answer_queued_behind_background_messages_is_let_through_before_them()
    {
        var clock = new FakeTimeProvider(T0);
        using var limiter = new OutboxLimiter(clock, perSecond: 1, perChatPerSecond: 1, perGroupPerMinute: 20, TimeSpan.Zero);
        var order = new List<string>();
        (await limiter.AcquireAsync("r0", CancellationToken.None)).Dispose();

        async Task TakeAsync(string chat, OutboxLane lane)
        {
            (await limiter.AcquireAsync(chat, lane, CancellationToken.None)).Dispose();
            lock (order)
            {
                order.Add(chat);
            }
        }

        var waiting = new List<Task>
        {
            TakeAsync("r1", OutboxLane.Background),
            TakeAsync("r2", OutboxLane.Background),
            TakeAsync("a1", OutboxLane.Interactive),
            TakeAsync("r3", OutboxLane.Background),
            TakeAsync("a2", OutboxLane.Interactive),
        };
        await SettleAsync();
        order.Should().BeEmpty("the second's one place is taken");

        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Count() < 5)
        {
            // One second at a time: whoever the limiter lets through has its second to itself.
            safety.Token.ThrowIfCancellationRequested();
            clock.Advance(TimeSpan.FromSeconds(1));
            var before = Count();
            for (var spins = 0; spins < 10_000 && Count() == before; spins++)
            {
                await Task.Yield();
            }
        }

        int Count()
        {
            lock (order)
            {
                return order.Count;
            }
        }

        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30));
        order.Should().Equal("a1", "a2", "r1", "r2", "r3");
    }

    [Fact]
    public async Task A_429_on_a_reminder_pauses_the_answers_too_and_after_it_the_answer_goes_first()
    {
        var clock = new FakeTimeProvider(T0);
        var channel = new RecordingChannel(clock);
        channel.Failure = (m, attempt) => m.ChatId == "r1" && attempt == 1
            ? new DeliveryFailedException(DeliveryFailureKind.RateLimited, "Too Many Requests: retry after 5", TimeSpan.FromSeconds(5))
            : null;
        // One message a second, so that who goes first after the pause is who the limiter let through first.
        using var sender = new OutboxSender(channel, new OutboxOptions { PerSecond = 1, SafetyMarginMilliseconds = 0 }, clock, NullLogger.Instance);
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sender.Retrying += (_, _, _, _) => paused.TrySetResult();

        var reminder = sender.SendAsync(new OutgoingMessage("r1", Reply.Say("Nhắc việc 1")), OutboxLane.Background, CancellationToken.None);
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var other = sender.SendAsync(new OutgoingMessage("r2", Reply.Say("Nhắc việc 2")), OutboxLane.Background, CancellationToken.None);
        var answer = sender.SendAsync(new OutgoingMessage("a1", Reply.Say("Trả lời")), OutboxLane.Interactive, CancellationToken.None);
        await SettleAsync();
        clock.Advance(TimeSpan.FromSeconds(4.9));
        await SettleAsync();
        channel.Accepted.Should().BeEmpty("nothing goes out, answers included, until retry_after has passed");

        clock.Advance(TimeSpan.FromSeconds(0.1));
        await DriveAsync(clock, Task.WhenAll(reminder, other, answer));

        channel.Accepted.Select(a => a.Message.ChatId).First().Should().Be("a1", "the answer waited out the pause with the reminders and went first");
        channel.Accepted.Should().HaveCount(3);
        channel.Accepted.Should().OnlyContain(a => a.At >= T0 + TimeSpan.FromSeconds(5));
    }

    private static (OutboxSender Sender, RecordingChannel Channel, FakeTimeProvider Clock) Parts(int parts, Func<OutgoingMessage, int, Exception?> failure, int maxParts = 10)
    {
        var clock = new FakeTimeProvider(T0);
        var channel = new RecordingChannel(clock)
        {
            // One platform message per line, as a channel with a tiny length limit would cut it.
            Splitter = m =>
            {
                var lines = m.Content.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                return [.. lines.Select((l, i) => m with { Part = new MessagePart(i + 1, lines.Length, l) })];
            },
            Failure = failure,
        };
        var options = new OutboxOptions { SafetyMarginMilliseconds = 0, PerChatPerSecond = 0, BaseDelaySeconds = 1, MaxDelaySeconds = 2, MaxTries = 3, MaxParts = maxParts };
        return (new OutboxSender(channel, options, clock, NullLogger.Instance, randomizer: () => 0.5), channel, clock);
    }

    private static string Lines(int count) => string.Join("\n", Enumerable.Range(1, count).Select(i => $"Phần {i}"));

    private static async Task<T> DriveAsync<T>(FakeTimeProvider clock, Task<T> work)
    {
        for (var i = 0; i < 2000 && !work.IsCompleted; i++)
        {
            await SettleAsync();
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await work.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_message_in_parts_resumes_at_the_first_part_not_accepted_and_sends_each_part_once()
    {
        var tries = new Dictionary<string, int>();
        var (sender, channel, clock) = Parts(7, (m, _) =>
        {
            var text = m.Part!.Text;
            tries[text] = tries.GetValueOrDefault(text) + 1;
            return (text, tries[text]) switch
            {
                ("Phần 4", 1) => new DeliveryFailedException(DeliveryFailureKind.RateLimited, "429", TimeSpan.FromSeconds(3)),
                ("Phần 6", <= 2) => new DeliveryFailedException(DeliveryFailureKind.Transient, "502 Bad Gateway"),
                _ => null,
            };
        });
        using var _ = sender;

        var outcome = await DriveAsync(clock, sender.SendAsync(new OutgoingMessage("1", Reply.Say(Lines(7))), OutboxLane.Interactive, CancellationToken.None));

        outcome.Status.Should().Be(DeliveryStatus.Sent);
        outcome.PartsSent.Should().Be(7);
        channel.Accepted.Select(a => a.Message.Part!.Text).Should().Equal(Enumerable.Range(1, 7).Select(i => $"Phần {i}"));
        channel.Attempts.Should().HaveCount(10, "part 4 tried twice, part 6 three times, the rest once: never from part 1 again");
    }

    [Fact]
    public async Task An_answer_cut_by_a_part_that_finally_fails_ends_with_a_note_saying_so()
    {
        var (sender, channel, clock) = Parts(7, (m, _) =>
            m.Part?.Text == "Phần 4" ? new DeliveryFailedException(DeliveryFailureKind.Transient, "502 Bad Gateway") : null);
        using var _ = sender;

        var outcome = await DriveAsync(clock, sender.SendAsync(new OutgoingMessage("1", Reply.Say(Lines(7))), OutboxLane.Interactive, CancellationToken.None));

        outcome.Status.Should().Be(DeliveryStatus.Failed);
        outcome.PartsSent.Should().Be(3);
        outcome.Parts.Should().Be(7);
        channel.Accepted.Select(a => a.Message.Part?.Text ?? a.Message.Content.Text).Should().Equal(
            "Phần 1", "Phần 2", "Phần 3",
            "⚠️ Câu trả lời bị cắt: phần 4/7 trở đi chưa gửi được, đồng chí hãy gửi lại lệnh sau ít phút.");
    }

    [Fact]
    public async Task A_reminder_cut_the_same_way_gets_no_note_it_is_tried_again_later()
    {
        var (sender, channel, clock) = Parts(3, (m, _) =>
            m.Part?.Text == "Phần 2" ? new DeliveryFailedException(DeliveryFailureKind.Transient, "502 Bad Gateway") : null);
        using var _ = sender;

        var outcome = await DriveAsync(clock, sender.SendAsync(new OutgoingMessage("1", Reply.Say(Lines(3))), OutboxLane.Background, CancellationToken.None));

        outcome.Status.Should().Be(DeliveryStatus.Failed);
        channel.Accepted.Select(a => a.Message.Part!.Text).Should().Equal("Phần 1");
    }

    [Fact]
    public async Task A_message_of_more_than_ten_parts_goes_out_as_its_first_parts_and_where_to_get_the_whole()
    {
        var (sender, channel, clock) = Parts(30, (_, _) => null);
        using var _ = sender;
        var reply = Reply.Say(Lines(30)) with { Overflow = "gõ /baocao 03/2026 để nhận tệp Word" };

        var outcome = await DriveAsync(clock, sender.SendAsync(new OutgoingMessage("1", reply), OutboxLane.Interactive, CancellationToken.None));

        outcome.Status.Should().Be(DeliveryStatus.Sent);
        var texts = channel.Accepted.Select(a => a.Message.Part!.Text).ToList();
        texts.Should().HaveCountLessThanOrEqualTo(10);
        texts.Take(9).Should().Equal(Enumerable.Range(1, 9).Select(i => $"Phần {i}"));
        string.Join("\n", texts.Skip(9)).Should().Contain("✂️ Câu trả lời dài 30 phần; đã gửi 9 phần đầu. Gõ /baocao 03/2026 để nhận tệp Word.");
    }
}
