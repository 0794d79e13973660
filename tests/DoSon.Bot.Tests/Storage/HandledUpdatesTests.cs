using DoSon.Bot.Channels;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Storage;

/// <summary>The handled-once memory on either store (a second instance of the ward on PostgreSQL
/// reads what the first recorded, as a restart does on LiteDB).</summary>
public abstract class HandledUpdatesContract : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly ITestWard _database;
    private readonly FakeTimeProvider _clock = new(Start);
    private IWardStore? _opened;

    protected HandledUpdatesContract() => _database = NewWard();

    /// <summary>A ward of its own for one test, on the provider under test.</summary>
    public abstract ITestWard NewWard();

    /// <summary>Opened on first use, inside the test, so that a missing provider skips it.</summary>
    private IWardStore _store => _opened ??= _database.Open();

    public void Dispose()
    {
        _opened?.Dispose();
        _database.Dispose();
    }

    [SkippableFact]
    public async Task An_update_is_handled_once_per_platform_and_remembered_after_a_reopen()
    {
        var handled = new HandledUpdates(_store, _clock);
        var runs = 0;

        (await handled.HandleOnceAsync("zalo", "m1", () => { runs++; return Task.CompletedTask; })).Should().BeTrue();
        (await handled.HandleOnceAsync("zalo", "m1", () => { runs++; return Task.CompletedTask; })).Should().BeFalse();
        (await handled.HandleOnceAsync("telegram", "m1", () => { runs++; return Task.CompletedTask; })).Should().BeTrue("ids are per platform");
        _store.Dispose();
        _opened = null;
        using var reopened = _database.Open();

        (await new HandledUpdates(reopened, _clock).HandleOnceAsync("zalo", "m1", () => { runs++; return Task.CompletedTask; })).Should().BeFalse();
        runs.Should().Be(2);
    }

    [SkippableFact]
    public async Task The_same_update_twice_at_once_runs_once_and_the_second_returns_after_the_first_is_done()
    {
        var handled = new HandledUpdates(_store, _clock);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;

        var first = handled.HandleOnceAsync("zalo", "m2", async () => { runs++; await release.Task; });
        var second = handled.HandleOnceAsync("zalo", "m2", () => { runs++; return Task.CompletedTask; });
        second.IsCompleted.Should().BeFalse("the second waits for the first to be handled");
        release.SetResult();

        (await first).Should().BeTrue();
        (await second).Should().BeFalse();
        runs.Should().Be(1);
    }

    [SkippableFact]
    public async Task Records_older_than_a_day_on_the_apps_clock_are_forgotten()
    {
        var handled = new HandledUpdates(_store, _clock);
        await handled.HandleOnceAsync("zalo", "old", () => Task.CompletedTask);
        _clock.Advance(TimeSpan.FromHours(23));
        await handled.HandleOnceAsync("zalo", "recent", () => Task.CompletedTask);

        _clock.Advance(TimeSpan.FromHours(2));
        await handled.HandleOnceAsync("zalo", "now", () => Task.CompletedTask);

        (await _store.WasHandledAsync("zalo", "old")).Should().BeFalse();
        (await _store.WasHandledAsync("zalo", "recent")).Should().BeTrue();
        (await _store.WasHandledAsync("zalo", "now")).Should().BeTrue();
    }
}

public sealed class HandledUpdatesOnLiteDb : HandledUpdatesContract
{
    public override ITestWard NewWard() => new TempDatabase();
}

[Collection(PostgresCollection.Name)]
public sealed class HandledUpdatesOnPostgreSql(PostgresServer server) : HandledUpdatesContract
{
    public override ITestWard NewWard() => server.NewWard();
}
