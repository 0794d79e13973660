using DoSon.Bot.Channels.Console;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Bench;

/// <summary>The real host (AddDoSonBot) on a given clock, database file and chat channel.</summary>
internal static class BenchHost
{
    public static IHost Build(string folder, string database, TimeProvider clock, IChatChannel? channel, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = folder,
            EnvironmentName = "Bench",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database,
            ["Seed:File"] = "",
            ["Console:Member"] = "CVP",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new ConsoleIo(new StringReader(""), TextWriter.Null, interactive: false));
        builder.AddDoSonBot();
        if (channel is not null)
        {
            builder.Services.RemoveAll<IChatChannel>();
            builder.Services.AddSingleton(channel);
        }

        return builder.Build();
    }
}
