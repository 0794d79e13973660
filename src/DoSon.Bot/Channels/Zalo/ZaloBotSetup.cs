using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>What the bot does once Zalo answers: checks the token and learns its name (getMe), and, for
/// polling, makes sure no webhook is set, since getUpdates does not work while one is (a bot switched
/// back from webhook mode deletes its webhook here).</summary>
public sealed class ZaloBotSetup(ZaloBotClient client, ILogger<ZaloBotSetup> logger)
{
    /// <summary>False when Zalo could not be reached or refused the token; the caller tries again later.</summary>
    public async Task<bool> PrepareAsync(bool forWebhook, CancellationToken cancellationToken)
    {
        ZaloBotInfo me;
        try
        {
            me = await client.GetMeAsync(cancellationToken);
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == 401)
        {
            logger.LogCritical("Zalo từ chối token (401 Unauthorized): hãy kiểm tra Zalo:BotToken. Bot sẽ thử lại sau.");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Chưa kết nối được Zalo, sẽ thử lại: {Error}", client.Redact(ex.Message));
            return false;
        }

        if (forWebhook)
        {
            logger.LogInformation("Bot Zalo «{Name}» đã kết nối (webhook).", me.DisplayName);
            return true;
        }

        try
        {
            if (await client.GetWebhookInfoAsync(cancellationToken) is { Url.Length: > 0 })
            {
                // Polling was chosen (no Zalo:WebhookUrl): a webhook left from webhook mode or from
                // elsewhere would keep every update from it.
                await client.DeleteWebhookAsync(cancellationToken);
                logger.LogWarning("Bot Zalo đang đặt webhook; đã xóa webhook để nhận tin bằng getUpdates (long polling).");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("Không kiểm tra được webhook của bot Zalo; vẫn tiếp tục nhận tin: {Error}", client.Redact(ex.Message));
        }

        logger.LogInformation("Bot Zalo «{Name}» đã kết nối (long polling).", me.DisplayName);
        return true;
    }
}
