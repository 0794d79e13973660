using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Channels.Telegram.Groups;

/// <summary>Sends the ward digest to every registered group, never more than 20 messages a minute into
/// one group (Telegram's limit): a long digest is split, and the parts beyond the limit wait on the
/// app's clock. A 429 is waited out; a group that removed the bot (403) is unregistered. Called by the
/// scheduler (daily and weekly).</summary>
public sealed class GroupDigestSender(
    ITelegramStore groups,
    IBotStore store,
    TelegramChannel channel,
    TimeProvider time,
    ILogger<GroupDigestSender> logger) : IDisposable
{
    public const int MessagesPerMinutePerGroup = 20;

    private const int Attempts = 5;

    private readonly Dictionary<long, Queue<DateTimeOffset>> _sent = [];
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Returns how many groups received the whole digest.</summary>
    public Task<int> SendAsync(DigestKind kind, CancellationToken cancellationToken) =>
        SendAsync(kind, _ => true, _ => { }, cancellationToken);

    /// <summary>Sends to the registered groups <paramref name="include"/> accepts and tells
    /// <paramref name="delivered"/> of each group as soon as it has the whole digest (the scheduler
    /// records it, so a restart does not send it again). Returns how many groups received it.</summary>
    public async Task<int> SendAsync(DigestKind kind, Func<TelegramGroup, bool> include, Action<TelegramGroup> delivered, CancellationToken cancellationToken)
    {
        var text = WardDigest.Build(store.GetTasks(), WardClock.Today(time), kind, store.GetHistory);
        var count = 0;
        await _one.WaitAsync(cancellationToken);
        try
        {
            foreach (var group in groups.GetGroups().Where(include))
            {
                if (await SendToGroupAsync(group, text, cancellationToken))
                {
                    delivered(group);
                    count++;
                }
            }
        }
        finally
        {
            _one.Release();
        }

        return count;
    }

    private async Task<bool> SendToGroupAsync(TelegramGroup group, string text, CancellationToken cancellationToken)
    {
        foreach (var part in TelegramFormat.Split(text))
        {
            for (var attempt = 1; ; attempt++)
            {
                await PaceAsync(group.ChatId, cancellationToken);
                try
                {
                    await channel.SendReplyAsync(group.ChatId, Reply.Say(part), null, null, cancellationToken);
                    break;
                }
                catch (DeliveryFailedException ex) when (ex.Kind == DeliveryFailureKind.RateLimited && attempt < Attempts)
                {
                    await Task.Delay(ex.RetryAfter ?? TelegramErrors.DefaultRetryAfter, time, cancellationToken);
                }
                catch (DeliveryFailedException ex) when (ex.Kind == DeliveryFailureKind.Blocked)
                {
                    groups.UnregisterGroup(group.ChatId);
                    logger.LogWarning("Nhóm {Group} ({Title}) đã chặn hoặc mời bot ra; đã hủy đăng ký nhận báo cáo: {Error}", group.ChatId, group.Title, ex.Message);
                    return false;
                }
                catch (DeliveryFailedException ex)
                {
                    logger.LogWarning("Không gửi được báo cáo tổng hợp tới nhóm {Group} ({Title}): {Kind} {Error}", group.ChatId, group.Title, ex.Kind, ex.Message);
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Waits until one more message fits in the group's last minute.</summary>
    private async Task PaceAsync(long chatId, CancellationToken cancellationToken)
    {
        if (!_sent.TryGetValue(chatId, out var window))
        {
            window = new Queue<DateTimeOffset>();
            _sent[chatId] = window;
        }

        while (true)
        {
            var now = time.GetUtcNow();
            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromMinutes(1))
            {
                window.Dequeue();
            }

            if (window.Count < MessagesPerMinutePerGroup)
            {
                window.Enqueue(now);
                return;
            }

            await Task.Delay(window.Peek() + TimeSpan.FromMinutes(1) - now, time, cancellationToken);
        }
    }

    public void Dispose() => _one.Dispose();
}
