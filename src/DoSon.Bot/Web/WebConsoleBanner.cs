using DoSon.Bot.Channels.Console;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Web;

/// <summary>Once the server listens, says where. On the embedded defaults (no chat token: the terminal
/// chat) it also prints a sign-in link for Console:Member, so a fresh clone opens its dashboard at once.</summary>
internal sealed class WebConsoleBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    WebLoginLinks links,
    IBotStore store,
    IConfiguration configuration,
    IOptions<ConsoleChatOptions> console,
    ConsoleIo io,
    ILogger<WebConsoleBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    private async Task AnnounceAsync()
    {
        try
        {
            // With port 0 (tests) the real address is known only now.
            var address = links.PublicUrl;
            logger.LogInformation("Trang quản trị lắng nghe tại {Addresses}.", string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
            if (DoSonBotHostingExtensions.HasChatToken(configuration) || await store.FindMemberAsync(console.Value.Member) is not { } member)
            {
                return;
            }

            var link = await links.CreateAsync(member.Code);
            io.WriteBlock(WebTexts.ConsoleBanner(address, member.Code, link, WebLoginLinks.LifetimeMinutes));
        }
        catch (Exception ex)
        {
            logger.LogWarning("Chưa in được địa chỉ trang quản trị: {Error}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
