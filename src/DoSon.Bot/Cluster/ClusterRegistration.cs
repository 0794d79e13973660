using DoSon.Bot.Hosting;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Cluster;

public static class ClusterRegistration
{
    /// <summary>Cluster:Enabled: the leader election, the gate of the active-only services and the
    /// reminder claims. Call last, after every hosted service is registered. Without it nothing
    /// changes: no gate, no claims, the one instance runs everything.</summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<ClusterOptions>().BindConfiguration(ClusterOptions.Section);
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClusterOptions>>().Value;
            return new ClusterRole(options.Name, options.Enabled);
        });
        var postgreSql = StorageServiceCollectionExtensions.IsPostgreSql(builder.Configuration);
        if (postgreSql)
        {
            services.AddSingleton<IStoreProbe>(sp => (IStoreProbe)sp.GetRequiredService<IWardStore>());
        }

        if (!ClusterOptions.IsEnabled(builder.Configuration) || !postgreSql)
        {
            return builder;
        }

        ReminderActiveOnly.GateQuartz(services);
        services.AddSingleton<ActiveOnlyGate>();
        services.AddSingleton<IWardLock, PostgreSqlWardLock>();
        services.AddSingleton<IReminderClaimStore>(sp => (IReminderClaimStore)sp.GetRequiredService<IWardStore>());
        services.AddSingleton<ReminderClaims>();
        services.AddSingleton<IReminderClaims>(sp => sp.GetRequiredService<ReminderClaims>());
        services.AddHostedService<LeaderElection>();
        return builder;
    }
}
