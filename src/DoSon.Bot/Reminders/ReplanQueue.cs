using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Reminders;

/// <summary>What one background run is to do: re-plan these tasks, or everything, and then bring
/// Quartz in line (a run with neither only does the latter).</summary>
public sealed record ReplanRequest(IReadOnlySet<string> TaskCodes, bool Full);

/// <summary>Collects changes and runs the re-planner in the background, one run at a time, on the app
/// clock: the first change after a run arms a timer of <c>delay</c>; everything posted until it fires
/// is coalesced into one run. A change posted while a run is under way is kept for the next run.</summary>
public sealed class ReplanQueue(
    TimeProvider time, TimeSpan delay, Func<ReplanRequest, CancellationToken, Task> run, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private HashSet<string> _codes = new(StringComparer.OrdinalIgnoreCase);
    private bool _full;
    private bool _syncOnly;
    private ITimer? _timer;
    private Task _loop = Task.CompletedTask;
    private int _runs;

    /// <summary>Runs finished so far (tests).</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Whether something is waiting for a run.</summary>
    public bool HasWork
    {
        get
        {
            lock (_gate)
            {
                return _codes.Count > 0 || _full || _syncOnly;
            }
        }
    }

    public void Start() => _loop = Task.Run(LoopAsync, CancellationToken.None);

    /// <summary>Tasks changed: re-plan them after the delay.</summary>
    public void Post(IReadOnlyCollection<string> codes)
    {
        lock (_gate)
        {
            _codes.UnionWith(codes);
            Arm();
        }
    }

    /// <summary>Something beyond tasks changed (members, milestones): re-plan everything after the delay.</summary>
    public void PostFull()
    {
        lock (_gate)
        {
            _full = true;
            Arm();
        }
    }

    /// <summary>Only Quartz needs to catch up (a snooze): at once, no delay.</summary>
    public void PostSync()
    {
        lock (_gate)
        {
            _syncOnly = true;
        }

        _signal.Release();
    }

    private void Arm()
    {
        // Armed once per batch, not pushed back by each change: a stream of changes still gets a run.
        _timer ??= time.CreateTimer(_ => Fire(), null, delay, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        try
        {
            _signal.Release();
        }
        catch (ObjectDisposedException)
        {
            // Stopped meanwhile.
        }
    }

    private ReplanRequest? Take()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_codes.Count == 0 && !_full && !_syncOnly)
            {
                return null;
            }

            var request = new ReplanRequest(_codes, _full);
            _codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _full = false;
            _syncOnly = false;
            return request;
        }
    }

    private async Task LoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(token);
                while (_signal.Wait(0))
                {
                }

                if (Take() is not { } request)
                {
                    continue;
                }

                try
                {
                    await run(request, token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // The changes are committed; the daily re-plan and the next start catch up.
                    logger.LogError(ex, "Không lập lại được kế hoạch nhắc việc cho {Codes}.", string.Join(", ", request.TaskCodes));
                }

                Interlocked.Increment(ref _runs);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }

        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // What was waiting is re-planned at the next start anyway.
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _signal.Dispose();
    }
}
