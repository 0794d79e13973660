using DoSon.Bot.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The importer (used by the seeder too) and the import, export and template verbs,
    /// with the Import limits validated at start (the notice reader and chat uploads share them).</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>());
        services.TryAddSingleton<AssignmentImporter>();
        services.AddSingleton<ICliVerb, ImportVerb>();
        services.AddSingleton<ICliVerb, ExportVerb>();
        services.AddSingleton<ICliVerb, TemplateVerb>();
        return services;
    }
}
