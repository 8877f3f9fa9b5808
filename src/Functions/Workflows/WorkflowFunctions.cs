using System.Text.Json;
using LlmSpell.Orchestrations.DurableTask;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.State;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace LlmSpell.Functions.Workflows;

/// <summary>
/// The workflow orchestrations as Durable Functions: the same orchestrators and step activity the
/// embedded engine runs, bound to <see cref="TaskOrchestrationContext"/>. Every workflow of every
/// spell runs through these four functions, each run pinned to its spell's content hash.
/// </summary>
public sealed class WorkflowFunctions(SpellStepActivity steps, IStateStore state)
{
    [Function(WorkflowOrchestrations.WorkflowOrchestrator)]
    public static Task<JsonElement> RunWorkflow([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WorkflowOrchestrations.RunWorkflowAsync(new DurableTaskOrchestrationContext(context), context.GetInput<WorkflowRequest>());
    }

    [Function(WorkflowOrchestrations.LoopOrchestrator)]
    public static Task<JsonElement> RunLoopIteration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WorkflowOrchestrations.RunLoopIterationAsync(new DurableTaskOrchestrationContext(context), context.GetInput<LoopRequest>());
    }

    [Function(WorkflowOrchestrations.StepActivity)]
    public Task<JsonElement> RunStep([ActivityTrigger] StepRequest request, CancellationToken cancellationToken)
        => steps.RunAsync(request, cancellationToken);

    [Function(WorkflowOrchestrations.StateActivity)]
    public Task<JsonElement> ReadState([ActivityTrigger] StateRequest request, CancellationToken cancellationToken)
        => WorkflowOrchestrations.ReadStateAsync(state, request, cancellationToken);
}
