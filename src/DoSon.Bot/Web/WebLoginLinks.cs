using System.Security.Cryptography;
using System.Text;
using DoSon.Bot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Web;

/// <summary>Makes and checks the one-time sign-in links /web sends: 32 random bytes, shown once in the
/// chat; only their SHA-256 is stored. Expiry is on the app's clock (TimeProvider), like every deadline.</summary>
public sealed class WebLoginLinks(IWebLoginStore store, IOptions<WebOptions> options, TimeProvider time, IServiceProvider services)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const string SignInPath = "/dang-nhap";

    public static int LifetimeMinutes => (int)Lifetime.TotalMinutes;

    /// <summary>Whether the console is served (the /web command says so when it is not).</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>The address people open: Web:PublicUrl, or the first address the server listens on
    /// (the real port when 0 was asked for), or the first listen setting before it listens.</summary>
    public string PublicUrl
    {
        get
        {
            var settings = options.Value;
            var url = !string.IsNullOrWhiteSpace(settings.PublicUrl) ? settings.PublicUrl
                : services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                  ?? (settings.ListenAddresses.Count > 0 ? settings.ListenAddresses[0] : "");
            return url.TrimEnd('/');
        }
    }

    /// <summary>A new link for the member, valid <see cref="Lifetime"/> from now, under <paramref name="baseUrl"/>
    /// (default: <see cref="PublicUrl"/>).</summary>
    public async Task<string> CreateAsync(string memberCode, string? baseUrl = null, CancellationToken cancellationToken = default)
    {
        var token = NewToken();
        var now = time.GetUtcNow();
        await store.CreateWebLoginAsync(Hash(token), memberCode, now, now + Lifetime, cancellationToken);
        return $"{(baseUrl ?? PublicUrl).TrimEnd('/')}{SignInPath}/{token}";
    }

    public Task<WebLoginOutcome> RedeemAsync(string token, CancellationToken cancellationToken = default) =>
        store.RedeemWebLoginAsync(Hash(token), time.GetUtcNow(), cancellationToken);

    /// <summary>32 random bytes, URL-safe: for sign-in links and calendar feed addresses.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
