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
    private readonly DurableWorker _worker;
    private int _started;

    private EmbeddedWorker(IServiceProvider services)
    {
        _worker = services.GetRequiredService<DurableWorker>();
        services.GetRequiredService<DurableWorkflowService>().RunStarted += (_, _) =>
        {
            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                _worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        };
    }

    public static EmbeddedWorker Attach(IServiceProvider services) => new(services);

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _started) == 1)
        {
            await _worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
