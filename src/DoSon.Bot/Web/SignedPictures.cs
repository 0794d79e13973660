using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DoSon.Bot.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Web;

/// <summary>Pictures (the /tongquan chart) served for Zalo to fetch: kept in memory for
/// <see cref="Lifetime"/>, at /anh/{id}.png?het={expiry, Unix seconds}&amp;ky={HMAC-SHA256 over the path
/// and the expiry}. A wrong or expired signature gets 403, so an address that leaked stops working within
/// minutes. The key is random per process: the pictures live only in this process's memory anyway.</summary>
public sealed class SignedPictures(IOptions<WebOptions> options, TimeProvider time) : IPublicPictures
{
    public const string Route = "/anh/{id}.png";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (byte[] Png, DateTimeOffset Expires)> _pictures = new(StringComparer.Ordinal);

    public string? Publish(ReplyPicture picture)
    {
        var settings = options.Value;
        if (!settings.Enabled || string.IsNullOrWhiteSpace(settings.PublicUrl))
        {
            return null;
        }

        var now = time.GetUtcNow();
        foreach (var (old, entry) in _pictures)
        {
            if (entry.Expires <= now)
            {
                _pictures.TryRemove(old, out _);
            }
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = now + Lifetime;
        _pictures[id] = (picture.Png, expires);
        var path = PathOf(id);
        var het = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{settings.PublicUrl.TrimEnd('/')}{path}?het={het}&ky={Sign(path, het)}";
    }

    /// <summary>The picture when the signature is right and not expired; 403 otherwise, 404 when gone.</summary>
    public IResult Serve(string id, string? het, string? ky)
    {
        var path = PathOf(id);
        if (string.IsNullOrEmpty(het) || string.IsNullOrEmpty(ky)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(path, het)), Encoding.ASCII.GetBytes(ky))
            || !long.TryParse(het, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || time.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds())))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return _pictures.TryGetValue(id, out var entry) ? Results.Bytes(entry.Png, "image/png") : Results.NotFound();
    }

    private static string PathOf(string id) => "/anh/" + id + ".png";

    private string Sign(string path, string het) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(path + "?het=" + het)));
}
