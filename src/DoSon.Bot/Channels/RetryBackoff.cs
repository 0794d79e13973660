namespace DoSon.Bot.Channels;

/// <summary>How long a chat adapter waits before trying again after failures in a row (polling a
/// platform that is down, a token it refuses).</summary>
public static class RetryBackoff
{
    /// <summary>1, 2, 4 ... seconds, at most a minute, after the n-th failure in a row.</summary>
    public static TimeSpan After(int failures) =>
        TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Clamp(failures - 1, 0, 6))));
}
