using Microsoft.Extensions.Hosting;

namespace LlmSpell.Hosting.Durable;

/// <summary>The host's durable worker, started and stopped with the host.</summary>
internal sealed class DurableWorkerService(IServiceProvider services) : IHostedService
{
    // Resolved at start, not construction: building the worker builds the spell runner and its
    // host, which should see the options and connections of a started host.
    private IHostedService? _worker;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _worker = DurableBuilderExtensions.CreateWorker(services);
        return _worker.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(cancellationToken).ConfigureAwait(false);
            (_worker as IDisposable)?.Dispose();
        }
    }
}
