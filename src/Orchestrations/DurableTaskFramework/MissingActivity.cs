using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>What runs for a name no activity is registered under: it fails naming the registered ones, as the embedded engine's worker does.</summary>
internal sealed class MissingActivity(OrchestrationRegistry registry) : Dtfx.TaskActivity
{
    public override string Run(Dtfx.TaskContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var details = registry.ActivityNotFound(context.Name);
        throw new InvalidOperationException(details.Message);
    }
}
