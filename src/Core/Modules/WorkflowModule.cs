using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Modules;

/// <summary>
/// <c>workflow.sequential/parallel/conditional/loop(spec)</c> declare a workflow and return
/// { kind, name, run(input), start(input, opts) }. <c>run</c> runs it in this process;
/// <c>workflow.start</c> runs it durably (one sandbox per step, state in the store, survives
/// restarts) and <c>status/wait/raise</c> follow a durable run.
/// </summary>
public static class WorkflowModule
{
    private const string StepHelp = "a step is a function, { name, run = fn } , { tool = name, args }, { agent = name }, { event = name, timeout_ms }, or another workflow; steps may add retry = { attempts, delay_ms, backoff, max_delay_ms }";

    public static SpellModule Definition { get; } = new("workflow", "Sequential, parallel, conditional and loop workflows, run in process or durably.",
    [
        Declare("sequential", "{ name, steps = { step, ... }, result = \"output\" | \"steps\" }: each step gets the previous step's output, or with input = \"name\" (or { names }) earlier steps' outputs; result = \"steps\" gives { output, steps = { name = output } }. " + StepHelp),
        Declare("parallel", "{ name, steps = { step, ... }, max_concurrency, merge = \"list\" | \"map\", on_error = \"fail_fast\" | \"collect\", result }: every step gets the same input; collect gives { results, errors = { { step, code, message } } }."),
        Declare("conditional", "{ name, condition = step | { state = key }, branches = { name = step }, default = step }: runs the branch the condition names."),
        Declare("loop", "{ name, body = step, max_iterations = 100, until = step }: repeats the body on its own output until `until` is truthy or the body returns { done = true }."),
        new SpellFunction("start", "Start a workflow as a durable run and return its id.",
            [new("workflow", SpellTypes.Map, "a workflow from workflow.sequential & co."), new("input", SpellTypes.Any, "its input", IsOptional: true),
             new("opts", SpellTypes.Map, "{ id = run id }", IsOptional: true)], SpellTypes.String,
            call => StartAsync(call, Lookup(call, 0), call.Arguments.Count > 1 ? call[1] : SpellValue.Null, 2), isAsync: true),
        new SpellFunction("status", "The status of a durable run: { id, name, status, output, error, progress, created_at, completed_at }, or nil.",
            [new("id", SpellTypes.String, "the run id")], SpellTypes.Map | SpellTypes.Null,
            async call => await Service(call).StatusAsync(call.GetString(0), call.CancellationToken).ConfigureAwait(false), isAsync: true),
        new SpellFunction("wait", "Wait until a durable run has finished; returns its status.",
            [new("id", SpellTypes.String, "the run id")], SpellTypes.Map,
            async call => await Service(call).WaitAsync(call.GetString(0), call.CancellationToken).ConfigureAwait(false), isAsync: true),
        new SpellFunction("raise", "Raise an event to a durable run (its event steps wait for one).",
            [new("id", SpellTypes.String, "the run id"), new("event", SpellTypes.String, "the event name"), new("data", SpellTypes.Any, "the event's data", IsOptional: true)],
            SpellTypes.Null,
            async call =>
            {
                await Service(call).RaiseAsync(call.GetString(0), call.GetString(1), call.Arguments.Count > 2 ? call[2] : SpellValue.Null, call.CancellationToken).ConfigureAwait(false);
                return SpellValue.Null;
            }, isAsync: true),
    ]);

    private static SpellFunction Declare(string kind, string help) =>
        new(kind, $"Declare a {kind} workflow: {help}", [new("spec", SpellTypes.Map, help)], SpellTypes.Map,
            call =>
            {
                var workflow = call.Context.Workflows.Add(new WorkflowSpecParser(call.Context).Parse(kind, (SpellMap)call[0]));
                return ValueTask.FromResult<SpellValue>(Handle(workflow));
            });

