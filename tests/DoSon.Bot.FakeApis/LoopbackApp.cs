using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DoSon.Bot.FakeApis;

/// <summary>Kestrel on 127.0.0.1, on a port the system picks, without logging: where each fake chat
/// platform listens. Every request goes to one handler that matches the path by hand, since ASP.NET
/// routing does not match a segment like "bot123456:ABC" (the ':').</summary>
internal static class LoopbackApp
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    /// <summary>Starts serving every request with <paramref name="handler"/>; returns http://127.0.0.1:port.</summary>
    public static async Task<string> StartAsync(WebApplication app, RequestDelegate handler)
    {
        app.Run(handler);
        await app.StartAsync();
        return app.Urls.First();
    }
}
