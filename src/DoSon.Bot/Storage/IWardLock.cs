namespace DoSon.Bot.Storage;

/// <summary>The lock that makes one instance of a ward the active one (Cluster:Enabled).</summary>
public interface IWardLock
{
    /// <summary>Takes the ward's lock if no other instance holds it; null when one does. Held until the
    /// returned holder is disposed or its connection is lost.</summary>
    Task<IHeldWardLock?> TryTakeAsync(string instanceName, TimeSpan checkEvery, CancellationToken cancellationToken);
}

public interface IHeldWardLock : IAsyncDisposable
{
    /// <summary>Throws when the lock can no longer be vouched for (its connection is gone).</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
