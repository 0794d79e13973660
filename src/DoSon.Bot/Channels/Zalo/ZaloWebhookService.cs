using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DoSon.Bot.Hosting;
using DoSon.Bot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>Webhook mode, Zalo's production mode: the updates Zalo posts, taken on the web console's own
/// server (behind a reverse proxy that terminates HTTPS) at the path of Zalo:WebhookUrl. Anything
/// without the secret header is refused (401 without it, 403 with a wrong or empty one, compared in
/// constant time). Each chat's updates are handled one after another, different chats side by side
/// (<see cref="ChatTurns"/>). An update is answered 200 only once handled, so that Zalo delivers again
/// what the bot did not take; one delivered again, also after a restart, is answered 200 without being
/// handled twice (<see cref="HandledUpdates"/>). At start the webhook is set (setWebhook with the
/// secret); then Zalo is asked every <see cref="CheckEvery"/> how it stands (getWebhookInfo): its
/// answer is what /readyz counts as Zalo answering, and a webhook found changed or removed is set again.</summary>
public sealed class ZaloWebhookService(
    ZaloBotClient client,
    ZaloUpdateHandler handler,
    ZaloBotSetup setup,
    HandledUpdates handledUpdates,
    PlatformContact contact,
    IOptions<ZaloOptions> options,
    IOptions<ChatOptions> chatOptions,
    TimeProvider time,
    ILogger<ZaloWebhookService> logger) : IHostedService, IWebhookEndpoint, IAsyncDisposable
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    private readonly ChatTurns _turns = new(chatOptions.Value.MaxConcurrentChats);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _registration;

    public string Path => new Uri(options.Value.WebhookUrl!).AbsolutePath;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        contact.Expect("Zalo");
        _registration = KeepRegisteredAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task KeepRegisteredAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first call.
        await Task.Yield();
        var settings = options.Value;
        var registered = false;
        for (var failures = 1; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                if (registered)
                {
                    var info = await client.GetWebhookInfoAsync(stoppingToken);
                    contact.Answered("Zalo");
                    failures = 1;
                    if (!string.Equals(info.Url, settings.WebhookUrl, StringComparison.Ordinal))
                    {
                        logger.LogWarning("Webhook Zalo đã bị đổi hoặc xoá ở phía Zalo; đặt lại.");
                        registered = false;
                        continue;
                    }
                }
                else if (await setup.PrepareAsync(forWebhook: true, stoppingToken))
                {
                    await client.SetWebhookAsync(settings.WebhookUrl!, settings.WebhookSecret!, stoppingToken);
                    var info = await client.GetWebhookInfoAsync(stoppingToken);
                    contact.Answered("Zalo");
                    if (!string.Equals(info.Url, settings.WebhookUrl, StringComparison.Ordinal))
                    {
                        throw new ZaloApiException(null, "getWebhookInfo không trả lại địa chỉ webhook vừa đặt.");
                    }

                    logger.LogInformation("Đã đặt webhook Zalo; nhận cập nhật tại đường dẫn {Path} của máy chủ web.", Path);
                    registered = true;
                    failures = 1;
                }
                else
                {
                    failures++;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (registered)
                {
                    logger.LogWarning("Không hỏi được Zalo về webhook, sẽ thử lại: {Error}", Redact(ex.Message));
                }
                else
                {
                    logger.LogWarning("Chưa đặt được webhook Zalo, sẽ thử lại: {Error}", Redact(ex.Message));
                }

                failures++;
            }

            try
            {
                await Task.Delay(registered ? CheckEvery : RetryBackoff.After(failures), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(SecretHeader, out var given))
        {
            return Results.Unauthorized();
        }

        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret!);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), expected))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        ZaloUpdate update;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            update = ZaloUpdate.Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update.Message?.MessageId is { Length: > 0 } messageId)
        {
            await handledUpdates.HandleOnceAsync(ZaloChannel.ChannelName, messageId, () => HandleAsync(update));
        }
        else
        {
            await HandleAsync(update);
        }

        return Results.Ok();
    }

    private Task HandleAsync(ZaloUpdate update) =>
        _turns.RunAsync(ZaloPollingService.ChatKey(update), async () =>
        {
            try
            {
                // Not cancelled by a dropped connection: an update half handled would be neither done nor repeated.
                await handler.HandleAsync(update, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError("Lỗi khi xử lý tin nhắn Zalo {MessageId}; bỏ qua: {Error}", update.Message?.MessageId, Redact(ex.ToString()));
            }
        });

    /// <summary>Neither the token nor the webhook's secret goes to the log.</summary>
    private string Redact(string text) =>
        client.Redact(text).Replace(options.Value.WebhookSecret!, "<secret>", StringComparison.Ordinal);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_registration is not null)
        {
            await _registration;
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        _turns.Dispose();
        return ValueTask.CompletedTask;
    }
}
