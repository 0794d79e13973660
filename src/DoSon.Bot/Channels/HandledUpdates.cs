using DoSon.Bot.Storage;

namespace DoSon.Bot.Channels;

/// <summary>"Handled once" for every way updates come in (Telegram's and Zalo's webhooks, Zalo's
/// getUpdates, which has no offset): an update is handled only if the database has no record of it,
/// and recorded once handled, so that one delivered again, also after a restart, is acknowledged
/// without being handled twice. The record is written after the handling, not before: an update taken
/// and lost in a crash is handled when it comes again. The same update arriving twice at once (a
/// webhook retried while the first post is still being handled) waits for the first and is then
/// skipped. Records older than <see cref="Kept"/> are forgotten, on the app's clock.</summary>
public sealed class HandledUpdates(IHandledUpdateStore store, TimeProvider time)
{
    /// <summary>How long a handled update is remembered (Telegram keeps an update at most a day).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _underWay = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastPruned;

    /// <summary>Runs <paramref name="handle"/> unless this update was handled already (or is being
    /// handled: then waits until it is); true when it ran. <paramref name="handle"/> is expected to
    /// catch its own errors: an update whose handling threw is not recorded.</summary>
    public async Task<bool> HandleOnceAsync(string platform, string updateId, Func<Task> handle)
    {
        var key = platform + ":" + updateId;
        TaskCompletionSource mine;
        Task? other;
        lock (_gate)
        {
            if (_underWay.TryGetValue(key, out other))
            {
                mine = null!;
            }
            else
            {
                mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _underWay[key] = mine.Task;
            }
        }

        if (other is not null)
        {
            await other;
            return false;
        }

        try
        {
            if (await store.WasHandledAsync(platform, updateId))
            {
                return false;
            }

            await handle();
            var now = time.GetUtcNow();
            await store.MarkHandledAsync(platform, updateId, now);
            await PruneIfDueAsync(now);
            return true;
        }
        finally
        {
            lock (_gate)
            {
                _underWay.Remove(key);
            }

            mine.TrySetResult();
        }
    }

    private async Task PruneIfDueAsync(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_lastPruned is { } last && now - last < PruneEvery)
            {
                return;
            }

            _lastPruned = now;
        }

        await store.ForgetHandledBeforeAsync(now - Kept);
    }
}
