using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Long polling that loses nothing and does nothing twice, with chats handled side by side.
/// Updates are handled in <see cref="ChatPartitions{T}"/>: in order within a chat, up to
/// Chat:MaxConcurrentChats chats at once, at most Chat:MaxQueuedUpdates taken and not done.
/// <para>Telegram keeps an update until a later getUpdates confirms it with its offset, and an offset
/// confirms every update below it. So the offset moves only to a low-water mark: the highest update
/// id that is handled with every lower one it handed out handled too. Updates above the mark that
/// are already handled (a fast chat finishes before a slow one) are kept with the mark in the
/// database; Telegram hands them out again with the unfinished ones, and they are skipped, also after
/// a restart. Both are saved as each update finishes, so a crash repeats at most the updates whose
/// handling had finished but whose save had not. Telegram.Bot's own receiver is not used because it
/// moves the offset before the handler has finished.</para>
/// <para>Telegram hands out at most 100 updates from the offset, so the bot looks at most 100 updates
/// past the oldest one still under way: an update behind 100 others that are all still being handled
/// waits for the oldest of them. While every update Telegram hands out is already taken, it answers
/// at once, so the next poll waits for one to finish (or 0.75 s on the app's clock).</para>
/// <para>Errors back off on the app's clock; on shutdown the updates under way are finished (not
/// cancelled) and confirmed, and the ones still waiting are left unconfirmed for the next start.</para></summary>
public sealed class TelegramPollingService(
    TelegramApi api,
    TelegramUpdateHandler handler,
    TelegramBotSetup setup,
    ITelegramStore store,
    IOptions<TelegramOptions> options,
    IOptions<ChatOptions> chatOptions,
    TimeProvider time,
    PlatformContact contact,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>After a week without updates Telegram starts update ids afresh, so an older saved id
    /// says nothing about the new ones.</summary>
    private static readonly TimeSpan OffsetMemory = TimeSpan.FromDays(7);

    /// <summary>How long a poll that brought nothing new waits before asking again if nothing finishes
    /// (Telegram answers at once while anything is pending, so the wait is the bot's).</summary>
    private static readonly TimeSpan RepollAfter = TimeSpan.FromMilliseconds(750);

    private const int BatchSize = 100;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _saveGate = new(1, 1);

    private LowWaterMark _mark = new();

    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        contact.Expect(TelegramChannel.DisplayName);
        // Let the host finish starting (seeding first) before the first call.
        await Task.Yield();
        if (await store.GetPollStateAsync(stoppingToken) is { } saved && time.GetUtcNow() - saved.At < OffsetMemory)
        {
            lock (_gate)
            {
                _mark = new LowWaterMark(saved.LastUpdateId, saved.HandledAbove);
            }
        }

        using var partitions = new ChatPartitions<Update>(chatOptions.Value.MaxConcurrentChats, chatOptions.Value.MaxQueuedUpdates,
            HandleOneAsync, (update, ex) => logger.LogError("Lỗi khi ghi nhận cập nhật Telegram {UpdateId}: {Error}", update.Id, api.Redact(ex.ToString())));
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
            Task progress;
            int? offset;
            lock (_gate)
            {
                progress = _progress.Task;
                offset = _mark.Mark is { } mark ? (int)(mark + 1) : null;
            }

            try
            {
                updates = await api.Polling.GetUpdates(offset, BatchSize, options.Value.PollTimeoutSeconds, AllowedUpdates, stoppingToken);
                failures = 0;
                contact.Answered(TelegramChannel.DisplayName);
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

            var fresh = Take(updates);
            if (fresh.Count == 0 && updates.Length > 0)
            {
                if (!await WaitForProgressAsync(progress, stoppingToken))
                {
                    break;
                }

                continue;
            }

            try
            {
                foreach (var update in fresh)
                {
                    await partitions.EnqueueAsync(ChatKey(update), update, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The update waiting for room stays outstanding: Telegram hands it out again.
                break;
            }
        }

        // The waiting ones are set aside at once (inside StopAsync's first step): only those under way go on.
        var stopping = partitions.StopAsync(finishQueued: false);
        logger.LogInformation("Dừng nhận tin Telegram: chờ {Running} cập nhật đang xử lý xong.", partitions.Running);
        var left = await stopping;
        if (left.Count > 0)
        {
            logger.LogInformation("Dừng với {Count} cập nhật Telegram chưa xử lý; Telegram sẽ gửi lại chúng khi bot chạy lại.", left.Count);
        }

        int? confirm;
        lock (_gate)
        {
            confirm = _mark.Mark is { } mark ? (int)(mark + 1) : null;
        }

        await ConfirmAsync(confirm);
    }

    /// <summary>The chat an update belongs to: its updates are handled one after another.</summary>
    public static string ChatKey(Update update)
    {
        var chat = update switch
        {
            { Message: { } message } => message.Chat.Id,
            { CallbackQuery: { } query } => query.Message?.Chat.Id ?? query.From.Id,
            { MyChatMember: { } change } => change.Chat.Id,
            _ => 0,
        };
        return chat.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The updates not seen before, in order, now counted as outstanding.</summary>
    private List<Update> Take(Update[] updates)
    {
        var fresh = new List<Update>();
        lock (_gate)
        {
            var ids = _mark.TakeBatch(updates.Select(u => (long)u.Id)).ToHashSet();
            fresh.AddRange(updates.Where(u => ids.Remove(u.Id)).OrderBy(u => u.Id));
        }

        return fresh;
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

        await FinishedAsync(update.Id);
    }

    private async Task FinishedAsync(long updateId)
    {
        // One save at a time, in the order the states were taken, so that an older state never
        // overwrites a newer one (the store is awaited, so not inside the lock).
        await _saveGate.WaitAsync();
        try
        {
            TelegramPollState state;
            lock (_gate)
            {
                _mark.Finish(updateId);
                state = new TelegramPollState(_mark.Mark!.Value, time.GetUtcNow()) { HandledAbove = _mark.HandledAbove };
            }

            try
            {
                await store.SavePollStateAsync(state);
            }
            finally
            {
                lock (_gate)
                {
                    _progress.TrySetResult();
                    _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        finally
        {
            _saveGate.Release();
        }
    }

    private async Task<bool> WaitForProgressAsync(Task progress, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(RepollAfter, time, wait.Token);
        await Task.WhenAny(progress, delay);
        await wait.CancelAsync();
        return !stoppingToken.IsCancellationRequested;
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
