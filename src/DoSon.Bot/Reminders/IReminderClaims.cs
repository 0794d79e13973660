namespace DoSon.Bot.Reminders;

/// <summary>Which of the keys this instance now holds, and, when another instance holds some of the
/// others, when the first of those claims runs out.</summary>
public sealed record ReminderClaimResult(IReadOnlySet<string> Claimed, DateTimeOffset? HeldElsewhereUntil);

/// <summary>Claims in the database before sending, when several instances share one ward: of two
/// instances, only one sends a reminder; a claim runs out after Cluster:TakeoverSeconds, so what a dead
/// instance had in flight is sent (at most once more) by the one that takes over.</summary>
public interface IReminderClaims
{
    Task<ReminderClaimResult> ClaimAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Gives back the claims of keys this instance did not send (they stay pending).</summary>
    Task ReleaseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
