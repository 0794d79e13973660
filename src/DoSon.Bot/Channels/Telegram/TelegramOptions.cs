using System.Text.RegularExpressions;
using DoSon.Bot.Web;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The token from @BotFather (123456:ABC...). When set, the bot chats on Telegram instead
    /// of the terminal. Keep it in the environment (Telegram__BotToken), never in a file in git.</summary>
    public string? BotToken { get; set; }

    /// <summary>Another Bot API server (a local telegram-bot-api, or a test server); empty: Telegram's.
    /// Only scheme, host and port are used.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The bot's @username for t.me links; empty: asked from Telegram (getMe).</summary>
    public string? BotUsername { get; set; }

    /// <summary>The public HTTPS address Telegram posts updates to; empty: long polling (the default).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Replaced by Web:ListenUrls: the webhook is taken on the web console's server. Kept only so
    /// that a setting left from before stops the start with a sentence saying what replaced it.</summary>
    public string? WebhookListenUrl { get; set; }

    /// <summary>How long one getUpdates call waits for news (seconds).</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>How long any other call to Telegram may take (seconds) before it counts as failed.</summary>
    public double RequestTimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);
}

/// <summary>Checks the Telegram settings at start. The messages name the key and never repeat the
/// token's value.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex UsernameShape();

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && TokenPlaceholder.IsPlaceholder(options.BotToken))
        {
            failures.Add(TelegramTexts.TokenNeverFilledIn);
        }
        else if (options.Enabled && !TokenShape().IsMatch(options.BotToken!.Trim()))
        {
            failures.Add("Telegram:BotToken không đúng dạng token của @BotFather (số:chuỗi ký tự, ví dụ 123456:ABC-DEF...). Hãy sao chép lại token từ @BotFather.");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl)
            && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) && (baseUri.Scheme == Uri.UriSchemeHttp || baseUri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add("Telegram:BaseUrl phải là địa chỉ http(s) đầy đủ của máy chủ Bot API, ví dụ http://localhost:8081 (để trống: máy chủ của Telegram).");
        }

        if (!string.IsNullOrWhiteSpace(options.BotUsername) && !UsernameShape().IsMatch(options.BotUsername.TrimStart('@')))
        {
            failures.Add("Telegram:BotUsername phải là tên bot trên Telegram (chữ, số, dấu gạch dưới), ví dụ DoSonBot.");
        }

        if (options.UsesWebhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Telegram:WebhookUrl phải là địa chỉ https đầy đủ mà Telegram gọi tới, ví dụ https://bot.example.vn/telegram/webhook.");
            }

            if (string.IsNullOrWhiteSpace(options.WebhookSecret) || !SecretShape().IsMatch(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret là bắt buộc khi dùng webhook: 1-256 ký tự gồm chữ không dấu, số, _ và -.");
            }

        }

        if (!string.IsNullOrWhiteSpace(options.WebhookListenUrl))
        {
            failures.Add(TelegramTexts.WebhookListenUrlReplaced);
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            failures.Add("Telegram:PollTimeoutSeconds phải từ 0 đến 50 giây.");
        }

        if (options.RequestTimeoutSeconds is < 0.1 or > 300)
        {
            failures.Add("Telegram:RequestTimeoutSeconds phải từ 0,1 đến 300 giây.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Webhook mode needs the bot's web server, where the webhook is taken.</summary>
public sealed class TelegramWebhookServerCheck(IOptions<WebOptions> web) : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        options.UsesWebhook && !web.Value.Enabled
            ? ValidateOptionsResult.Fail(TelegramTexts.WebhookNeedsWebServer)
            : ValidateOptionsResult.Success;
}
