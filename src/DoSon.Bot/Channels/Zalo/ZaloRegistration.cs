using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using DoSon.Bot.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Zalo;

public static class ZaloRegistration
{
    /// <summary>The Zalo adapter. The settings are always checked and the `members` verb is always
    /// there (shared with Telegram, see AddChatLinking); the client, the channel and the polling (or, with
    /// Zalo:WebhookUrl, the webhook) only when Zalo:BotToken is set. With Telegram set as well, both chats run; the reminder outbox
    /// sends a member's reminders to the first platform they are linked on (Telegram, then Zalo), so
    /// nobody gets each reminder twice.</summary>
    public static IHostApplicationBuilder AddZalo(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<ZaloOptions>().BindConfiguration(ZaloOptions.Section);
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        services.AddChatLinking();

        var settings = builder.Configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() ?? new ZaloOptions();
        if (!settings.Enabled)
        {
            return builder;
        }

        services.AddSingleton<ZaloBotClient>();
        services.AddSingleton<ZaloChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<ZaloChannel>());
        services.AddSingleton<ZaloUpdateHandler>();
        services.AddSingleton<ZaloBotSetup>();
        services.AddSingleton<IInviteInstructions, ZaloInviteInstructions>();
        if (settings.UsesWebhook)
        {
            services.TryAddSingleton<PlatformContact>();
            services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloWebhookServerCheck>();
            services.AddSingleton<ZaloWebhookService>();
            services.AddActiveOnlyHostedService<ZaloWebhookService>();
            services.AddSingleton<IWebhookEndpoint>(sp => sp.GetRequiredService<ZaloWebhookService>());
        }
        else
        {
            services.AddSingleton<ZaloPollingService>();
            services.AddActiveOnlyHostedService<ZaloPollingService>();
        }

        return builder;
    }
}
