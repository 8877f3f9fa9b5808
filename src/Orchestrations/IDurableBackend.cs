using LlmSpell.Orchestrations.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Orchestrations;

/// <summary>
/// One task hub and the engine that carries its runs out: the embedded engine on a store
/// (<see cref="EmbeddedBackend"/>), or the Durable Task Framework on Azure Storage, the backend
/// Durable Functions itself runs on. Orchestrators and activities are registered once, in an
/// <see cref="OrchestrationRegistry"/>, and run unchanged on either.
/// </summary>
public interface IDurableBackend : IAsyncDisposable
{
    IDurableClient Client { get; }

    /// <summary>For messages: where the runs are.</summary>
    string Description { get; }

    /// <summary>A worker that runs this hub's share of work from the registry while it is started.</summary>
    IHostedService CreateWorker(OrchestrationRegistry registry, DurableWorkerOptions options, ILoggerFactory loggers);
}
