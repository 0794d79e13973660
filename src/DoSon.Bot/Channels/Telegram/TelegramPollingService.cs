using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Long polling that loses nothing and does nothing twice. Telegram keeps an update until a
/// later getUpdates confirms it with its offset, so the offset moves past an update only after it was
/// handled; the last handled id is also saved, so that a crash between handling and confirming does
/// not hand it out again after a restart. Telegram.Bot's own receiver is not used because it moves
/// the offset before the handler has finished. Errors back off on the app's clock; on shutdown the
/// update being handled is finished and the handled ones are confirmed.</summary>
public sealed class TelegramPollingService(
    TelegramApi api,
    TelegramUpdateHandler handler,
    TelegramBotSetup setup,
    ITelegramStore store,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>After a week without updates Telegram starts update ids afresh, so an older saved id
    /// says nothing about the new ones.</summary>
    private static readonly TimeSpan OffsetMemory = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (seeding first) before the first call.
        await Task.Yield();
        int? offset = store.GetPollState() is { } saved && time.GetUtcNow() - saved.At < OffsetMemory
            ? (int)(saved.LastUpdateId + 1)
            : null;
        var prepared = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!prepared)
            {
                prepared = await setup.PrepareAsync(forPolling: true, stoppingToken);
                if (!prepared && !await BackOffAsync(++failures, stoppingToken))
                {
                    break;
                }

                continue;
            }

            Update[] updates;
            try
            {
                updates = await api.Polling.GetUpdates(offset, 100, options.Value.PollTimeoutSeconds, AllowedUpdates, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                LogPollFailure(ex, failures);
                if (!await BackOffAsync(failures, stoppingToken))
                {
                    break;
                }

                continue;
            }

            foreach (var update in updates.OrderBy(u => u.Id))
            {
                if (offset is { } o && update.Id < o)
                {
                    continue;
                }

                await HandleOneAsync(update);
                offset = update.Id + 1;
                store.SavePollState(new TelegramPollState(update.Id, time.GetUtcNow()));
                if (stoppingToken.IsCancellationRequested)
                {
                    // The rest stay unconfirmed: Telegram hands them out again after the restart.
                    break;
                }
            }
        }

        await ConfirmAsync(offset);
    }

    private async Task HandleOneAsync(Update update)
    {
        try
        {
            // Not cancelled by shutdown: an update half handled would be neither done nor repeated.
            await handler.HandleAsync(update, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A bad update must not stop the ones after it; it is logged and counted as handled.
            logger.LogError("Lỗi khi xử lý cập nhật Telegram {UpdateId}; bỏ qua: {Error}", update.Id, api.Redact(ex.ToString()));
        }
    }

    private void LogPollFailure(Exception ex, int failures)
    {
        var message = api.Redact(ex.Message);
        switch (ex)
        {
            case ApiRequestException { ErrorCode: 401 }:
                logger.LogCritical("Telegram từ chối token (401 Unauthorized): hãy kiểm tra Telegram:BotToken.");
                break;
            case ApiRequestException { ErrorCode: 409 }:
                logger.LogError("Telegram báo xung đột (409): có một phiên bot khác đang nhận tin, hoặc đang đặt webhook. {Error}", message);
                break;
            default:
                logger.LogWarning("Nhận tin Telegram thất bại (lần {Failures} liên tiếp), sẽ thử lại sau {Delay}: {Error}",
                    failures, TelegramBotSetup.Backoff(failures), message);
                break;
        }
    }

    private async Task<bool> BackOffAsync(int failures, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TelegramBotSetup.Backoff(failures), time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Tells Telegram the handled updates are done, so they are not handed out again.</summary>
    private async Task ConfirmAsync(int? offset)
    {
        if (offset is null)
        {
            return;
        }

        try
        {
            // The short client: this must not hold up shutdown for a long poll.
            await api.Client.GetUpdates(offset, 1, 0, AllowedUpdates, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogInformation("Không xác nhận được các cập nhật đã xử lý khi dừng (bot sẽ bỏ qua chúng khi chạy lại): {Error}", api.Redact(ex.Message));
        }
    }
}
