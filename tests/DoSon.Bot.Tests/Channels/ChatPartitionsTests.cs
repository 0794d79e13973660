using DoSon.Bot.Channels;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

/// <summary>The dispatcher of updates by chat, driven by signals only (no clock, no sleeps): in order
/// and one at a time within a chat, chats side by side up to the bound, chats taking turns, the
/// queues bounded by waiting, failures contained, and a stop that finishes what is under way.</summary>
public sealed class ChatPartitionsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<string> _started = [];
    private readonly List<string> _finished = [];
    private readonly List<(string Job, Exception Error)> _failures = [];
    private readonly Dictionary<string, TaskCompletionSource> _release = [];
    private readonly Dictionary<string, TaskCompletionSource> _startedSignal = [];
    private readonly Dictionary<string, int> _runningPerChat = [];
    private int _maxPerChat;
    private ChatPartitions<Job>? _partitions;

    private sealed record Job(string Chat, int N, bool Fails = false)
    {
        public string Name => $"{Chat}{N}";
    }

    public void Dispose() => _partitions?.Dispose();

    private ChatPartitions<Job> Partitions(int chats, int queued) =>
        _partitions = new ChatPartitions<Job>(chats, queued, HandleAsync, (job, ex) =>
        {
            lock (_gate)
            {
                _failures.Add((job.Name, ex));
            }
        });

    private TaskCompletionSource Signal(Dictionary<string, TaskCompletionSource> signals, string name)
    {
        lock (_gate)
        {
            if (!signals.TryGetValue(name, out var signal))
            {
                signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                signals[name] = signal;
            }

            return signal;
        }
    }

    private void Release(string name) => Signal(_release, name).TrySetResult();

    private Task StartedAsync(string name) => Signal(_startedSignal, name).Task.WaitAsync(Patience);

    private bool HasStarted(string name)
    {
        lock (_gate)
        {
            return _started.Contains(name);
        }
    }

    private async Task HandleAsync(Job job)
    {
        lock (_gate)
        {
            _started.Add(job.Name);
            _runningPerChat[job.Chat] = _runningPerChat.GetValueOrDefault(job.Chat) + 1;
            _maxPerChat = Math.Max(_maxPerChat, _runningPerChat[job.Chat]);
        }

        Signal(_startedSignal, job.Name).TrySetResult();
        await Signal(_release, job.Name).Task;
        lock (_gate)
        {
            _runningPerChat[job.Chat]--;
            _finished.Add(job.Name);
        }

        if (job.Fails)
        {
            throw new InvalidOperationException("hỏng " + job.Name);
        }
    }

    [Fact]
    public async Task A_chats_updates_are_handled_one_at_a_time_in_the_order_they_came_even_when_later_ones_are_quicker()
    {
        var partitions = Partitions(chats: 8, queued: 100);
        for (var n = 1; n <= 5; n++)
        {
            await partitions.EnqueueAsync("A", new Job("A", n), CancellationToken.None);
        }

        // Later updates are ready to finish before the first: they must still wait their turn.
        for (var n = 5; n >= 2; n--)
        {
            Release("A" + n);
        }

        await StartedAsync("A1");
        HasStarted("A2").Should().BeFalse("the chat's first update is still under way");
        Release("A1");
        await partitions.WhenEmptyAsync().WaitAsync(Patience);

        _started.Should().Equal("A1", "A2", "A3", "A4", "A5");
        _finished.Should().Equal("A1", "A2", "A3", "A4", "A5");
        _maxPerChat.Should().Be(1);
    }

    [Fact]
    public async Task Different_chats_are_handled_at_the_same_time_up_to_the_bound()
    {
        var partitions = Partitions(chats: 3, queued: 100);
        foreach (var chat in new[] { "A", "B", "C", "D", "E" })
        {
            await partitions.EnqueueAsync(chat, new Job(chat, 1), CancellationToken.None);
        }

        await Task.WhenAll(StartedAsync("A1"), StartedAsync("B1"), StartedAsync("C1"));
        partitions.Running.Should().Be(3);
        partitions.Count.Should().Be(5);
        HasStarted("D1").Should().BeFalse();

        Release("B1");
        await StartedAsync("D1");
        partitions.Running.Should().Be(3);
        HasStarted("E1").Should().BeFalse();

        foreach (var name in new[] { "A1", "C1", "D1", "E1" })
        {
            Release(name);
        }

        await partitions.WhenEmptyAsync().WaitAsync(Patience);
        _finished.Should().HaveCount(5);
    }

    [Fact]
    public async Task A_chat_with_a_long_queue_takes_turns_with_a_chat_that_arrived_after_it()
    {
        var partitions = Partitions(chats: 1, queued: 100);
        await partitions.EnqueueAsync("A", new Job("A", 1), CancellationToken.None);
        await partitions.EnqueueAsync("A", new Job("A", 2), CancellationToken.None);
        await partitions.EnqueueAsync("A", new Job("A", 3), CancellationToken.None);
        await partitions.EnqueueAsync("B", new Job("B", 1), CancellationToken.None);
        foreach (var name in new[] { "A2", "A3", "B1" })
        {
            Release(name);
        }

        await StartedAsync("A1");
        Release("A1");
        await partitions.WhenEmptyAsync().WaitAsync(Patience);

        _started.Should().Equal("A1", "B1", "A2", "A3");
    }

    [Fact]
    public async Task When_the_queues_are_full_the_next_update_waits_for_room_and_a_cancelled_wait_takes_nothing()
    {
        var partitions = Partitions(chats: 2, queued: 4);
        for (var n = 1; n <= 4; n++)
        {
            await partitions.EnqueueAsync("A", new Job("A", n), CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        var cancelled = partitions.EnqueueAsync("B", new Job("B", 1), cancel.Token);
        var waiting = partitions.EnqueueAsync("C", new Job("C", 1), CancellationToken.None);
        cancelled.IsCompleted.Should().BeFalse();
        waiting.IsCompleted.Should().BeFalse();

        await cancel.CancelAsync();
        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        partitions.Count.Should().Be(4);
        waiting.IsCompleted.Should().BeFalse("still no room");

        Release("A1");
        await waiting.WaitAsync(Patience);
        partitions.Count.Should().Be(4);
        foreach (var name in new[] { "A2", "A3", "A4", "C1" })
        {
            Release(name);
        }

        await partitions.WhenEmptyAsync().WaitAsync(Patience);
        _started.Should().NotContain("B1");
        _finished.Should().BeEquivalentTo(["A1", "A2", "A3", "A4", "C1"]);
    }

    [Fact]
    public async Task A_failing_update_is_reported_and_neither_its_chat_nor_the_others_stop()
    {
        var partitions = Partitions(chats: 2, queued: 100);
        Release("A1");
        Release("A2");
        Release("B1");
        await partitions.EnqueueAsync("A", new Job("A", 1, Fails: true), CancellationToken.None);
        await partitions.EnqueueAsync("A", new Job("A", 2), CancellationToken.None);
        await partitions.EnqueueAsync("B", new Job("B", 1), CancellationToken.None);

        await partitions.WhenEmptyAsync().WaitAsync(Patience);

        _finished.Should().BeEquivalentTo(["A1", "A2", "B1"]);
        _failures.Should().ContainSingle().Which.Job.Should().Be("A1");
    }

    [Fact]
    public async Task A_stop_finishes_what_is_under_way_and_gives_back_what_waits_in_order()
    {
        var partitions = Partitions(chats: 2, queued: 100);
        foreach (var job in new[] { new Job("A", 1), new Job("A", 2), new Job("B", 1), new Job("C", 1), new Job("A", 3) })
        {
            await partitions.EnqueueAsync(job.Chat, job, CancellationToken.None);
        }

        await Task.WhenAll(StartedAsync("A1"), StartedAsync("B1"));
        var stop = partitions.StopAsync(finishQueued: false);
        stop.IsCompleted.Should().BeFalse("A1 and B1 are under way");
        Release("A1");
        Release("B1");
        var left = await stop.WaitAsync(Patience);

        left.Select(j => j.Name).Should().BeEquivalentTo(["A2", "A3", "C1"]);
        left.Where(j => j.Chat == "A").Select(j => j.Name).Should().Equal("A2", "A3");
        _finished.Should().BeEquivalentTo(["A1", "B1"]);
        partitions.Count.Should().Be(0);
        await FluentActions.Awaiting(() => partitions.EnqueueAsync("D", new Job("D", 1), CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task A_stop_that_finishes_the_queue_handles_every_waiting_update_first()
    {
        var partitions = Partitions(chats: 1, queued: 100);
        await partitions.EnqueueAsync("A", new Job("A", 1), CancellationToken.None);
        await partitions.EnqueueAsync("A", new Job("A", 2), CancellationToken.None);
        await partitions.EnqueueAsync("B", new Job("B", 1), CancellationToken.None);

        var stop = partitions.StopAsync(finishQueued: true);
        Release("A1");
        Release("A2");
        Release("B1");
        var left = await stop.WaitAsync(Patience);

        left.Should().BeEmpty();
        _finished.Should().Equal("A1", "B1", "A2");
    }
}
