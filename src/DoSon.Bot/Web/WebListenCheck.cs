using System.Net;
using System.Net.Sockets;
using DoSon.Bot.Hosting;

namespace DoSon.Bot.Web;

/// <summary>Tries each listen address before the host starts, so that an address already in use is one
/// Vietnamese sentence and an exit code rather than the host's logged stack trace (Kestrel would fail
/// the start the same way a moment later).</summary>
public static class WebListenCheck
{
    public static void EnsureFree(WebOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        foreach (var address in options.ListenAddresses)
        {
            var uri = new Uri(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
            if (uri.Port == 0)
            {
                continue;
            }

            var ip = uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _) ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host, out var parsed) ? parsed : IPAddress.Any;
            var listener = new TcpListener(ip, uri.Port);
            try
            {
                listener.Start();
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                throw new ExpectedFailureException(WebTexts.ListenUrlBusy(address), ExitCodes.Usage, ex);
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
