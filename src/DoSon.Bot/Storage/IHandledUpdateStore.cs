namespace DoSon.Bot.Storage;

/// <summary>The updates the bot has handled lately, per platform ("telegram", "zalo"), kept in the
/// database so that an update delivered again (a webhook retried, Zalo's getUpdates handing one out
/// twice) is acknowledged without being handled twice, also after a restart. Bounded by time: the
/// caller forgets what is older than a day (see Channels.HandledUpdates).</summary>
public interface IHandledUpdateStore
{
    /// <summary>True when this update of this platform was recorded as handled.</summary>
    Task<bool> WasHandledAsync(string platform, string updateId, CancellationToken cancellationToken = default);

    /// <summary>Records the update as handled at <paramref name="at"/> (again: keeps the first record).</summary>
    Task MarkHandledAsync(string platform, string updateId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Forgets the updates handled before <paramref name="before"/>; how many were forgotten.</summary>
    Task<int> ForgetHandledBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
