using System.Collections.Concurrent;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Outbox;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

/// <summary>Turns the reminders due for one member into one message, gives it to the platform's
/// sender, and records the outcome. A reminder is marked sent only once the platform accepted it;
/// while it is in flight this process will not pick it up again, and if the process dies first it is
/// still pending in the store and goes out (late) at the next start.</summary>
public sealed class ReminderDispatcher(
    IBotStore store,
    IReminderStore reminders,
    IInviteStore invites,
    ChatOutbox outbox,
    ICurrentTaskStore currentTasks,
    ReminderScheduler scheduler,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderDispatcher> logger,
    IReminderClaims? claims = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _activeGate = new();
    private int _active;
    private TaskCompletionSource _idle = Completed();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ReminderPolicy _policy = ReminderPolicy.From(options.Value);

    /// <summary>Raised after the outcome of a message is recorded (tests and logs).</summary>
    public event Action<string, DeliveryOutcome>? Delivered;

    public int InFlight => _inFlight.Count;

    public async Task DispatchAsync(string memberCode, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var claimed = (await reminders.GetDueAsync(memberCode, upTo, cancellationToken)).Where(r => _inFlight.TryAdd(r.Key, 0)).ToList();
        // Read again once claimed: a delivery that finished between the read and the claim has
        // already marked its reminders sent, and they must not go out a second time.
        var due = claims is null ? await StillPendingAsync(claimed, cancellationToken) : await ClaimedAsync(memberCode, claimed, cancellationToken);

        Release(claimed.Except(due).Select(r => r.Key));
        if (due.Count == 0)
        {
            return;
        }

        var keys = due.Select(r => r.Key).ToList();
        var handedOver = false;
        try
        {
            var now = time.GetUtcNow();
            var member = await store.FindMemberAsync(memberCode, cancellationToken);
            if (member is null)
            {
                await reminders.CompleteAsync(keys, ReminderState.Cancelled, now, "Thành viên không còn trong danh sách.", cancellationToken: cancellationToken);
                return;
            }

            if (member.Unreachable)
            {
                await reminders.CompleteAsync(keys, ReminderState.Skipped, now, "Thành viên đã chặn bot; chờ liên kết lại.", cancellationToken: cancellationToken);
                return;
            }

            // Only what this message needs: reading every task for every message would make a burst of
            // N reminders cost N x all tasks. Milestone countdowns and digests list tasks beyond their own.
            var needsAll = due.Any(r => r.Kind is ReminderKind.Milestone or ReminderKind.Digest);
            var tasks = (needsAll
                    ? await store.GetTasksAsync(cancellationToken)
                    : await store.GetTasksAsync([.. due.Select(r => r.TaskCode).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)], cancellationToken))
                .ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
            // A task finished since the plan was made: its reminders have nothing left to say.
            var finished = due.Where(r => r.TaskCode is { } c && (!tasks.TryGetValue(c, out var t) || t.IsDone)).ToList();
            if (finished.Count > 0)
            {
                await reminders.CompleteAsync([.. finished.Select(r => r.Key)], ReminderState.Cancelled, now, "Nhiệm vụ đã hoàn thành.", cancellationToken: cancellationToken);
                due = [.. due.Except(finished)];
                if (due.Count == 0)
                {
                    return;
                }
            }

            var liveKeys = due.Select(r => r.Key).ToList();
            var route = outbox.Route(member);
            if (route is null)
            {
                await reminders.CompleteAsync(liveKeys, ReminderState.Skipped, now, "Thành viên chưa liên kết nền tảng trò chuyện nào.", cancellationToken: cancellationToken);
                logger.LogWarning("Bỏ qua {Count} nhắc việc của {Member}: chưa liên kết nền tảng trò chuyện.", liveKeys.Count, member.Code);
                if (due.Any(r => r.Kind != ReminderKind.Notice))
                {
                    var channels = string.Join(" hoặc ", outbox.Senders.Select(s => s.Channel.Name).DefaultIfEmpty("Telegram/Zalo"));
                    await TellAdminsAsync($"nochat-{member.Code}-{WardClock.Today(time).DayNumber}", ReminderTexts.NoChat(member, channels), member.Code);
                }

                return;
            }

            var composed = ReminderMessage.Compose(member, due, tasks,
                due.Any(r => r.Kind == ReminderKind.Milestone) ? await store.GetMilestonesAsync(cancellationToken) : [],
                due.Any(r => r.Kind == ReminderKind.Escalation) ? await store.GetMembersAsync(cancellationToken) : [],
                WardClock.Today(time), options.Value.Digest.DaysAhead, await AdminFactsAsync(member, due, now));
            if (composed is null)
            {
                await reminders.CompleteAsync(liveKeys, ReminderState.Skipped, now, "Không có gì cần nhắc.", cancellationToken: cancellationToken);
                return;
            }

            var (sender, chatId) = route.Value;
            var message = new OutgoingMessage(chatId, composed.Reply, composed.TaskCodes);
            // Counted before it starts, so that WhenIdleAsync never misses a delivery that finishes fast.
            Begin();
            handedOver = true;
            _ = DeliverAsync(sender, message, member, due, liveKeys);
            return;
        }
        finally
        {
            if (!handedOver)
            {
                Release(keys);
                await GiveBackAsync(keys);
            }
        }
    }

    private async Task<List<Reminder>> StillPendingAsync(List<Reminder> claimed, CancellationToken cancellationToken)
    {
        var due = new List<Reminder>();
        foreach (var r in claimed)
        {
            if ((await reminders.FindReminderAsync(r.Key, cancellationToken))?.State == ReminderState.Pending)
            {
                due.Add(r);
            }
        }

        return due;
    }

    /// <summary>Several instances on one ward (Cluster:Enabled): the claim in the database decides, in
    /// one statement, which instance sends; what another instance holds is tried again when its claim
    /// runs out (it is sent then only if that instance never recorded it).</summary>
    private async Task<List<Reminder>> ClaimedAsync(string memberCode, List<Reminder> candidates, CancellationToken cancellationToken)
    {
        var result = await claims!.ClaimAsync([.. candidates.Select(r => r.Key)], cancellationToken);
        if (result.HeldElsewhereUntil is { } until)
        {
            _ = ScheduleAsync(new ReminderSlot(memberCode, until));
        }

        return [.. candidates.Where(r => result.Claimed.Contains(r.Key))];
    }

    /// <summary>Claims of reminders not handed to the platform: given back so that they go out at once
    /// from whichever instance is active, instead of after the claim runs out.</summary>
    private async Task GiveBackAsync(IReadOnlyCollection<string> keys)
    {
        if (claims is null)
        {
            return;
        }

        try
        {
            await claims.ReleaseAsync(keys, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Không trả lại được {Count} nhắc việc đã nhận gửi ({Error}); chúng được gửi khi hết hạn nhận.", keys.Count, ex.Message);
        }
    }

    private async Task DeliverAsync(OutboxSender sender, OutgoingMessage message, Member member, IReadOnlyList<Reminder> due, IReadOnlyList<string> keys)
    {
        DeliveryOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(message, _stopping.Token).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var channel = sender.Channel.Name;
            switch (outcome.Status)
            {
                case DeliveryStatus.Sent:
                    await reminders.CompleteAsync(keys, ReminderState.Sent, now, null, outcome.Attempts, channel);
                    if (message.TaskCodes is { Count: > 0 } codes)
                    {
                        // What the member answers next ("xong", "2 xong") is about these tasks, in this order.
                        await currentTasks.SetCurrentTasksAsync(new CurrentTasks(member.Code, codes, now));
                    }

                    break;
                case DeliveryStatus.Cancelled:
                    // Still pending in the store: the next start sends it late, within the catch-up window.
                    await GiveBackAsync(keys);
                    break;
                case DeliveryStatus.Blocked:
                    await reminders.CompleteAsync(keys, ReminderState.Failed, now, "Người nhận đã chặn bot.", outcome.Attempts, channel);
                    await store.SetUnreachableAsync(member.Code, true);
                    logger.LogWarning("{Member} đã chặn bot trên {Channel}: đánh dấu không liên lạc được.", member.Code, channel);
                    await TellAdminsAsync($"blocked-{member.Code}-{WardClock.Today(time).DayNumber}", ReminderTexts.Blocked(member, channel), member.Code);
                    break;
                default:
                    await reminders.CompleteAsync(keys, ReminderState.Failed, now, outcome.Error, outcome.Attempts, channel);
                    if (due.Any(r => r.Kind != ReminderKind.Notice))
                    {
                        await TellAdminsAsync($"failed-{member.Code}-{now.UtcTicks}", ReminderTexts.Failed(member, channel, outcome.Attempts, outcome.Error), member.Code);
                    }

                    break;
            }
        }
        catch (Exception ex)
        {
            // Recording the outcome failed (e.g. the database is closing): the reminders stay pending.
            logger.LogError(ex, "Không ghi được kết quả gửi nhắc việc cho {Member}.", member.Code);
            outcome = new DeliveryOutcome(DeliveryStatus.Failed, 0, null, ex.Message);
        }
        finally
        {
            Release(keys);
        }

        try
        {
            Delivered?.Invoke(member.Code, outcome);
        }
        finally
        {
            End();
        }
    }

    private static TaskCompletionSource Completed()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }

    private void Begin()
    {
        lock (_activeGate)
        {
            if (_active++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void End()
    {
        lock (_activeGate)
        {
            if (--_active == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>What an admin's digest says besides delivery problems: accounts locked out for
    /// guessing invite codes over the last day (one line, however many).</summary>
    private async Task<IReadOnlyList<string>> AdminFactsAsync(Member member, IReadOnlyList<Reminder> due, DateTimeOffset now)
    {
        if (member.Role != MemberRole.Admin || !due.Any(r => r.Kind == ReminderKind.Digest))
        {
            return [];
        }

        var lockouts = await invites.CountInviteLockoutsAsync(now.AddDays(-1));
        return lockouts > 0 ? [ReminderTexts.InviteLockouts(lockouts)] : [];
    }

    /// <summary>A delivery problem the admins must know about: added to each admin's next digest, or
    /// (digests off) sent as a short message at the start of the next minute outside the quiet hours,
    /// so that a burst of problems arrives as one message. The id makes each notice once only.</summary>
    public async Task TellAdminsAsync(string id, string text, string? aboutMember = null)
    {
        var now = time.GetUtcNow();
        var at = _policy.DigestEnabled
            ? ReminderPlanner.NextDigestAt(_policy, now).At
            : _policy.OutOfQuietHours(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1));
        foreach (var admin in (await store.GetMembersAsync()).Where(m => m.Role == MemberRole.Admin && m.Code != aboutMember))
        {
            var added = await reminders.AddOneOffAsync(new PlannedReminder(ReminderKeys.Notice(admin.Code, id), ReminderKind.Notice,
                admin.Code, null, null, id, at, text));
            if (added)
            {
                _ = ScheduleAsync(new ReminderSlot(admin.Code, at));
            }
        }
    }

    private async Task ScheduleAsync(ReminderSlot slot)
    {
        try
        {
            await scheduler.AddAsync(slot, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the notice is pending in the store and is scheduled again at the next start.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Không lên lịch được thông báo cho quản trị viên {Member}.", slot.MemberCode);
        }
    }

    private void Release(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    /// <summary>Stops waiting for the platform's limits; messages not yet handed to the platform stay
    /// pending. Sends already under way are let finish so their outcome is recorded.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Dừng khi còn {Count} tin nhắc việc đang gửi; chúng sẽ được gửi bù lần chạy sau.", _active);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Waits until every message handed to the outbox has an outcome (tests, benchmark).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_activeGate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }
}
