using DoSon.Bot.Backups;
using DoSon.Bot.Channels;
using DoSon.Bot.Channels.Console;
using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.Cli;
using DoSon.Bot.Cluster;
using DoSon.Bot.Commands;
using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Import;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reports;
using DoSon.Bot.Notices;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;

namespace DoSon.Bot.Hosting;

public static partial class DoSonBotHostingExtensions
{
    /// <summary>Everything the bot is made of. Tests call this too, replacing only the clock
    /// (TimeProvider registered before) and the terminal (ConsoleIo registered before).</summary>
    public static IHostApplicationBuilder AddDoSonBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptionsWithValidateOnStart<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddOptionsWithValidateOnStart<ClockOptions>().BindConfiguration(ClockOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<ConsoleChatOptions>().BindConfiguration(ConsoleChatOptions.Section).ValidateDataAnnotations();

        services.TryAddSingleton<TimeProvider>(sp =>
        {
            ClockOptions clock;
            try
            {
                clock = sp.GetRequiredService<IOptions<ClockOptions>>().Value;
            }
            catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException)
            {
                // Kestrel takes the clock while the web host is built, before the start's checks run:
                // a Clock value that cannot be read is said by those checks, and nothing runs on this clock.
                return TimeProvider.System;
            }

            return clock.Start is null && Math.Abs(clock.Speed - 1) < double.Epsilon
                ? TimeProvider.System
                : new ScaledTimeProvider(TimeProvider.System, clock.Start ?? TimeProvider.System.GetUtcNow(), clock.Speed, startRunning: false);
        });
        services.AddHostedService<ScaledClockStarter>();

        services.AddStorage(builder.Configuration);

        services.AddImport();

        services.AddSingleton<TaskProgress>();
        services.AddSingleton<TaskActions>();
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<ShortAnswers>();
        services.AddOptionsWithValidateOnStart<ShortAnswerOptions>().BindConfiguration(ShortAnswerOptions.Section);
        services.AddSingleton<IValidateOptions<ShortAnswerOptions>, ShortAnswerOptionsValidator>();
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
        services.AddSingleton<ICliVerb, StorageVerb>();
        services.AddNotices();

