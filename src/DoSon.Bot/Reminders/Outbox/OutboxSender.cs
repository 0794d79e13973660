using DoSon.Bot.Channels;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DoSon.Bot.Reminders.Outbox;

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

public sealed record DeliveryOutcome(DeliveryStatus Status, int Attempts, SentMessage? Sent, string? Error);

/// <summary>The one sender of one chat platform: every message to that platform passes through it,
/// so the platform's limits hold however many reminders fall due at once. Transient failures are
/// retried with exponential back-off and jitter; a "too many requests" answer is waited out exactly
/// as long as the platform asked, and holds back every other message too (Telegram's flood control
/// is per bot). The channel is the only platform-specific part.</summary>
public sealed class OutboxSender : IDisposable
{
    private readonly IChatChannel _channel;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboxLimiter _limiter;
    private readonly ResiliencePipeline _pipeline;

    public OutboxSender(IChatChannel channel, OutboxOptions options, TimeProvider time, ILogger logger, Func<double>? randomizer = null)
    {
        _channel = channel;
        _time = time;
        _logger = logger;
        _limiter = new OutboxLimiter(time, options.PerSecond, options.PerChatPerSecond, options.PerGroupPerMinute,
            TimeSpan.FromMilliseconds(options.SafetyMarginMilliseconds));
        _pipeline = BuildPipeline(options, time, randomizer);
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

    /// <summary>Sends one message within the limits, retrying as the policy says. Never throws
    /// for a delivery problem: the outcome says what happened.</summary>
    public async Task<DeliveryOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MessageKey, message);
        try
        {
            var sent = await _pipeline.ExecuteAsync(async (ctx, state) =>
            {
                using (await state.Limiter.AcquireAsync(state.Message.ChatId, ctx.CancellationToken).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref attempts);
                    return await state.Channel.SendAsync(state.Message, ctx.CancellationToken).ConfigureAwait(false);
                }
            }, context, (Limiter: _limiter, Channel: _channel, Message: message)).ConfigureAwait(false);
            return new DeliveryOutcome(DeliveryStatus.Sent, attempts, sent, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(DeliveryStatus.Cancelled, attempts, null, null);
        }
        catch (DeliveryFailedException ex) when (ex.Kind == DeliveryFailureKind.Blocked)
        {
            return new DeliveryOutcome(DeliveryStatus.Blocked, attempts, null, ex.Message);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Bỏ cuộc gửi tin qua {Channel} tới {Chat} sau {Attempts} lần thử.", _channel.Name, message.ChatId, attempts);
            return new DeliveryOutcome(DeliveryStatus.Failed, attempts, null, ex.Message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
