using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoSon.Bot.Hosting;

/// <summary>The services that only the active instance of a ward may run (chat polling, the
/// reminders' scheduler and senders). Without Cluster:Enabled there is no gate and the host runs them
/// itself, exactly as before; with it, the host's start only registers them here and the leader
/// election starts them when this instance becomes active and stops them when it steps down.</summary>
public sealed class ActiveOnlyGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IHostedService> _services = [];
    private readonly HashSet<IHostedService> _running = [];

    internal void Register(IHostedService service)
    {
        lock (_services)
        {
            _services.Add(service);
        }
    }

    /// <summary>Starts every registered service, in the host's order.</summary>
    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var service in Snapshot())
            {
                if (_running.Add(service))
                {
                    await service.StartAsync(cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops every running service, in the reverse order; a second call does nothing.</summary>
    public async Task StopAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            foreach (var service in Snapshot().AsEnumerable().Reverse())
            {
                if (_running.Remove(service))
                {
                    await service.StopAsync(cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    internal async Task StopAsync(IHostedService service, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_running.Remove(service))
            {
                await service.StopAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private List<IHostedService> Snapshot()
    {
        lock (_services)
        {
            return [.. _services];
        }
    }
}

/// <summary>What the host sees of a gated service: its start registers it with the gate.</summary>
internal sealed class ActiveOnlyService(IHostedService inner, ActiveOnlyGate gate) : IHostedService
{
    public IHostedService Inner => inner;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        gate.Register(inner);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => gate.StopAsync(inner, cancellationToken);
}

public static class ActiveOnlyServiceCollectionExtensions
{
    /// <summary>A hosted service that runs only on the active instance (see <see cref="ActiveOnlyGate"/>).
    /// <typeparamref name="T"/> must be registered as a singleton itself.</summary>
    public static IServiceCollection AddActiveOnlyHostedService<T>(this IServiceCollection services)
        where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(sp => Gated(sp, sp.GetRequiredService<T>()));

    /// <summary>The service itself when there is no gate (one instance, as before), else its stand-in.</summary>
    internal static IHostedService Gated(IServiceProvider services, IHostedService inner) =>
        services.GetService<ActiveOnlyGate>() is { } gate ? new ActiveOnlyService(inner, gate) : inner;
}
