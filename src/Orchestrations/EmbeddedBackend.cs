using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Orchestrations;

/// <summary>The embedded engine on a store (SQLite): our own client and <see cref="DurableWorker"/>s.</summary>
public sealed class EmbeddedBackend(IOrchestrationStore store, string description) : IDurableBackend
{
    public IOrchestrationStore Store { get; } = store;

    public IDurableClient Client { get; } = new DurableClient(store);

    public string Description { get; } = description;

    public IHostedService CreateWorker(OrchestrationRegistry registry, DurableWorkerOptions options, ILoggerFactory loggers) =>
        new DurableWorker(Store, registry, options, loggers);

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
