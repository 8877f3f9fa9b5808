using Microsoft.Extensions.Logging;
using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// DTFx's lookup of orchestrations and activities by name, answered from our registry: a fresh
/// <see cref="DtfxOrchestration"/> for every episode (it holds that execution's events), and for a
/// name nothing is registered under, one that fails the way the embedded engine fails it.
/// </summary>
internal sealed class RegistryObjects(OrchestrationRegistry registry, ILoggerFactory loggers, CancellationToken stopping)
    : Dtfx.INameVersionObjectManager<Dtfx.TaskOrchestration>, Dtfx.INameVersionObjectManager<Dtfx.TaskActivity>
{
    public Dtfx.TaskOrchestration GetObject(string name, string? version) =>
        registry.TryGetOrchestrator(name, out var orchestrator)
            ? new DtfxOrchestration(name, orchestrator, loggers)
            : new MissingOrchestration(registry, name);

    Dtfx.TaskActivity Dtfx.INameVersionObjectManager<Dtfx.TaskActivity>.GetObject(string name, string? version) =>
        registry.TryGetActivity(name, out var activity) ? new DtfxActivity(activity, stopping) : new MissingActivity(registry);

    public void Add(Dtfx.ObjectCreator<Dtfx.TaskOrchestration> creator) =>
        throw new NotSupportedException("Orchestrators are added to the OrchestrationRegistry.");

    public void Add(Dtfx.ObjectCreator<Dtfx.TaskActivity> creator) =>
        throw new NotSupportedException("Activities are added to the OrchestrationRegistry.");
}
