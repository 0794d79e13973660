using DoSon.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DoSon.Bot.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The importer (used by the seeder too) and the import, export and template verbs.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.TryAddSingleton<AssignmentImporter>();
        services.AddSingleton<ICliVerb, ImportVerb>();
        services.AddSingleton<ICliVerb, ExportVerb>();
        services.AddSingleton<ICliVerb, TemplateVerb>();
        return services;
    }
}
