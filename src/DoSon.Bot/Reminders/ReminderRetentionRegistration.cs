using DoSon.Bot.Hosting;
using DoSon.Bot.Reminders.Jobs;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

public static class ReminderRetentionRegistration
{
    /// <summary>The retention of finished reminders and its daily job. Call within AddReminders (it
    /// runs on the reminders' Quartz scheduler and reads the same section).</summary>
    public static IServiceCollection AddReminderRetention(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ReminderRetentionOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddSingleton<IValidateOptions<ReminderRetentionOptions>, ReminderRetentionOptionsValidator>();
        services.AddSingleton<ReminderRetention>();
        services.AddSingleton<IReminderRetention>(sp => sp.GetRequiredService<ReminderRetention>());
        services.AddActiveOnlyHostedService<ReminderRetention>();
        services.AddTransient<ReminderRetentionJob>();
        return services;
    }
}
