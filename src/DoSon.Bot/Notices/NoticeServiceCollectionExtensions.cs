using DoSon.Bot.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Notices;

public static class NoticeServiceCollectionExtensions
{
    /// <summary>The notice parser and its `notice` command-line verb, with Notices settings
    /// validated at start.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<NoticeOptions>().BindConfiguration(NoticeOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NoticeOptions>, NoticeOptionsValidator>());
        services.AddSingleton<NoticeDrafter>();
        services.AddSingleton<ICliVerb, NoticeVerb>();
        return services;
    }
}
