using DoSon.Bot.Backups;
using DoSon.Bot.Storage.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The store that Storage:Provider names: LiteDB (the default) or PostgreSQL.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration) =>
        IsPostgreSql(configuration) ? services.AddPostgreSqlStorage() : services.AddLiteDbStorage();

    /// <summary>Whether the ward is kept in PostgreSQL (Storage:Provider = PostgreSql, in any case).</summary>
    public static bool IsPostgreSql(IConfiguration configuration) =>
        string.Equals(configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"], StorageOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>The ward in a schema of a PostgreSQL server (Storage:ConnectionString, Storage:Schema),
    /// and every store interface, forwarding to that one store. Several processes may share the schema.</summary>
    public static IServiceCollection AddPostgreSqlStorage(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<DatabaseUse>();
        services.AddSingleton<PostgreSqlBotStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new PostgreSqlBotStore(options.ConnectionString ?? "", options.Schema, sp.GetRequiredService<DatabaseUse>());
        });
        services.AddSingleton<IWardStore>(sp => sp.GetRequiredService<PostgreSqlBotStore>());
        return services.AddStoreInterfaces();
    }

    /// <summary>The one LiteDB store of the process and every store interface it implements, all
    /// forwarding to that one instance (two instances on one file silently lose rows), with its
    /// options.</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<DatabaseUse>();
        services.AddSingleton<LiteDbBotStore>(sp => new LiteDbBotStore(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath,
            sp.GetRequiredService<DatabaseUse>(),
            sp.GetRequiredService<IConfiguration>().GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions()));
        services.AddSingleton<IWardStore>(sp => sp.GetRequiredService<LiteDbBotStore>());
        return services.AddStoreInterfaces();
    }

    private static IServiceCollection AddStoreInterfaces(this IServiceCollection services)
    {
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<IReminderStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<IReminderRetentionStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<IGroupDigestLog>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<IInviteStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<INoticeDraftStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<ITelegramStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<IHandledUpdateStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<IWebLoginStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<IWebKeyStore>(sp => sp.GetRequiredService<IWardStore>());
        services.AddSingleton<ICurrentTaskStore>(sp => sp.GetRequiredService<IWardStore>());
        return services;
    }
}
