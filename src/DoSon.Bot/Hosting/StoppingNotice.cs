using DoSon.Bot.Channels.Console;
using Microsoft.Extensions.Hosting;

namespace DoSon.Bot.Hosting;

/// <summary>Says "Đang dừng…" once, on the terminal (the console chat's screen, or the journal under
/// systemd), the moment Ctrl+C or SIGTERM asks the host to stop, so the operator knows the key was
/// heard while the host winds down (within <see cref="ShutdownTimeout"/>).</summary>
public sealed class StoppingNotice(IHostApplicationLifetime lifetime, ConsoleIo io) : IHostedService
{
    public const string Text = "Đang dừng…";

    /// <summary>How long the host lets its services stop before it gives up on them. What is in flight
    /// by then is left to the next start: a reminder is marked sent only once the platform accepted it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private CancellationTokenRegistration _registration;
    private int _said;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(Say);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }

    private void Say()
    {
        if (Interlocked.Exchange(ref _said, 1) == 0)
        {
            // On a fresh line: the console chat may be showing its "> " prompt.
            io.WriteBlock((io.Interactive ? Environment.NewLine : "") + Text);
        }
    }
}
