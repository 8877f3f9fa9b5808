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
    // Names Azure Functions accepts as function names (letters, digits, '-' and '_'), so the same
    // orchestrations run as Durable Functions and on any worker sharing a task hub with them.
    public const string WorkflowOrchestrator = "LlmSpellWorkflow";
    public const string LoopOrchestrator = "LlmSpellWorkflowLoop";
    public const string StepActivity = "LlmSpellRunStep";
    public const string StateActivity = "LlmSpellReadState";

    /// <summary>The names runs started before version 0.5 carry in their history; still served so they finish.</summary>
    internal static readonly IReadOnlyDictionary<string, string> EarlierNames = new Dictionary<string, string>
    {
        ["llmspell.workflow"] = WorkflowOrchestrator,
        ["llmspell.workflow.loop"] = LoopOrchestrator,
        ["llmspell.RunSpellStep"] = StepActivity,
        ["llmspell.ReadState"] = StateActivity,
    };

    /// <summary>Whether an instance is a workflow run (by its current or earlier name).</summary>
    public static bool IsWorkflowRun(string orchestratorName) =>
        orchestratorName == WorkflowOrchestrator || EarlierNames.GetValueOrDefault(orchestratorName) == WorkflowOrchestrator;

    public static OrchestrationRegistry AddSpellWorkflows(this OrchestrationRegistry registry, SpellRunner runner, ISpellArchive archive, IStateStore state, SandboxLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var steps = new SpellStepActivity(runner, archive, limits ?? SandboxLimits.Default);
        registry
            .AddOrchestrator<WorkflowRequest, JsonElement>(WorkflowOrchestrator, RunWorkflowAsync)
            .AddOrchestrator<LoopRequest, JsonElement>(LoopOrchestrator, RunLoopIterationAsync)
            .AddActivity<StepRequest, JsonElement>(StepActivity, (context, request) => steps.RunAsync(request, context.CancellationToken))
            .AddActivity<StateRequest, JsonElement>(StateActivity, (context, request) => ReadStateAsync(state, request!, context.CancellationToken));
        foreach (var (earlier, current) in EarlierNames)
        {
            registry.AddAlias(earlier, current);
        }
        return registry;
    }

    /// <summary>The state read behind a conditional on <c>state_key</c>.</summary>
    public static async Task<JsonElement> ReadStateAsync(IStateStore state, StateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        return SpellJson.ToElement(await state.GetAsync(SpellStepActivity.StateScope(request.Spell), request.Key, cancellationToken).ConfigureAwait(false) ?? SpellValue.Null);
    }

    /// <summary>The workflow orchestrator: walks the spell's workflow tree with durable steps.</summary>
    public static async Task<JsonElement> RunWorkflowAsync(OrchestrationContext context, WorkflowRequest? request)
    {
        var root = WorkflowSpec.FromValue(SpellValues.FromJson(request!.Workflow));
        var runtime = new DurableWorkflowRuntime(context, request.Spell, root.Name, request.StepSpellInput, request.TraceParent);
        var result = await new WorkflowInterpreter(runtime).RunAsync(root, root.Name, SpellValues.FromJson(request.Input));
        return SpellJson.ToElement(result);
    }

    /// <summary>One loop iteration per generation, continuing as new until the loop is done.</summary>
    public static async Task<JsonElement> RunLoopIterationAsync(OrchestrationContext context, LoopRequest? request)
    {
        var loop = (LoopNode)WorkflowSpec.FromValue(SpellValues.FromJson(request!.Loop));
        var runtime = new DurableWorkflowRuntime(context, request.Spell, request.Workflow, request.RunInput, request.TraceParent, request.Budgets);
        var (output, done) = await new WorkflowInterpreter(runtime).RunIterationAsync(loop, request.Path, SpellValues.FromJson(request.Input));
        var spent = request.Spent.Plus(runtime.Spent);
        if (done)
        {
            // Under a budget the parent counts what all the generations spent.
            return request.Budgets is null
                ? SpellJson.ToElement(output)
                : JsonSerializer.SerializeToElement(new BudgetedOutput(SpellJson.ToElement(output), spent), DataConverter.Options);
        }
        if (request.Iteration >= loop.MaxIterations)
        {
            throw WorkflowInterpreter.MaxIterationsReached(loop, request.Path);
        }
        // One iteration per generation keeps the history of a long loop as short as one pass.
        context.ContinueAsNew(request with { Input = SpellJson.ToElement(output), Iteration = request.Iteration + 1, Budgets = runtime.BudgetStates, Spent = spent });
        // Engines drop this generation's output, but still serialize it: a default JsonElement would throw.
        return SpellJson.ToElement(SpellValue.Null);
    }
}
