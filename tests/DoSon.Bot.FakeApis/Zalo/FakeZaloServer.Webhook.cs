using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DoSon.Bot.FakeApis.Zalo;

/// <summary>Webhook mode, Zalo's side: once the bot has called setWebhook, Zalo posts each update to
/// the webhook's address with the secret in the header X-Bot-Api-Secret-Token. The address a bot under
/// test gives is public (https, behind a proxy); the fake posts to the bot's own listener instead, at the
/// same path, as the proxy would.</summary>
public sealed partial class FakeZaloServer
{
    public const string WebhookSecretHeader = "X-Bot-Api-Secret-Token";

    private static readonly HttpClient WebhookHttp = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>A text message from a user, as an update to post (not queued for getUpdates).</summary>
    public JsonObject TextUpdate(string userId, string text, string? displayName = null)
    {
        lock (_gate)
        {
            return BuildUpdate(ZaloEventNames.Text, userId, displayName, null, m => m["text"] = text);
        }
    }

    /// <summary>A photo from a user, as an update to post.</summary>
    public JsonObject ImageUpdate(string userId, string? caption = null)
    {
        lock (_gate)
        {
            return BuildUpdate(ZaloEventNames.Image, userId, null, null, m =>
            {
                m["photo"] = "https://photo.example.test/" + userId + ".jpg";
                if (caption is not null)
                {
                    m["caption"] = caption;
                }
            });
        }
    }

    /// <summary>Posts <paramref name="update"/> to the bot listening at <paramref name="botBaseUrl"/>, at
    /// the path of the webhook set, with the webhook's secret (or with <paramref name="secret"/> when
    /// given: "" for an empty header); the HTTP status the bot answered.</summary>
    public Task<int> PostToWebhookAsync(string botBaseUrl, JsonObject update, string? secret = null) =>
        PostAsync(botBaseUrl, update, secret ?? (Webhook ?? throw new InvalidOperationException("No webhook is set.")).SecretToken, withHeader: true);

    /// <summary>Posts without the secret header (what a stranger would do).</summary>
    public Task<int> PostToWebhookWithoutSecretAsync(string botBaseUrl, JsonObject update) =>
        PostAsync(botBaseUrl, update, null, withHeader: false);

    private async Task<int> PostAsync(string botBaseUrl, JsonObject update, string? secret, bool withHeader)
    {
        var path = Webhook is { } hook ? new Uri(hook.Url).AbsolutePath : throw new InvalidOperationException("No webhook is set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, botBaseUrl.TrimEnd('/') + path)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (withHeader)
        {
            request.Headers.TryAddWithoutValidation(WebhookSecretHeader, secret);
        }

        using var response = await WebhookHttp.SendAsync(request);
        return (int)response.StatusCode;
    }
}
