using DoSon.Bot.Channels.Console;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.Hosting;
using DoSon.Bot.Tests.EndToEnd;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Hosting;

/// <summary>Ctrl+C / SIGTERM: the host says "Đang dừng…" once and its services stop without waiting
/// for a read of the terminal or a long poll to end. No timing is measured: a service that waited
/// would still be running when the host's StopAsync returned (it gives up after its ShutdownTimeout).</summary>
public sealed class StoppingTests
{
    /// <summary>stdin with nobody typing: ReadLine blocks until the test releases it.</summary>
    private sealed class SilentTerminal : TextReader
    {
        private readonly ManualResetEventSlim _release = new();

        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override string? ReadLine()
        {
            Reading.TrySetResult();
            _release.Wait();
            return null;
        }

        public void Release() => _release.Set();
    }

    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stopping_the_console_chat_says_so_once_and_does_not_wait_for_the_terminal()
    {
        using var database = new TempDatabase();
        var terminal = new SilentTerminal();
        var screen = new ObservableWriter();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = database.Folder,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database.Path,
            ["Seed:File"] = "",
            ["Console:Member"] = WardData.Admin.Code,
        });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(BotHarness.DefaultNow));
        builder.Services.AddSingleton(new ConsoleIo(terminal, screen, interactive: true));
        builder.AddDoSonBot();
        using var host = builder.Build();
        await WardData.SeedIntoAsync(host.Services.GetRequiredService<DoSon.Bot.Storage.IBotStore>());
        await host.StartAsync();
        var chat = host.Services.GetServices<IHostedService>().OfType<ConsoleChatService>().Single();
        await terminal.Reading.Task.WaitAsync(SafetyNet);

        try
        {
            await host.StopAsync(CancellationToken.None).WaitAsync(SafetyNet);

            chat.ExecuteTask!.IsCompleted.Should().BeTrue("the chat loop ended on the stopping token instead of waiting for Enter");
            chat.ReadPending.Should().BeTrue("the read of the terminal was left behind, not waited for");
            screen.ToString().Split(StoppingNotice.Text).Should().HaveCount(2, "\"Đang dừng…\" is said exactly once");
            host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(5));
        }
        finally
        {
            terminal.Release();
        }
    }

    [Fact]
    public async Task Stopping_cancels_telegrams_long_poll()
    {
        await using var world = await TelegramWorld.StartAsync();
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(SafetyNet);
        var polling = world.Bot.Services.GetServices<IHostedService>().OfType<TelegramPollingService>().Single();

        await world.Bot.Host.StopAsync(CancellationToken.None).WaitAsync(SafetyNet);

        polling.ExecuteTask!.IsCompleted.Should().BeTrue("the long poll (20 s) was cancelled, not waited out");
        world.Bot.Logs.Lines.Should().NotContain(l => l.Contains("BackgroundService failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_cancels_zalos_long_poll()
    {
        await using var world = await ZaloWorld.StartAsync();
        await world.Fake.WaitUntilAsync(() => world.Fake.LongPollWaiting).WaitAsync(SafetyNet);
        var polling = world.Bot.Services.GetServices<IHostedService>().OfType<ZaloPollingService>().Single();

        await world.Bot.Host.StopAsync(CancellationToken.None).WaitAsync(SafetyNet);

        polling.ExecuteTask!.IsCompleted.Should().BeTrue("the long poll was cancelled, not waited out");
    }
}
