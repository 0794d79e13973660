using DoSon.Bot.Messaging;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DoSon.Bot.Outbox;

public enum DeliveryStatus
{
    /// <summary>The platform accepted the message.</summary>
    Sent,
    /// <summary>Given up: retries exhausted, or a failure that retrying will not fix.</summary>
    Failed,
    /// <summary>The user blocked the bot (or never started it).</summary>
    Blocked,
    /// <summary>The bot is stopping; the message was not sent and stays pending.</summary>
    Cancelled,
}

public sealed record DeliveryOutcome(DeliveryStatus Status, int Attempts, SentMessage? Sent, string? Error)
{
    /// <summary>How many platform messages the message went out in (its parts).</summary>
    public int Parts { get; init; } = 1;

    /// <summary>How many of them the platform accepted, in order from the first.</summary>
    public int PartsSent { get; init; } = Status == DeliveryStatus.Sent ? 1 : 0;
}

/// <summary>The one sender of one chat platform: every message to that platform passes through it,
/// so the platform's limits hold however many reminders fall due at once. Transient failures are
/// retried with exponential back-off and jitter; a "too many requests" answer is waited out exactly
/// as long as the platform asked, and holds back every other message too (Telegram's flood control
/// is per bot). The channel is the only platform-specific part.
/// <para>Everything to the platform goes through here: answers and their follow-ups in the
/// interactive lane, reminders and digests in the background lane (<see cref="OutboxLane"/>). A long
/// message is one unit: its parts go out in order, each retried on its own, so after a 429 or a
/// failure the sender resumes at the first part not yet accepted and never sends a part twice. A part
/// whose answer was lost (a time-out after the platform took it) may still arrive twice: delivery is
/// at least once.</para></summary>
public sealed class OutboxSender : IDisposable
{
    private readonly IChatChannel _channel;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboxLimiter _limiter;
    private readonly ResiliencePipeline _pipeline;
    private readonly int _maxParts;

    public OutboxSender(IChatChannel channel, OutboxOptions options, TimeProvider time, ILogger logger, Func<double>? randomizer = null)
    {
        _channel = channel;
        _time = time;
        _logger = logger;
        _limiter = new OutboxLimiter(time, options.PerSecond, options.PerChatPerSecond, options.PerGroupPerMinute,
            TimeSpan.FromMilliseconds(options.SafetyMarginMilliseconds));
        _pipeline = BuildPipeline(options, time, randomizer);
        _maxParts = Math.Max(2, options.MaxParts);
    }

    public IChatChannel Channel => _channel;

    public OutboxLimiter Limiter => _limiter;

    /// <summary>Raised before each retry with the delay chosen (for logs and tests).</summary>
    public event Action<OutgoingMessage, int, TimeSpan, Exception?>? Retrying;

