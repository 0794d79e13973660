namespace DoSon.Bot.Cluster;

/// <summary>What this instance is right now: the one that works, or a standby. Read by /readyz.</summary>
public sealed class ClusterRole(string instanceName, bool enabled)
{
    private volatile bool _active;

    public bool Enabled => enabled;

    public string InstanceName => instanceName;

    /// <summary>Always true without Cluster:Enabled: the one instance does everything.</summary>
    public bool IsActive => !enabled || _active;

    /// <summary>Lost the lock after holding it; the process ends so that it comes back as a standby.</summary>
    public bool SteppedDown { get; private set; }

    public string Name => IsActive ? "active" : "standby";

    internal void BecameActive() => _active = true;

    internal void StepDown(bool lost)
    {
        _active = false;
        SteppedDown |= lost;
    }
}
