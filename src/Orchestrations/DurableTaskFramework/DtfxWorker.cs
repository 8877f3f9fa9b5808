using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// A DTFx <see cref="Dtfx.TaskHubWorker"/> running our registry's orchestrators and activities for
/// as long as it is started. Stopping cancels the spell steps it runs (a step stopped so is handed
/// back to the task hub for another worker, not failed), waits for the work in hand to end, and
/// then stops DTFx at once: its own graceful stop waits in whole seconds for its idle pollers.
/// </summary>
internal sealed class DtfxWorker : IHostedService, IDisposable
{
    private static readonly TimeSpan MaxStopWait = TimeSpan.FromSeconds(30);

    private readonly Func<CancellationToken, Task> _ensureCreated;
    private readonly Dtfx.TaskHubWorker _worker;
    private readonly CancellationTokenSource _stopping = new();
    private int _inHand;

    /// <param name="ensureCreated">Creates the task hub (once per process) before the worker starts.</param>
    public DtfxWorker(Dtfx.IOrchestrationService service, OrchestrationRegistry registry, Func<CancellationToken, Task> ensureCreated, ILoggerFactory loggers)
    {
        _ensureCreated = ensureCreated;
        var objects = new RegistryObjects(registry, loggers, _stopping.Token);
        _worker = new Dtfx.TaskHubWorker(service, objects, objects, loggers)
        {
            // Failures cross as type, message and stack, as on the embedded engine, not as serialized exceptions.
            ErrorPropagationMode = Dtfx.ErrorPropagationMode.UseFailureDetails,
        };
        _worker.AddOrchestrationDispatcherMiddleware(CountAsync);
        _worker.AddActivityDispatcherMiddleware(CountAsync);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        await _worker.StartAsync().ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref _inHand) > 0 && waited.Elapsed < MaxStopWait && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }
        await _worker.StopAsync(isForced: true).ConfigureAwait(false);
    }

    private async Task CountAsync(Dtfx.Middleware.DispatchMiddlewareContext context, Func<Task> next)
    {
        Interlocked.Increment(ref _inHand);
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inHand);
        }
    }

    public void Dispose()
    {
        _worker.Dispose();
        _stopping.Dispose();
    }
}
