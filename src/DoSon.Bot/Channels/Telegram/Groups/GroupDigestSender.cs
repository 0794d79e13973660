using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.Channels.Telegram.Groups;

/// <summary>Sends the ward digest to every registered group through the outbox's background lane, which
/// keeps Telegram's 20 messages a minute into one group, waits out a 429 with everything else and
/// resumes a long digest at the first part not yet sent. A group that removed the bot (403) is
/// unregistered. Called by the scheduler (daily and weekly).</summary>
public sealed class GroupDigestSender(
    ITelegramStore groups,
    IBotStore store,
    TelegramOutbox outbox,
    TimeProvider time,
    ILogger<GroupDigestSender> logger) : IGroupDigestSender, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Returns how many groups received the whole digest.</summary>
    public Task<int> SendAsync(DigestKind kind, CancellationToken cancellationToken) =>
        SendAsync(kind, _ => true, _ => Task.CompletedTask, cancellationToken);

    /// <summary>Sends to the registered groups <paramref name="include"/> accepts and tells
    /// <paramref name="delivered"/> of each group as soon as it has the whole digest (the scheduler
    /// records it, so a restart does not send it again). Returns how many groups received it.</summary>
    public async Task<int> SendAsync(DigestKind kind, Func<TelegramGroup, bool> include, Func<TelegramGroup, Task> delivered, CancellationToken cancellationToken)
    {
        var tasks = await store.GetTasksAsync(cancellationToken);
        // The weekly digest reads the history of finished tasks only (when they were finished).
        var history = await store.GetHistoriesAsync(kind == DigestKind.Weekly ? tasks.Where(t => t.IsDone) : [], cancellationToken);
        var text = WardDigest.Build(tasks, WardClock.Today(time), kind, history);
        var count = 0;
        await _one.WaitAsync(cancellationToken);
        try
        {
            foreach (var group in (await groups.GetGroupsAsync(cancellationToken)).Where(include))
            {
                if (await SendToGroupAsync(group, text, cancellationToken))
                {
                    await delivered(group);
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
        var outcome = await outbox.SendAsync(group.ChatId, Reply.Say(text), null, null, OutboxLane.Background, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        switch (outcome.Status)
        {
            case DeliveryStatus.Sent:
                return true;
            case DeliveryStatus.Blocked:
                await groups.UnregisterGroupAsync(group.ChatId, cancellationToken);
                logger.LogWarning("Nhóm {Group} ({Title}) đã chặn hoặc mời bot ra; đã hủy đăng ký nhận báo cáo: {Error}", group.ChatId, group.Title, outcome.Error);
                return false;
            default:
                logger.LogWarning("Không gửi được báo cáo tổng hợp tới nhóm {Group} ({Title}): {Error}", group.ChatId, group.Title, outcome.Error);
                return false;
        }
    }

    public void Dispose() => _one.Dispose();
}
