using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>What runs for a name no orchestrator is registered under: it fails as the embedded engine's worker does.</summary>
internal sealed class MissingOrchestration(OrchestrationRegistry registry, string name) : Dtfx.TaskOrchestration
{
    public override Task<string> Execute(Dtfx.OrchestrationContext context, string input)
    {
        // A faulted task, not a throw: DTFx records the first as the run's failure, the second as its own fault and retries forever.
        var details = registry.OrchestratorNotFound(name);
        return Task.FromException<string>(FailureTranslation.AsRecordedFailure(new InvalidOperationException(details.Message), details));
    }

    public override void RaiseEvent(Dtfx.OrchestrationContext context, string name, string input)
    {
        // Nothing waits: the run fails at once.
    }

    public override string GetStatus() => null!;
}
