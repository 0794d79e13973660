using DoSon.Bot.Backups;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The one LiteDB store of the process and every store interface it implements, all
    /// forwarding to that one instance (two instances on one file silently lose rows), with its
    /// options. A second store (a server database) would come with a registration of its own.</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<DatabaseUse>();
        services.AddSingleton<LiteDbBotStore>(sp => new LiteDbBotStore(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath,
            sp.GetRequiredService<DatabaseUse>(),
            sp.GetRequiredService<IConfiguration>().GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions()));
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<IReminderStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<IReminderRetentionStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<IGroupDigestLog>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<IInviteStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<INoticeDraftStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<ITelegramStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<IHandledUpdateStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<IWebLoginStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<IWebKeyStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        services.AddSingleton<ICurrentTaskStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        return services;
    }
}
