using DoSon.Bot.Cli;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels;

public static class ChatLinkingRegistration
{
    /// <summary>What Telegram and Zalo share: invite codes (Invites settings), linking and meeting
    /// strangers, the `members` verb, and the memory of handled updates (<see cref="HandledUpdates"/>). Each platform's registration calls this; the second call
    /// adds nothing.</summary>
    public static IServiceCollection AddChatLinking(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ChatInvites)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<InviteOptions>().BindConfiguration(InviteOptions.Section);
        services.AddSingleton<IValidateOptions<InviteOptions>, InviteOptionsValidator>();
        services.AddSingleton<ChatInvites>();
        services.AddSingleton<ChatLinking>();
        services.AddSingleton<HandledUpdates>();
        services.AddSingleton<Members.MemberInvites>();
        services.AddSingleton<ICliVerb, MembersVerb>();
        return services;
    }
}
