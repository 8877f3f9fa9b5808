using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.State;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// The orchestrators and activities that run spell workflows durably. A worker registers these
/// once; every workflow of every spell runs through them, pinned to its spell's hash.
/// </summary>
public static class WorkflowOrchestrations
{
    public const string WorkflowOrchestrator = "llmspell.workflow";
    public const string LoopOrchestrator = "llmspell.workflow.loop";
    public const string StepActivity = "llmspell.RunSpellStep";
    public const string StateActivity = "llmspell.ReadState";

    public static OrchestrationRegistry AddSpellWorkflows(this OrchestrationRegistry registry, SpellRunner runner, ISpellArchive archive, IStateStore state, SandboxLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var steps = new SpellStepActivity(runner, archive, limits ?? SandboxLimits.Default);
        return registry
            .AddOrchestrator<WorkflowRequest, JsonElement>(WorkflowOrchestrator, RunWorkflowAsync)
            .AddOrchestrator<LoopRequest, JsonElement>(LoopOrchestrator, RunLoopIterationAsync)
            .AddActivity<StepRequest, JsonElement>(StepActivity, steps.RunAsync)
            .AddActivity<StateRequest, JsonElement>(StateActivity, async (context, request) =>
                SpellJson.ToElement(await state.GetAsync(SpellStepActivity.StateScope(request!.Spell), request.Key, context.CancellationToken).ConfigureAwait(false) ?? SpellValue.Null));
    }

    private static async Task<JsonElement> RunWorkflowAsync(OrchestrationContext context, WorkflowRequest? request)
    {
        var root = WorkflowSpec.FromValue(SpellValues.FromJson(request!.Workflow));
        var runtime = new DurableWorkflowRuntime(context, request.Spell, root.Name, request.Input);
        var result = await new WorkflowInterpreter(runtime).RunAsync(root, root.Name, SpellValues.FromJson(request.Input));
        return SpellJson.ToElement(result);
    }

    private static async Task<JsonElement> RunLoopIterationAsync(OrchestrationContext context, LoopRequest? request)
    {
        var loop = (LoopNode)WorkflowSpec.FromValue(SpellValues.FromJson(request!.Loop));
        var runtime = new DurableWorkflowRuntime(context, request.Spell, request.Workflow, request.RunInput);
        var (output, done) = await new WorkflowInterpreter(runtime).RunIterationAsync(loop, request.Path, SpellValues.FromJson(request.Input));
        if (done)
        {
            return SpellJson.ToElement(output);
        }
        if (request.Iteration >= loop.MaxIterations)
        {
            throw WorkflowInterpreter.MaxIterationsReached(loop, request.Path);
        }
        // One iteration per generation keeps the history of a long loop as short as one pass.
        context.ContinueAsNew(request with { Input = SpellJson.ToElement(output), Iteration = request.Iteration + 1 });
        return default;
    }
}
