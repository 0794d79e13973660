using DoSon.Bot.Channels.Telegram.Groups;
using DoSon.Bot.Channels.Telegram.Notices;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Telegram;

public static class TelegramRegistration
{
    /// <summary>The Telegram adapter. The settings, the invite codes and the `members` verb (shared with
    /// Zalo, see AddChatLinking) are always there (an invite can be made before the bot runs); the
    /// channel, the update handling and the polling or webhook service only when Telegram:BotToken is set.</summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddChatLinking();
        services.AddSingleton<IInviteInstructions, TelegramInviteInstructions>();

        var settings = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!settings.Enabled)
        {
            return builder;
        }

        services.AddSingleton<TelegramApi>();
        services.AddSingleton<TelegramChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<TelegramOutbox>();
        services.AddSingleton<TelegramCommandMenu>();
        services.AddSingleton<TelegramBotSetup>();
        services.AddSingleton<TelegramButtons>();
        services.AddSingleton<TelegramNoticeIntake>();
        services.AddSingleton<TelegramDraftButtons>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<GroupDigestSender>();
        services.AddSingleton<IGroupDigestSender>(sp => sp.GetRequiredService<GroupDigestSender>());
        if (settings.UsesWebhook)
        {
            services.TryAddSingleton<PlatformContact>();
            services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramWebhookServerCheck>();
            services.AddSingleton<TelegramWebhookService>();
            services.AddActiveOnlyHostedService<TelegramWebhookService>();
            services.AddSingleton<IWebhookEndpoint>(sp => sp.GetRequiredService<TelegramWebhookService>());
        }
        else
        {
            services.AddSingleton<TelegramPollingService>();
            services.AddActiveOnlyHostedService<TelegramPollingService>();
        }

        return builder;
    }
}
