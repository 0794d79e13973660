using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Zalo;

public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    public const string DefaultBaseUrl = "https://bot-api.zaloplatforms.com";

    /// <summary>The Bot Token from Zalo Bot Manager ("{bot_id}:{secret}"). When set, the bot chats on
    /// Zalo (beside Telegram if that is set too). Keep it in the environment (Zalo__BotToken), never in
    /// a file in git.</summary>
    public string? BotToken { get; set; }

    /// <summary>Another Zalo Bot API server (a test server); empty: Zalo's.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long one getUpdates call waits for news (seconds).</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>How long any other call to Zalo may take (seconds) before it counts as failed.</summary>
    public double RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long to wait after Zalo answers 429 (quota exceeded): Zalo says no retry time of
    /// its own, unlike Telegram.</summary>
    public double RateLimitedWaitSeconds { get; set; } = 60;

    /// <summary>Messages per second to Zalo overall. Zalo publishes no limits: kept low by default.</summary>
    public int PerSecond { get; set; } = 5;

    /// <summary>Messages per second into one Zalo chat; 0: no limit per chat.</summary>
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Webhook mode, Zalo's production mode: the public https address Zalo posts updates to
    /// (served on the bot's web server, Web:ListenUrls, at this address's path, behind a reverse proxy).
    /// Empty: long polling with getUpdates (meant for development).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The secret Zalo sends back in the header X-Bot-Api-Secret-Token (8-256 characters).
    /// Keep it in the environment (Zalo__WebhookSecret).</summary>
    public string? WebhookSecret { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    public string EffectiveBaseUrl => string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl.Trim().TrimEnd('/');
}

/// <summary>Checks the Zalo settings at start. The messages name the key and never repeat the token's
/// value.</summary>
public sealed partial class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    /// <summary>Digits, a colon, then the secret; nothing that would change the URL it is put in.</summary>
    [GeneratedRegex(@"^\d{1,30}:[^\s/?#%:]{8,}$")]
    private static partial Regex TokenShape();

    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && TokenPlaceholder.IsPlaceholder(options.BotToken))
        {
            failures.Add(ZaloTexts.TokenNeverFilledIn);
        }
        else if (options.Enabled && !TokenShape().IsMatch(options.BotToken!.Trim()))
        {
            failures.Add("Zalo:BotToken không đúng dạng Bot Token của Zalo (mã bot:chuỗi bí mật, ví dụ 1234567890123456789:AbCdEf...). Hãy sao chép lại token mà Zalo Bot Manager đã gửi.");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl)
            && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) && (baseUri.Scheme == Uri.UriSchemeHttp || baseUri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"Zalo:BaseUrl phải là địa chỉ http(s) đầy đủ của máy chủ Zalo Bot API, ví dụ {ZaloOptions.DefaultBaseUrl} (để trống: máy chủ của Zalo).");
        }

        if (options.Enabled && options.UsesWebhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add(ZaloTexts.BadWebhookUrl);
            }

            if (options.WebhookSecret is not { Length: >= 8 and <= 256 } secret || secret.Any(c => c is <= ' ' or > '~'))
            {
                failures.Add(ZaloTexts.BadWebhookSecret);
            }
        }

        if (options.PollTimeoutSeconds is < 1 or > 60)
        {
            failures.Add("Zalo:PollTimeoutSeconds phải từ 1 đến 60 giây.");
        }

        if (options.RequestTimeoutSeconds is < 0.1 or > 300)
        {
            failures.Add("Zalo:RequestTimeoutSeconds phải từ 0,1 đến 300 giây.");
        }

        if (options.RateLimitedWaitSeconds is < 1 or > 3600)
        {
            failures.Add("Zalo:RateLimitedWaitSeconds phải từ 1 đến 3600 giây.");
        }

        if (options.PerSecond is < 1 or > 1000)
        {
            failures.Add("Zalo:PerSecond phải từ 1 đến 1000 (số tin mỗi giây gửi qua Zalo).");
        }

        if (options.PerChatPerSecond is < 0 or > 100)
        {
            failures.Add("Zalo:PerChatPerSecond phải từ 0 (không giới hạn) đến 100 (số tin mỗi giây vào một cuộc trò chuyện Zalo).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Webhook mode needs the bot's web server, where the webhook is taken.</summary>
public sealed class ZaloWebhookServerCheck(IOptions<DoSon.Bot.Web.WebOptions> web) : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options) =>
        options.Enabled && options.UsesWebhook && !web.Value.Enabled
            ? ValidateOptionsResult.Fail(ZaloTexts.WebhookNeedsWebServer)
            : ValidateOptionsResult.Success;
}
