using System.Collections.Concurrent;

namespace DoSon.Bot.Hosting;

/// <summary>When each chat platform's server last answered the bot's polling (on the app's clock), for
/// the web console's /readyz. A platform is watched from its poller's first call on; a platform the bot
/// does not poll (Telegram in webhook mode, which only hears from Telegram when someone writes) is not.</summary>
public sealed class PlatformContact(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset?> _last = new(StringComparer.Ordinal);

    /// <summary>The poller of <paramref name="platform"/> is running: from now on it must answer.</summary>
    public void Expect(string platform) => _last.TryAdd(platform, null);

    /// <summary>The platform's server answered a call (news or nothing new).</summary>
    public void Answered(string platform) => _last[platform] = time.GetUtcNow();

    /// <summary>Each watched platform and when it last answered (null: not yet).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> Snapshot() => new Dictionary<string, DateTimeOffset?>(_last, StringComparer.Ordinal);
}
