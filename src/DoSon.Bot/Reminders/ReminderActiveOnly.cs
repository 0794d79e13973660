using DoSon.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DoSon.Bot.Reminders;

internal static class ReminderActiveOnly
{
    /// <summary>Quartz registers its own hosted service; with a gate it runs only on the active
    /// instance, like the reminder service that fills it.</summary>
    public static void GateQuartz(IServiceCollection services)
    {
        var quartz = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(QuartzHostedService));
        if (quartz is null)
        {
            return;
        }

        services.Insert(services.IndexOf(quartz), ServiceDescriptor.Singleton<IHostedService>(sp => ActiveOnlyServiceCollectionExtensions.Gated(sp, sp.GetRequiredService<QuartzHostedService>())));
        services.Remove(quartz);
        services.AddSingleton<QuartzHostedService>();
    }
}
