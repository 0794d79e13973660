namespace DoSon.Bot.Channels;

/// <summary>Buffers every request body before it is sent, so that each request carries a
/// Content-Length. Telegram.Bot 22 (and HttpClient's JsonContent, which the Zalo client posts) send
/// bodies chunked (Transfer-Encoding: chunked); api.telegram.org takes that, but the self-hosted
/// telegram-bot-api server answers a chunked body with an empty 400 (go-telegram/bot issue 285). The
/// bodies are small (a message, a report file of a few hundred kB), so holding one in memory is cheap.</summary>
public sealed class BufferedContentHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && content.Headers.ContentLength is null)
        {
            // A fresh ByteArrayContent rather than LoadIntoBufferAsync: its length is known for certain,
            // whatever the original content's TryComputeLength says after buffering.
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            var buffered = new ByteArrayContent(bytes);
            foreach (var header in content.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            buffered.Headers.ContentLength = bytes.Length;
            request.Content = buffered;
            content.Dispose();
        }

        request.Headers.TransferEncodingChunked = false;
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>The handler the bot's HttpClients use: buffering over a pooled SocketsHttpHandler
    /// whose connections are renewed every few minutes (DNS changes are picked up).</summary>
    public static BufferedContentHandler OverSockets() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) });
}
