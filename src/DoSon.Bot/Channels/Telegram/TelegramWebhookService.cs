using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using DoSon.Bot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Webhook mode: the updates Telegram posts, taken on the web console's own server (behind a
/// reverse proxy that terminates HTTPS) at the path of Telegram:WebhookUrl. Anything without the secret
/// header is refused (401 without it, 403 with a wrong one). As with polling, each chat's updates are
/// handled one after another and different chats side by side (<see cref="ChatTurns"/>, at most
/// <see cref="ChatOptions.MaxConcurrentChats"/> at once), so a slow or flooding chat holds up only itself.
/// An update is answered 200 only once handled, so that Telegram delivers again what the bot did not
/// take; an update delivered twice, also across a restart, is handled once (<see cref="HandledUpdates"/>). Once the webhook is set, Telegram is asked every
/// <see cref="CheckEvery"/> how the webhook stands (getWebhookInfo): its answer is what /readyz counts
/// as Telegram answering, and a webhook found changed or removed is set again.</summary>
public sealed class TelegramWebhookService(
    TelegramApi api,
    TelegramUpdateHandler handler,
    TelegramBotSetup setup,
    ITelegramStore store,
    HandledUpdates handledUpdates,
    PlatformContact contact,
    IOptions<TelegramOptions> options,
    IOptions<ChatOptions> chatOptions,
    TimeProvider time,
    ILogger<TelegramWebhookService> logger) : IHostedService, IWebhookEndpoint, IAsyncDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    private readonly ChatTurns _turns = new(chatOptions.Value.MaxConcurrentChats);
    private readonly SemaphoreSlim _saveGate = new(1, 1);
    private int _highestHandled = int.MinValue;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _registration;

    public string Path => new Uri(options.Value.WebhookUrl!).AbsolutePath;

    Task<IResult> IWebhookEndpoint.ReceiveAsync(HttpRequest request) => ReceiveAsync(request);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        contact.Expect(TelegramChannel.DisplayName);
        _registration = KeepRegisteredAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task KeepRegisteredAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var registered = false;
        for (var failures = 1; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                if (registered)
                {
                    var info = await api.Client.GetWebhookInfo(stoppingToken);
                    contact.Answered(TelegramChannel.DisplayName);
                    failures = 1;
                    if (!string.Equals(info.Url, settings.WebhookUrl, StringComparison.Ordinal))
                    {
                        logger.LogWarning("Webhook Telegram đã bị đổi hoặc xoá ở phía Telegram; đặt lại.");
                        registered = false;
                        continue;
                    }
                }
                else if (await setup.PrepareAsync(forPolling: false, stoppingToken))
                {
                    await api.Client.SetWebhook(settings.WebhookUrl!, allowedUpdates: TelegramPollingService.AllowedUpdates,
                        secretToken: settings.WebhookSecret, cancellationToken: stoppingToken);
                    contact.Answered(TelegramChannel.DisplayName);
                    logger.LogInformation("Đã đặt webhook Telegram; nhận cập nhật tại đường dẫn {Path} của máy chủ web.", Path);
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
                    logger.LogWarning("Không hỏi được Telegram về webhook, sẽ thử lại: {Error}", api.Redact(ex.Message));
                }
                else
                {
                    logger.LogWarning("Chưa đặt được webhook Telegram, sẽ thử lại: {Error}", api.Redact(ex.Message));
                }

                failures++;
            }

            try
            {
                await Task.Delay(registered ? CheckEvery : TelegramBotSetup.Backoff(failures), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var context = request.HttpContext;
        if (!context.Request.Headers.TryGetValue(SecretHeader, out var given) || string.IsNullOrEmpty(given))
        {
            return Results.Unauthorized();
        }

        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret!);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), expected))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        // An update delivered again (Telegram retries what it thinks was not taken) is answered 200
        // without being handled twice, also after a restart.
        await handledUpdates.HandleOnceAsync(TelegramChannel.ChannelName, update.Id.ToString(CultureInfo.InvariantCulture), () => HandleAsync(update));
        return Results.Ok();
    }

    private async Task HandleAsync(Update update)
    {
        await _turns.RunAsync(TelegramPollingService.ChatKey(update), async () =>
        {
            try
            {
                // Not cancelled by a dropped connection: an update half handled would be neither done nor repeated.
                await handler.HandleAsync(update, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError("Lỗi khi xử lý cập nhật Telegram {UpdateId}; bỏ qua: {Error}", update.Id, api.Redact(ex.ToString()));
            }
        });

        // Chats finish out of order: the saved id only moves forward. One save at a time, so that
        // an older id never overwrites a newer one (the store is awaited, so not inside a lock).
        await _saveGate.WaitAsync();
        try
        {
            if (update.Id > _highestHandled)
            {
                _highestHandled = update.Id;
                await store.SavePollStateAsync(new TelegramPollState(update.Id, time.GetUtcNow()));
            }
        }
        finally
        {
            _saveGate.Release();
        }
    }

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
        _saveGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
