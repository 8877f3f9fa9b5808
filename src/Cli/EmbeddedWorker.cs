using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Cli;

/// <summary>
/// Runs a worker inside <c>llmspell run</c> once its spell starts a durable workflow, so
/// <c>workflow.wait</c> works with no worker process around. Whatever is unfinished when the run
/// ends stays in the store for the next worker.
/// </summary>
internal sealed class EmbeddedWorker : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private DurableWorker? _worker;

    private EmbeddedWorker(IServiceProvider services)
    {
        // The worker (and its registry) is built only when a spell starts a run, not for every run.
        _services = services;
        services.GetRequiredService<DurableWorkflowService>().RunStarted += (_, _) =>
        {
            lock (_services)
            {
                if (_worker is null)
                {
                    _worker = _services.GetRequiredService<DurableWorker>();
                    _worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
            }
        };
    }

    public static EmbeddedWorker Attach(IServiceProvider services) => new(services);

    public async ValueTask DisposeAsync()
    {
        DurableWorker? started;
        lock (_services)
        {
            started = _worker;
        }
        if (started is not null)
        {
            await started.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