    private static SpellMap Handle(WorkflowDefinition workflow) => SpellValue.Map(
    [
        new("kind", SpellValue.From(WorkflowSet.HandleKind)),
        new("name", SpellValue.From(workflow.Name)),
        new("run", Method(workflow, new SpellFunction("run", $"Run workflow '{workflow.Name}' in this process and return its result.",
            [new("input", SpellTypes.Any, "the workflow's input", IsOptional: true)], SpellTypes.Any,
            call => RunAsync(call, workflow, call.Arguments.Count > 0 ? call[0] : SpellValue.Null), isAsync: true))),
        new("start", Method(workflow, new SpellFunction("start", $"Start workflow '{workflow.Name}' as a durable run and return its id.",
            [new("input", SpellTypes.Any, "the workflow's input", IsOptional: true), new("opts", SpellTypes.Map, "{ id = run id }", IsOptional: true)], SpellTypes.String,
            call => StartAsync(call, workflow, call.Arguments.Count > 0 ? call[0] : SpellValue.Null, 1), isAsync: true))),
    ]);

    private static SpellHostFunction Method(WorkflowDefinition workflow, SpellFunction function) =>
        new(new SpellModule("workflow." + workflow.Name, "", [function]).Functions[0]);

    private static async ValueTask<SpellValue> RunAsync(SpellCall call, WorkflowDefinition workflow, SpellValue input)
    {
        if (await TakeOverAsync(call, workflow, input).ConfigureAwait(false) is { } stop)
        {
            throw stop;
        }
        return await new WorkflowInterpreter(new InProcessWorkflowRuntime(call.Context, workflow)).RunAsync(workflow.Root, workflow.Name, input).ConfigureAwait(false);
    }

    private static async ValueTask<SpellValue> StartAsync(SpellCall call, WorkflowDefinition workflow, SpellValue input, int optionsIndex)
    {
        if (await TakeOverAsync(call, workflow, input).ConfigureAwait(false) is { } stop)
        {
            throw stop;
        }
        var options = call.GetOptions(optionsIndex);
        options.RejectUnknown("id");
        var id = await Service(call).StartAsync(call.Context.Script, WorkflowSpec.ToValue(workflow.Root), input, call.Context.Input, options.GetString("id"), call.CancellationToken).ConfigureAwait(false);
        return SpellValue.From(id);
    }

    /// <summary>
    /// When the host runs this spell for a durable run, the first run/start of the workflow is where
    /// the host takes over: it captures the workflow, or runs the one step it was asked for, and ends
    /// the spell there. Returns the exception that ends the run, or null to go on normally.
    /// </summary>
    private static async Task<SpellException?> TakeOverAsync(SpellCall call, WorkflowDefinition workflow, SpellValue input)
    {
        var context = call.Context;
        switch (context.WorkflowInvocation)
        {
            case WorkflowInvocation.Capture:
                return context.Finish(SpellValue.Map([new("workflow", WorkflowSpec.ToValue(workflow.Root)), new("input", input)]));
            case WorkflowInvocation.RunStep step when step.Workflow == workflow.Name:
                SpellValue result;
                try
                {
                    var node = workflow.FindStep(step.Path)
                        ?? throw WorkflowErrors.Failed(step.Path, $"workflow '{workflow.Name}' of this spell has no such step (steps: {string.Join(", ", workflow.StepPaths)})");
                    result = await WorkflowSteps.InvokeAsync(context, workflow, node, step.Path, step.Input).ConfigureAwait(false);
                }
                catch (SpellException ex) when (!ex.Error.IsLimit)
                {
                    // The step failed: that is the run's outcome, even if the spell would catch it and go on.
                    return context.Fail(ex.Error);
                }

                return context.Finish(result);
            default:
                return null;
        }
    }

    private static WorkflowDefinition Lookup(SpellCall call, int index)
    {
        if (WorkflowSet.HandleName(call[index]) is { } name && call.Context.Workflows.Find(name) is { } workflow)
        {
            return workflow;
        }
        throw call.BadArgument(index, "expected a workflow from workflow.sequential, parallel, conditional or loop");
    }

    private static IWorkflowService Service(SpellCall call) => call.Context.WorkflowService
        ?? throw new SpellException(SpellErrorCode.WorkflowError, "durable workflows are not available here: this host has no orchestration store (llmspell run and llmspell worker provide one)");
}
