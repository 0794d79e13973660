using DoSon.Bot.Channels.Console;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>The one way the tests build the app: the real host, as Program builds it
/// (Host.CreateApplicationBuilder, or WebApplication.CreateBuilder with <see cref="Web"/>, then
/// AddDoSonBot), on a temp database and a fake clock. Everything else a test needs is a setting, a
/// captured log, a fake terminal or a replaced service, never a second way of wiring the app.
/// <see cref="BotHarness"/>, EndToEnd.BotHost and Reminders.BotHost are thin shapes over it.</summary>
public sealed class TestHost
{
    public required string DatabasePath { get; init; }

    /// <summary>Usually a <see cref="ClockDriver"/> or a FakeTimeProvider built on a UTC instant.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>Settings over the ones every test host has (database path, no seed file).</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>Built by WebApplication.CreateBuilder, serving the web console as Program does.</summary>
    public bool Web { get; init; }

    /// <summary>Keep the host's defaults (appsettings files, environment variables, console logging)
    /// as Program does; without them the host reads only <see cref="Settings"/>.</summary>
    public bool Defaults { get; init; }

    public string ContentRoot { get; init; } = AppContext.BaseDirectory;

    public string Environment { get; init; } = "Testing";

    /// <summary>The terminal chat's reader and writer; without it the app's own (the process console).</summary>
    public ConsoleIo? Terminal { get; init; }

    /// <summary>Where log lines go; when given, the only logging provider.</summary>
    public ILoggerProvider? Logs { get; init; }

    public LogLevel? MinimumLogLevel { get; init; }

    /// <summary>Changes to the app's services after AddDoSonBot (a recording channel instead of the real one).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    public IHost Build()
    {
        IHostApplicationBuilder builder = Web
            ? WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = [],
                ContentRootPath = ContentRoot,
                EnvironmentName = Environment,
            })
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = [],
                ContentRootPath = ContentRoot,
                EnvironmentName = Environment,
                DisableDefaults = !Defaults,
            });
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DatabasePath,
            ["Seed:File"] = "",
        };
        foreach (var (key, value) in Settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        if (Logs is not null)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Logs);
        }

        if (MinimumLogLevel is { } level)
        {
            builder.Logging.SetMinimumLevel(level);
        }

        builder.Services.AddSingleton(Clock);
        if (Terminal is not null)
        {
            builder.Services.AddSingleton(Terminal);
        }

        builder.AddDoSonBot();
        Services?.Invoke(builder.Services);
        return builder is WebApplicationBuilder webBuilder ? webBuilder.Build() : ((HostApplicationBuilder)builder).Build();
    }

    /// <summary>Builds the host, fills an empty store with <paramref name="seed"/> (if any) and starts it.</summary>
    public async Task<IHost> StartAsync(Func<IBotStore, Task>? seed)
    {
        var host = Build();
        if (seed is not null)
        {
            var store = host.Services.GetRequiredService<IBotStore>();
            if (await store.IsEmptyAsync())
            {
                await seed(store);
            }
        }

        await host.StartAsync();
        return host;
    }
}
