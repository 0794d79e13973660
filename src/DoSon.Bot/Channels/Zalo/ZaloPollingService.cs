using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>Long polling of Zalo's getUpdates, one update per call, with chats handled side by side:
/// in order within a chat, up to Chat:MaxConcurrentChats chats at once (see
/// <see cref="ChatPartitions{T}"/>); when Chat:MaxQueuedUpdates are taken and not done, the bot asks
/// Zalo for no more until one is.
/// <para>Zalo's getUpdates has no offset (unlike Telegram's): the bot cannot confirm what it handled,
/// and Zalo alone decides when an update counts as delivered. What Zalo does with an update whose
/// answer never reached the bot (a process stopped or a connection cut mid-answer) is not documented;
/// if it hands an update out again, the message's id is in the database's record of handled updates
/// (<see cref="HandledUpdates"/>, the last 24 hours), and it is skipped, also after a restart.</para>
/// <para>Without an offset an update Zalo handed out cannot be handed out again on the bot's
/// request: on shutdown the poll is abandoned and every update taken is finished, the waiting ones
/// too. A crash loses the ones taken and not yet handled (at most Chat:MaxQueuedUpdates, in practice
/// the few a flood leaves waiting).</para>
/// <para>Errors back off on the app's clock (1, 2, 4 … 60 s); a 408 is a poll that ended with
/// nothing new.</para></summary>
public sealed class ZaloPollingService(
    ZaloBotClient client,
    ZaloUpdateHandler handler,
    ZaloBotSetup setup,
    HandledUpdates handledUpdates,
    IOptions<ZaloOptions> options,
    IOptions<ChatOptions> chatOptions,
    TimeProvider time,
    PlatformContact contact,
    ILogger<ZaloPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        contact.Expect("Zalo");
        // Let the host finish starting (seeding first) before the first call.
        await Task.Yield();

        using var partitions = new ChatPartitions<ZaloUpdate>(chatOptions.Value.MaxConcurrentChats, chatOptions.Value.MaxQueuedUpdates,
            HandleOneAsync, (update, ex) => logger.LogError("Lỗi khi ghi nhận tin nhắn Zalo {MessageId}: {Error}", update.Message?.MessageId, client.Redact(ex.ToString())));
        var prepared = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!prepared)
            {
                try
                {
                    prepared = await setup.PrepareAsync(forWebhook: false, stoppingToken);
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
                contact.Answered("Zalo");
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

            // Not cancelled: an update taken from Zalo cannot be given back, so it is queued even
            // while the bot stops (and handled before it stops).
            await partitions.EnqueueAsync(ChatKey(update), update, CancellationToken.None);
        }

        await partitions.StopAsync(finishQueued: true);
    }

    /// <summary>The chat an update belongs to: its updates are handled one after another. A malformed
    /// update (no chat, no sender) goes to a queue of its own, where the handler refuses it.</summary>
    public static string ChatKey(ZaloUpdate update) =>
        update.Message?.Chat?.Id is { Length: > 0 } chat ? chat
        : update.Message?.From?.Id is { Length: > 0 } from ? from
        : "";

    private async Task HandleOneAsync(ZaloUpdate update)
    {
        if (update.Message?.MessageId is not { Length: > 0 } messageId)
        {
            await HandleAsync(update);
            return;
        }

        // A repeat waits in its chat's queue behind the first, so it is always found handled.
        if (!await handledUpdates.HandleOnceAsync(ZaloChannel.ChannelName, messageId, () => HandleAsync(update)))
        {
            logger.LogInformation("Zalo gửi lại tin nhắn {MessageId} đã xử lý; bỏ qua.", messageId);
        }
    }

    private async Task HandleAsync(ZaloUpdate update)
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
