using Microsoft.Extensions.Options;

namespace DoSon.Bot.Web;

public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Whether the bot serves its web console (Trang quản trị).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the console listens, one or more http(s) addresses separated by ';'. Behind a
    /// reverse proxy that terminates HTTPS it stays on 127.0.0.1.</summary>
    public string ListenUrls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The address people open, used in the links the bot sends (e.g. https://dieuhanh.doson.vn);
    /// empty: the first listen address.</summary>
    public string? PublicUrl { get; set; }

    public IReadOnlyList<string> ListenAddresses =>
        ListenUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Checks the Web settings at start; each message names its key.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.ListenAddresses.Count == 0 || options.ListenAddresses.Any(a => !IsHttpUrl(a.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal))))
        {
            failures.Add(WebTexts.BadListenUrls);
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !IsHttpUrl(options.PublicUrl))
        {
            failures.Add(WebTexts.BadPublicUrl);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
