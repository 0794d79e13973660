using DoSon.Bot.Reminders;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>The background re-planner on a fake clock: it waits for the delay, coalesces, runs one at
/// a time and loses nothing posted while it runs.</summary>
public sealed class ReplanQueueTests : IAsyncDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<ReplanRequest> _requests = [];
    private readonly ReplanQueue _queue;
    private TaskCompletionSource? _hold;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReplanQueueTests()
    {
        _queue = new ReplanQueue(_clock, Delay, async (request, token) =>
        {
            lock (_requests)
            {
                _requests.Add(request);
            }

            _started.TrySetResult();
            if (_hold is { } hold)
            {
                await hold.Task.WaitAsync(token);
            }
        }, NullLogger.Instance);
        _queue.Start();
    }

    /// <summary>Yields until the condition holds; a wall-clock safety net only fails a hung test.</summary>
    private static async Task Until(Func<bool> condition)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            safety.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    /// <summary>Gives the loop plenty of chances to run something it should not.</summary>
    private static async Task Idle()
    {
        for (var i = 0; i < 2000; i++)
        {
            await Task.Yield();
        }
    }

    [Fact]
    public async Task Many_changes_within_the_delay_make_one_run_with_every_code()
    {
        _queue.Post(["T1"]);
        _clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 100; i++)
        {
            _queue.Post([$"T{i % 7 + 2}"]);
        }

        await Idle();
        _queue.Runs.Should().Be(0, "nothing runs before the delay");

        _clock.Advance(TimeSpan.FromSeconds(1));
        await Until(() => _queue.Runs == 1);
        await Idle();

        _queue.Runs.Should().Be(1);
        _requests.Should().ContainSingle().Which.TaskCodes.Should().BeEquivalentTo(Enumerable.Range(1, 8).Select(i => $"T{i}"));
    }

    [Fact]
    public async Task A_change_posted_while_a_run_is_under_way_is_re_planned_in_the_next_run()
    {
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Post(["T1"]);
        _clock.Advance(Delay);
        await _started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        _queue.Post(["T2"]);
        _clock.Advance(Delay);
        _hold.SetResult();
        await Until(() => _queue.Runs == 2);

        _requests.Select(r => r.TaskCodes.Single()).Should().Equal("T1", "T2");
        _queue.HasWork.Should().BeFalse();
    }

    [Fact]
    public async Task A_change_that_goes_beyond_tasks_asks_for_a_full_re_plan()
    {
        _queue.Post(["T1"]);
        _queue.PostFull();
        _clock.Advance(Delay);
        await Until(() => _queue.Runs == 1);

        _requests.Should().ContainSingle().Which.Full.Should().BeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        _hold?.TrySetResult();
        await _queue.StopAsync(CancellationToken.None);
        _queue.Dispose();
    }
}
