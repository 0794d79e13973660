using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>The Telegram.Bot clients of the process. Two of them because Telegram.Bot's time-out is
/// the HttpClient's: a long poll must be allowed to wait PollTimeoutSeconds, while a message that
/// takes that long should count as failed. Both HttpClients are ours and log nothing: the request URL
/// contains the token, and the default HttpClient logging would write it to the log. Both buffer
/// request bodies (<see cref="BufferedContentHandler"/>): a self-hosted telegram-bot-api refuses the
/// chunked bodies Telegram.Bot sends otherwise.</summary>
public sealed class TelegramApi : IDisposable
{
    private readonly HttpClient _sendHttp;
    private readonly HttpClient _pollHttp;
    private readonly TelegramOptions _options;
    private string? _username;

    public TelegramApi(IOptions<TelegramOptions> options)
    {
        _options = options.Value;
        var clientOptions = new TelegramBotClientOptions(_options.BotToken!.Trim(), string.IsNullOrWhiteSpace(_options.BaseUrl) ? null : _options.BaseUrl)
        {
            // Telegram.Bot would otherwise sleep through a 429 itself (on the wall clock); the caller
            // decides when to try again (the outbox, or the answer loop with the app's clock).
            RetryThreshold = 0,
            RetryCount = 0,
        };
        BotId = clientOptions.BotId;
        _sendHttp = new HttpClient(BufferedContentHandler.OverSockets())
        {
            Timeout = TimeSpan.FromSeconds(_options.RequestTimeoutSeconds),
        };
        _pollHttp = new HttpClient(BufferedContentHandler.OverSockets())
        {
            Timeout = TimeSpan.FromSeconds(_options.PollTimeoutSeconds + 15),
        };
        Client = new TelegramBotClient(clientOptions, _sendHttp);
        Polling = new TelegramBotClient(clientOptions, _pollHttp);
        _username = string.IsNullOrWhiteSpace(_options.BotUsername) ? null : _options.BotUsername.Trim().TrimStart('@');
    }

    /// <summary>For sending, editing and every other short call.</summary>
    public ITelegramBotClient Client { get; }

    /// <summary>For getUpdates only.</summary>
    public ITelegramBotClient Polling { get; }

    public long BotId { get; }

    /// <summary>The username from Telegram:BotUsername, or else from getMe (asked once).</summary>
    public async ValueTask<string> GetUsernameAsync(CancellationToken cancellationToken)
    {
        if (_username is null)
        {
            var me = await Client.GetMe(cancellationToken);
            _username = me.Username ?? throw new InvalidOperationException("getMe did not return the bot's username.");
        }

        return _username;
    }

    /// <summary>The username if it is known already (setting or an earlier getMe), without a call.</summary>
    public string? KnownUsername => _username;

    /// <summary>Removes the token from a text (an exception message, a URL) before it is logged.</summary>
    public string Redact(string text) =>
        string.IsNullOrEmpty(_options.BotToken) ? text : text.Replace(_options.BotToken.Trim(), "<token>", StringComparison.Ordinal);

    public void Dispose()
    {
        _sendHttp.Dispose();
        _pollHttp.Dispose();
    }
}
