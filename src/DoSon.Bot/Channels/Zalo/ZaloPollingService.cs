using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>Long polling of Zalo's getUpdates, one update per call, handled in order.
/// Zalo's getUpdates has no offset (unlike Telegram's): the bot cannot confirm what it handled, and
/// Zalo alone decides when an update counts as delivered. What Zalo does with an update whose answer
/// never reached the bot (a process stopped or a connection cut mid-answer) is not documented; if it
/// hands that update out again, only the last one can come back, since updates are taken one at a
/// time and each is handled before the next is asked for. So the message_id of the last handled
/// message is saved in the database, and a message with that id is skipped, also after a restart.
/// Errors back off on the app's clock (1, 2, 4 … 60 s); a 408 is a poll that ended with nothing new.
/// On shutdown the poll is abandoned and the update being handled is finished.</summary>
public sealed class ZaloPollingService(
    ZaloBotClient client,
    ZaloUpdateHandler handler,
    ZaloBotSetup setup,
    IZaloStore store,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (seeding first) before the first call.
        await Task.Yield();
        var lastHandled = store.GetLastHandledMessageId();
        var prepared = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!prepared)
            {
                try
                {
                    prepared = await setup.PrepareAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                if (!prepared && !await BackOffAsync(++failures, stoppingToken))
                {
                    break;
                }

                continue;
            }

            ZaloUpdate? update;
            try
            {
                update = await client.GetUpdatesAsync(options.Value.PollTimeoutSeconds, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Whatever went wrong (Zalo's error, an answer that could not be read), the loop goes on.
                failures++;
                LogPollFailure(ex, failures);
                if (!await BackOffAsync(failures, stoppingToken))
                {
                    break;
                }

                continue;
            }

            if (update is null)
            {
                continue;
            }

            var messageId = update.Message?.MessageId;
            if (!string.IsNullOrEmpty(messageId) && messageId == lastHandled)
            {
                logger.LogInformation("Zalo gửi lại tin nhắn {MessageId} đã xử lý; bỏ qua.", messageId);
                continue;
            }

            await HandleOneAsync(update);
            if (!string.IsNullOrEmpty(messageId))
            {
                store.SaveLastHandledMessage(messageId, time.GetUtcNow());
                lastHandled = messageId;
            }
        }
    }

    private async Task HandleOneAsync(ZaloUpdate update)
    {
        try
        {
            // Not cancelled by shutdown: an update half handled would be neither done nor repeated.
            await handler.HandleAsync(update, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A bad update must not stop the ones after it; it is logged and counted as handled.
            logger.LogError("Lỗi khi xử lý tin nhắn Zalo {MessageId}; bỏ qua: {Error}", update.Message?.MessageId, client.Redact(ex.ToString()));
        }
    }

    private void LogPollFailure(Exception ex, int failures)
    {
        if (ex is ZaloApiException { ErrorCode: 401 })
        {
            logger.LogCritical("Zalo từ chối token (401 Unauthorized): hãy kiểm tra Zalo:BotToken.");
            return;
        }

        logger.LogWarning("Nhận tin Zalo thất bại (lần {Failures} liên tiếp), sẽ thử lại sau {Delay}: {Error}",
            failures, RetryBackoff.After(failures), client.Redact(ex.Message));
    }

    private async Task<bool> BackOffAsync(int failures, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryBackoff.After(failures), time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
