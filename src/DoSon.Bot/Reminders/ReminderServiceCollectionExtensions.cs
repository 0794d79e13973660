using DoSon.Bot.Hosting;
using DoSon.Bot.Reminders.Jobs;
using DoSon.Bot.Outbox;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace DoSon.Bot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>The reminders: policy, planner, Quartz (in memory, on the app's TimeProvider), the
    /// outbox and the service that keeps them in step with the tasks. Call after the store and the
    /// seeder are registered, so that the first plan is made from seeded data.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();

        // The one outbox of every platform: answers use it too, not only reminders.
        services.AddSingleton<ChatOutbox>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IReminderSnoozer>(sp => sp.GetRequiredService<ReminderService>());
        services.AddTransient<DeliverRemindersJob>();
        services.AddTransient<ReplanRemindersJob>();
        services.AddTransient<TopUpRemindersJob>();
        services.AddSingleton<GroupDigestService>();
        services.AddTransient<GroupDigestJob>();
        services.AddReminderRetention();

        // No UseTimeProvider here: the TimeProvider is built from Clock options in the container, and
        // a scheduler not given one takes the container's (Quartz 4.7 resolves it in that order), so
        // the demo clock and the tests' FakeTimeProvider drive Quartz too.
        services.AddQuartz(q => q.UseInMemoryStore(_ => { }));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddActiveOnlyHostedService<ReminderService>();
        // The group digest's sender exists only when Telegram is configured; without it the service does nothing.
        services.AddActiveOnlyHostedService<GroupDigestService>();
        return builder;
    }
}
