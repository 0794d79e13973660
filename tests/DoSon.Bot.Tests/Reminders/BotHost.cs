using DoSon.Bot.Channels.Console;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>The real host (AddDoSonBot) on a fake clock, a temp database and a recording channel.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private BotHost(IHost host, FakeTimeProvider clock, RecordingChannel channel)
    {
        Host = host;
        Clock = clock;
        Channel = channel;
    }

    public IHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingChannel Channel { get; }
    public IBotStore Store => Host.Services.GetRequiredService<IBotStore>();
    public IReminderStore Reminders => Host.Services.GetRequiredService<IReminderStore>();
    public ReminderDispatcher Dispatcher => Host.Services.GetRequiredService<ReminderDispatcher>();
    public ReminderService Service => Host.Services.GetRequiredService<ReminderService>();

    public static readonly DateTimeOffset March1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Builds and starts a host; <paramref name="seed"/> fills an empty store first.</summary>
    public static async Task<BotHost> StartAsync(
        TempDatabase db, DateTimeOffset now, bool seed = true, Action<RecordingChannel>? channelSetup = null,
        IDictionary<string, string?>? settings = null, DoSon.Bot.Tests.EndToEnd.LogCapture? logs = null)
    {
        var clock = new FakeTimeProvider(now);
        var channel = new RecordingChannel(clock);
        channelSetup?.Invoke(channel);
        var values = new Dictionary<string, string?> { ["Console:Member"] = "CVP" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var host = await new TestHost
        {
            DatabasePath = db.Path,
            Clock = clock,
            Settings = values,
            ContentRoot = db.Folder,
            Environment = "Test",
            Terminal = new ConsoleIo(new StringReader(""), new StringWriter(), interactive: false),
            Logs = logs,
            Services = services =>
            {
                services.RemoveAll<IChatChannel>();
                services.AddSingleton<IChatChannel>(channel);
            },
        }.StartAsync(seed ? WardData.SeedIntoAsync : null);
        return new BotHost(host, clock, channel);
    }

    /// <summary>Moves the fake clock to an instant.</summary>
    public void AdvanceTo(DateTimeOffset instant) => Clock.Advance(instant - Clock.GetUtcNow());

    /// <summary>Moves the fake clock to an instant and waits (without wall-clock sleeps) until
    /// <paramref name="done"/> holds. A background loop that read the clock just before the jump arms
    /// its timer relative to the new time and would wait for ever on a fake clock, so when nothing
    /// happens for a while the clock is nudged on, by a millisecond at first and further the longer
    /// nothing happens (Quartz may have armed a wait of several seconds just after the jump; nudging
    /// a millisecond at a time through that took longer than the safety net on a busy machine).</summary>
    public Task AdvanceToAsync(DateTimeOffset instant, Func<bool> done) => AdvanceToAsync(instant, () => Task.FromResult(done()));

    /// <inheritdoc cref="AdvanceToAsync(DateTimeOffset, Func{bool})"/>
    public Task AdvanceToAsync(DateTimeOffset instant, Func<Task<bool>> done)
    {
        AdvanceTo(instant);
        // The condition may read the store: it is checked every 50 yields rather than every one.
        return ClockDriver.RunUntilAsync(Clock, done, TimeSpan.FromMilliseconds(1), spinsPerStep: 5000, checkEvery: 50, doubleEvery: 10, maxStep: TimeSpan.FromMilliseconds(128));
    }

    /// <summary>Moves the clock and waits until the channel accepted <paramref name="total"/> messages in all.</summary>
    public Task AdvanceToAsync(DateTimeOffset instant, int total) => AdvanceToAsync(instant, () => Channel.Accepted.Count >= total);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
