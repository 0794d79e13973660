using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Cluster;

/// <summary>This instance's claims: held under its name for Cluster:TakeoverSeconds, long enough for a
/// message to leave, short enough that a takeover sends what a dead instance had in flight.</summary>
internal sealed class ReminderClaims(IReminderClaimStore store, IOptions<ClusterOptions> options, TimeProvider time) : IReminderClaims
{
    private readonly ClusterOptions _options = options.Value;

    public string Owner => _options.Name;

    public Task<ReminderClaimResult> ClaimAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.ClaimAsync(keys, Owner, now, now + _options.Takeover, cancellationToken);
    }

    public Task ReleaseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? Task.CompletedTask : store.ReleaseAsync(keys, Owner, cancellationToken);

    public Task<int> ReleaseAllAsync(CancellationToken cancellationToken) => store.ReleaseAsync(null, Owner, cancellationToken);

    public Task<int> ReleaseExpiredAsync(CancellationToken cancellationToken) => store.ReleaseExpiredAsync(time.GetUtcNow(), cancellationToken);
}
