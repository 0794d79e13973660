using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>What the bot does once Telegram answers: checks the token and learns its username (getMe),
/// switches the update stream (no webhook for polling), and sets the command menus.</summary>
public sealed class TelegramBotSetup(TelegramApi api, TelegramCommandMenu menu, ILogger<TelegramBotSetup> logger)
{
    /// <summary>False when Telegram could not be reached or refused the token; the caller tries again later.</summary>
    public async Task<bool> PrepareAsync(bool forPolling, CancellationToken cancellationToken)
    {
        try
        {
            var username = await api.GetUsernameAsync(cancellationToken);
            if (forPolling)
            {
                // getUpdates and a webhook cannot both be active; updates that are waiting are kept.
                await api.Client.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
            }

            logger.LogInformation("Bot Telegram @{Username} đã kết nối ({Mode}).", username, forPolling ? "long polling" : "webhook");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 401)
        {
            logger.LogCritical("Telegram từ chối token (401 Unauthorized): hãy kiểm tra Telegram:BotToken. Bot sẽ thử lại sau.");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Chưa kết nối được Telegram, sẽ thử lại: {Error}", api.Redact(ex.Message));
            return false;
        }

        await menu.RegisterAllAsync(cancellationToken);
        return true;
    }

    /// <summary>See <see cref="RetryBackoff"/>.</summary>
    public static TimeSpan Backoff(int failures) => RetryBackoff.After(failures);
}
