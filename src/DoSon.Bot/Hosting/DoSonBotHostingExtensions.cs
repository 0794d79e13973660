using DoSon.Bot.Backups;
using DoSon.Bot.Channels;
using DoSon.Bot.Channels.Console;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.Commands;
using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Import;
using DoSon.Bot.Reports;
using DoSon.Bot.Notices;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Hosting;

public static class DoSonBotHostingExtensions
{
    /// <summary>Everything the bot is made of. Tests call this too, replacing only the clock
    /// (TimeProvider registered before) and the terminal (ConsoleIo registered before).</summary>
    public static IHostApplicationBuilder AddDoSonBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptionsWithValidateOnStart<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddOptionsWithValidateOnStart<ClockOptions>().BindConfiguration(ClockOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<ConsoleChatOptions>().BindConfiguration(ConsoleChatOptions.Section).ValidateDataAnnotations();

        services.TryAddSingleton<TimeProvider>(sp =>
        {
            var clock = sp.GetRequiredService<IOptions<ClockOptions>>().Value;
            return clock.Start is null && Math.Abs(clock.Speed - 1) < double.Epsilon
                ? TimeProvider.System
                : new ScaledTimeProvider(TimeProvider.System, clock.Start ?? TimeProvider.System.GetUtcNow(), clock.Speed, startRunning: false);
        });
        services.AddHostedService<ScaledClockStarter>();

        services.AddSingleton<LiteDbBotStore>(sp => new LiteDbBotStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<LiteDbBotStore>());

        services.AddImport();

        services.AddSingleton<TaskProgress>();
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<Conversation>();
        services.AddOptionsWithValidateOnStart<ChatOptions>().BindConfiguration(ChatOptions.Section);
        services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>();
        services.AddSingleton<FloodGate>();
        foreach (var handler in typeof(DoSonBotHostingExtensions).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICommandHandler).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(ICommandHandler), handler);
        }

        services.AddSingleton<CliRunner>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportVerb>();
        services.AddSingleton<ICliVerb>(sp => sp.GetRequiredService<ReportVerb>());
        services.AddNotices();

        services.AddHostedService<DatabaseSeeder>();
        builder.AddReminders();
        services.AddBackups();

        services.TryAddSingleton(_ => ConsoleIo.System());
        services.AddSingleton<ConsoleChannel>();
        if (!HasChatToken(builder.Configuration))
        {
            services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<ConsoleChannel>());
            services.AddHostedService<ConsoleChatService>();
        }

        builder.AddTelegram();
        builder.AddZalo();

        // Stopping is quick: polls and waits observe the stopping token, and whatever has not
        // finished after this is left to the next start (the default would wait 30 s).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = StoppingNotice.ShutdownTimeout);
        services.AddHostedService<StoppingNotice>();

        services.AddSystemd();
        return builder;
    }

    public static bool HasChatToken(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]) || !string.IsNullOrWhiteSpace(configuration["Zalo:BotToken"]);

    /// <summary>Runs the one-shot command named on the command line, or the bot itself.</summary>
    public static async Task<int> RunDoSonBotAsync(this IHost host, CommandLine commandLine)
    {
        try
        {
            if (commandLine.Verb is null)
            {
                await host.RunAsync();
                return 0;
            }

            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            return await host.Services.GetRequiredService<CliRunner>().RunAsync(commandLine, Console.Out, cts.Token);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Cấu hình không hợp lệ:\n" + string.Join("\n", ex.Failures));
            return CliRunner.UsageError;
        }
    }
}