    private ResiliencePipeline BuildPipeline(OutboxOptions options, TimeProvider time, Func<double>? randomizer)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxTries <= 1)
        {
            return builder.Build();
        }

        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxTries - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(options.BaseDelaySeconds),
            MaxDelay = TimeSpan.FromSeconds(options.MaxDelaySeconds),
            ShouldHandle = new PredicateBuilder()
                .Handle<DeliveryFailedException>(e => e.Kind is DeliveryFailureKind.Transient or DeliveryFailureKind.RateLimited)
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>(),
            // The platform's retry_after is obeyed to the tick: no jitter, no back-off on top.
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                args.Outcome.Exception is DeliveryFailedException { Kind: DeliveryFailureKind.RateLimited, RetryAfter: { } after }
                    ? after
                    : null),
            OnRetry = args =>
            {
                var message = args.Context.Properties.GetValue(MessageKey, null!);
                if (args.Outcome.Exception is DeliveryFailedException { Kind: DeliveryFailureKind.RateLimited })
                {
                    _limiter.PauseUntil(_time.GetUtcNow() + args.RetryDelay);
                }

                _logger.LogWarning(args.Outcome.Exception,
                    "Gửi tin qua {Channel} tới {Chat} thất bại (lần {Attempt}); thử lại sau {Delay}.",
                    _channel.Name, message?.ChatId, args.AttemptNumber + 1, args.RetryDelay);
                Retrying?.Invoke(message!, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                return ValueTask.CompletedTask;
            },
        };
        if (randomizer is not null)
        {
            retry.Randomizer = randomizer;
        }

        return builder.AddRetry(retry).Build();
    }

    private static readonly ResiliencePropertyKey<OutgoingMessage> MessageKey = new("doson.message");

    /// <summary>Sends a message in the background lane (see the overload).</summary>
    public Task<DeliveryOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        SendAsync(message, OutboxLane.Background, cancellationToken);

    /// <summary>Sends a message, in as many parts as the channel needs (at most Outbox:MaxParts),
    /// within the limits, retrying each part as the policy says. Never throws for a delivery problem:
    /// the outcome says what happened. An interactive answer cut short by a part that finally failed
    /// is followed by a note saying so.</summary>
    public async Task<DeliveryOutcome> SendAsync(OutgoingMessage message, OutboxLane lane, CancellationToken cancellationToken)
    {
        var parts = Parts(message);
        var attempts = 0;
        SentMessage? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var (outcome, sent) = await ExecuteAsync(part, part.ChatId, lane,
                static (state, ct) => state.Channel.SendAsync(state.Part, ct), (Channel: _channel, Part: part), cancellationToken).ConfigureAwait(false);
            attempts += outcome.Attempts;
            if (outcome.Status != DeliveryStatus.Sent)
            {
                if (parts.Count > 1 && outcome.Status is DeliveryStatus.Failed)
                {
                    _logger.LogWarning("Tin {Parts} phần tới {Chat} qua {Channel} bị cắt ở phần {Part}: {Error}",
                        parts.Count, message.ChatId, _channel.Name, i + 1, outcome.Error);
                    if (lane == OutboxLane.Interactive)
                    {
                        var note = new OutgoingMessage(message.ChatId, Reply.Say(OutboxTexts.Cut(i + 1, parts.Count)));
                        await ExecuteAsync(note, note.ChatId, lane, static (state, ct) => state.Channel.SendAsync(state.Note, ct),
                            (Channel: _channel, Note: note), cancellationToken).ConfigureAwait(false);
                    }
                }

                return outcome with { Attempts = attempts, Parts = parts.Count, PartsSent = i };
            }

            last = sent;
        }

        return new DeliveryOutcome(DeliveryStatus.Sent, attempts, last, null) { Parts = parts.Count, PartsSent = parts.Count };
    }

    /// <summary>Any other call to the platform (an edit, a tap's answer, a document) under the same
    /// limits, pause and retries as the messages. <paramref name="chatKey"/> is the chat it counts
    /// against (one at a time per chat, in order); a key of its own counts only against the overall
    /// rate. The result is default unless the outcome is Sent.</summary>
    public Task<(DeliveryOutcome Outcome, T? Result)> RunAsync<T>(string chatKey, OutboxLane lane, string what,
        Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        ExecuteAsync(new OutgoingMessage(chatKey, Reply.Say(what)), chatKey, lane,
            static (state, ct) => state(ct), call, cancellationToken);

    /// <summary>The channel's parts, or when there are more than MaxParts, the first parts and a last
    /// one saying how to get the whole.</summary>
    private IReadOnlyList<OutgoingMessage> Parts(OutgoingMessage message)
    {
        var parts = _channel.Split(message);
        if (parts.Count <= _maxParts)
        {
            return parts;
        }

        var shown = _maxParts - 1;
        var text = string.Join("\n", parts.Take(shown).Select(p => p.Part?.Text ?? p.Content.Text))
            + "\n\n" + OutboxTexts.TooLong(shown, parts.Count, message.Content.Overflow);
        _logger.LogInformation("Tin tới {Chat} qua {Channel} dài {Parts} phần: chỉ gửi {Shown} phần đầu và lời chỉ dẫn.",
            message.ChatId, _channel.Name, parts.Count, shown);
        var shortened = _channel.Split(message with { Content = message.Content with { Text = text } });
        return shortened.Count <= _maxParts ? shortened : [.. shortened.Take(_maxParts)];
    }

    private async Task<(DeliveryOutcome Outcome, T? Result)> ExecuteAsync<T, TState>(OutgoingMessage message, string chatKey, OutboxLane lane,
        Func<TState, CancellationToken, Task<T>> call, TState state, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MessageKey, message);
        try
        {
            var result = await _pipeline.ExecuteAsync(async (ctx, s) =>
            {
                using (await s.Limiter.AcquireAsync(s.ChatKey, s.Lane, ctx.CancellationToken).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref attempts);
                    // Stopping cancels the waits, never a call under way: a call cancelled after the
                    // platform took the message would leave it pending, and the next start would send it
                    // again. The call is bounded by the client's own time-out.
                    return await s.Call(s.State, CancellationToken.None).ConfigureAwait(false);
                }
            }, context, (Limiter: _limiter, ChatKey: chatKey, Lane: lane, Call: call, State: state)).ConfigureAwait(false);
            var sent = result as SentMessage;
            return (new DeliveryOutcome(DeliveryStatus.Sent, attempts, sent, null), result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (new DeliveryOutcome(DeliveryStatus.Cancelled, attempts, null, null), default);
        }
        catch (DeliveryFailedException ex) when (ex.Kind == DeliveryFailureKind.Blocked)
        {
            return (new DeliveryOutcome(DeliveryStatus.Blocked, attempts, null, ex.Message), default);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Bỏ cuộc gửi tin qua {Channel} tới {Chat} sau {Attempts} lần thử.", _channel.Name, message.ChatId, attempts);
            return (new DeliveryOutcome(DeliveryStatus.Failed, attempts, null, ex.Message), default);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