        services.AddSingleton<DatabaseSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseSeeder>());
        builder.AddReminders();
        if (StorageServiceCollectionExtensions.IsPostgreSql(builder.Configuration))
        {
            // The file copies are LiteDB's; a PostgreSQL ward is backed up with pg_dump (README).
            services.AddFileOnlyVerbsRefused();
        }
        else
        {
            services.AddBackups();
        }

        services.TryAddSingleton(_ => ConsoleIo.System());
        services.AddSingleton<ConsoleChannel>();
        if (!HasChatToken(builder.Configuration))
        {
            services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<ConsoleChannel>());
            services.AddHostedService<ConsoleChatService>();
        }

        builder.AddTelegram();
        builder.AddZalo();
        builder.AddWebConsole();

        // Stopping is quick: polls and waits observe the stopping token, and whatever has not
        // finished after this is left to the next start (the default would wait 30 s).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = StoppingNotice.ShutdownTimeout);
        services.AddHostedService<StoppingNotice>();

        builder.AddCluster();
        services.AddSystemd();
        return builder;
    }

    public static bool HasChatToken(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]) || !string.IsNullOrWhiteSpace(configuration["Zalo:BotToken"]);

    /// <summary>Runs the one-shot command named on the command line, or the bot itself. Every
    /// failure the program expects (a wrong setting, a damaged, missing or busy database) is said in
    /// Vietnamese on <paramref name="error"/> with its exit code, before the host starts and so
    /// without the host's stack trace.</summary>
    public static async Task<int> RunDoSonBotAsync(this IHost host, CommandLine commandLine, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            var problems = SettingsCheck.Problems(host.Services.GetRequiredService<IConfiguration>());
            if (problems.Count > 0)
            {
                await error.WriteLineAsync(HostingTexts.SettingsHeader + "\n" + string.Join("\n", problems));
                return ExitCodes.Usage;
            }

            if (!IsHelp(commandLine.Verb))
            {
                // The checks AddOptionsWithValidateOnStart registered, run here rather than inside the
                // host's start, which logs the failure with a stack trace before rethrowing it.
                host.Services.GetService<IStartupValidator>()?.Validate();
            }

            DecideDatabaseUse(host.Services.GetRequiredService<DatabaseUse>(), commandLine.Verb, output);
            if (commandLine.Verb is null)
            {
                if (host is WebApplication)
                {
                    WebListenCheck.EnsureFree(host.Services.GetRequiredService<IOptions<WebOptions>>().Value);
                }

                var store = host.Services.GetRequiredService<IWardStore>();
                store.EnsureOpen();
                try
                {
                    await host.Services.GetRequiredService<DatabaseSeeder>().StartAsync(CancellationToken.None);
                }
                catch (ExpectedFailureException)
                {
                    store.DiscardIfCreatedNew();
                    throw;
                }

                try
                {
                    await host.RunAsync();
                }
                catch (IOException ex) when (ex.InnerException is AddressInUseException)
                {
                    // Taken between the check above and Kestrel's start.
                    throw new ExpectedFailureException(WebTexts.ListenUrlBusy(host.Services.GetRequiredService<IOptions<WebOptions>>().Value.ListenUrls), ExitCodes.Usage, ex);
                }

                // An instance that lost its lock ends so that the service manager starts it again as a
                // standby: exit 1, which the unit's Restart=on-failure restarts (2, 3 and 4 it does not).
                return host.Services.GetService<ClusterRole>()?.SteppedDown == true ? ExitCodes.Failed : ExitCodes.Ok;
            }

            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler cancel = (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            Console.CancelKeyPress += cancel;
            try
            {
                return await host.Services.GetRequiredService<CliRunner>().RunAsync(commandLine, output, cts.Token);
            }
            finally
            {
                Console.CancelKeyPress -= cancel;
            }
        }
        catch (ExpectedFailureException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (SettingsFailures(ex) is { } failures)
        {
            await error.WriteLineAsync(HostingTexts.SettingsHeader + "\n" + string.Join("\n", failures));
            return ExitCodes.Usage;
        }
    }

    private static bool IsHelp(string? verb) => verb is "help" or "--help" or "-h";

    /// <summary>Only the bot's start and `import` may create a database, and both say which file they
    /// use; every other verb works on an existing ward. The store opens the file on first use, so
    /// `template`, `notice parse` and `--help` never open it at all.</summary>
    internal static void DecideDatabaseUse(DatabaseUse use, string? verb, TextWriter output)
    {
        var creates = verb is null or "import";
        use.MayCreate = creates;
        use.Announce = creates ? output : null;
        use.Holder = verb is null ? HostingTexts.BotHolder : HostingTexts.VerbHolder(verb);
    }

    /// <summary>The Vietnamese sentences of a settings failure, or null when <paramref name="ex"/> is not one.</summary>
    internal static IReadOnlyList<string>? SettingsFailures(Exception ex) => ex switch
    {
        OptionsValidationException validation => validation.Failures.Select(WithoutDataAnnotationWrapper).ToList(),
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            aggregate.InnerExceptions.SelectMany(e => SettingsFailures(e)!).ToList(),
        InvalidOperationException when BinderKey().Match(ex.Message) is { Success: true } match =>
            [HostingTexts.CannotConvert(match.Groups[1].Value)],
        _ => null,
    };

    /// <summary>ValidateDataAnnotations wraps our message: "DataAnnotation validation failed for 'X' members: 'Y' with the error: '...'."</summary>
    private static string WithoutDataAnnotationWrapper(string failure) =>
        DataAnnotationWrapper().Match(failure) is { Success: true } match ? match.Groups[1].Value : failure;

    [GeneratedRegex(@"with the error: '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationWrapper();

    [GeneratedRegex(@"^Failed to convert configuration value.* at '([^']+)'")]
    private static partial Regex BinderKey();
}
