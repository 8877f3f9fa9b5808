using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmSpell.Hosting.Durable;

/// <summary>
/// Runs a worker in a host that is not a worker (a one-off <c>llmspell run</c>) from the moment it
/// starts its first durable run until the host stops, so <c>workflow.wait</c> works with no worker
/// process around. Whatever is unfinished then stays in the store for the next worker.
/// </summary>
internal sealed class OnDemandDurableWorker(IServiceProvider services) : IHostedService
{
    private readonly Lock _gate = new();
    private DurableWorkflowService? _workflows;
    private IHostedService? _worker;
    private Task? _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The worker (and its registry) is built only when a run starts: most spells never start one.
        _workflows = services.GetRequiredService<DurableWorkflowService>();
        _workflows.RunStarted += OnRunStarted;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _workflows?.RunStarted -= OnRunStarted;
        Task? started;
        lock (_gate)
        {
            started = _started;
        }

        if (started is not null)
        {
            await started.ConfigureAwait(false);
            await _worker!.StopAsync(cancellationToken).ConfigureAwait(false);
            (_worker as IDisposable)?.Dispose();
        }
    }

    private void OnRunStarted(object? sender, string runId)
    {
        lock (_gate)
        {
            if (_started is null)
            {
                _worker = DurableBuilderExtensions.CreateWorker(services);
                _started = _worker.StartAsync(CancellationToken.None);
            }
        }
    }
}
