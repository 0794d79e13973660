using DoSon.Bot.Reminders;

namespace DoSon.Bot.Storage;

/// <summary>The claims behind <see cref="IReminderClaims"/>, kept beside the reminders (PostgreSQL only:
/// a LiteDB file has one process).</summary>
public interface IReminderClaimStore
{
    /// <summary>Claims the pending keys that no other owner holds (or whose claim ran out at
    /// <paramref name="now"/>) until <paramref name="until"/>, in one statement.</summary>
    Task<ReminderClaimResult> ClaimAsync(IReadOnlyCollection<string> keys, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Gives back the owner's claims on these keys, or on all its keys when null.</summary>
    Task<int> ReleaseAsync(IReadOnlyCollection<string>? keys, string owner, CancellationToken cancellationToken = default);

    /// <summary>Gives back every claim that ran out at <paramref name="now"/> on a reminder still pending.</summary>
    Task<int> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>A store that can say whether its server answers now (for /readyz).</summary>
public interface IStoreProbe
{
    Task<bool> CanReachAsync(CancellationToken cancellationToken);
}
