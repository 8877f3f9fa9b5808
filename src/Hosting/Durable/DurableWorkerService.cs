using LlmSpell.Orchestrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmSpell.Hosting.Durable;

/// <summary>The host's durable worker, started and stopped with the host.</summary>
internal sealed class DurableWorkerService(IServiceProvider services) : IHostedService
{
    // Resolved at start, not construction: building the worker builds the spell runner and its
    // host, which should see the options and connections of a started host.
    private DurableWorker? _worker;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _worker = services.GetRequiredService<DurableWorker>();
        return _worker.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _worker?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
