using System.Globalization;
using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// The semantics of sequential, parallel, conditional and loop, written once. The in-process run
/// and the durable orchestrator both walk the tree with this; only <see cref="IWorkflowRuntime"/>
/// differs. Deliberately free of ConfigureAwait(false) and of any clock or randomness, because a
/// durable orchestrator replays it.
/// </summary>
public sealed class WorkflowInterpreter(IWorkflowRuntime runtime)
{
    public Task<SpellValue> RunAsync(WorkflowNode node, string path, SpellValue input)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Budget is { } budget
            ? runtime.RunWithinBudgetAsync(budget, path, () => RunShapeAsync(node, path, input))
            : RunShapeAsync(node, path, input);
    }

    private Task<SpellValue> RunShapeAsync(WorkflowNode node, string path, SpellValue input) => node switch
    {
        StepNode step => runtime.RunStepAsync(step, path, input),
        SequentialNode sequential => RunSequentialAsync(sequential, path, input),
        ParallelNode parallel => RunParallelAsync(parallel, path, input),
        ConditionalNode conditional => RunConditionalAsync(conditional, path, input),
        LoopNode loop => runtime.RunLoopAsync(loop, path, input),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown workflow node"),
    };

    /// <summary>One pass of a loop's body and its stop test; <c>Done</c> says whether to stop.</summary>
    public async Task<(SpellValue Output, bool Done)> RunIterationAsync(LoopNode loop, string path, SpellValue input)
    {
        var output = await RunAsync(loop.Body, WorkflowPaths.Child(path, loop.Body.Name), input);
        if (loop.Until is { } until)
        {
            return (output, IsTruthy(await runtime.RunStepAsync(until, WorkflowPaths.Until(path), output)));
        }
        return (output, output is SpellMap map && IsTruthy(map.Get("done")));
    }

    /// <summary>The loop in one go, for runtimes that do not split it into generations.</summary>
    public async Task<SpellValue> RunLoopInlineAsync(LoopNode loop, string path, SpellValue input)
    {
        var current = input;
        for (var iteration = 1; iteration <= loop.MaxIterations; iteration++)
        {
            var (output, done) = await RunIterationAsync(loop, path, current);
            if (done)
            {
                return output;
            }
            current = output;
        }
        throw MaxIterationsReached(loop, path);
    }

    public static Errors.SpellException MaxIterationsReached(LoopNode loop, string path) =>
        WorkflowErrors.Failed(path, $"the loop did not finish within max_iterations = {loop.MaxIterations}");

    private async Task<SpellValue> RunSequentialAsync(SequentialNode sequential, string path, SpellValue input)
    {
        var current = input;
        var outputs = new List<KeyValuePair<string, SpellValue>>();
        foreach (var step in sequential.Steps)
        {
            var stepInput = step is StepNode { Input: { } from } ? InputFrom(from, outputs) : current;
            current = await RunAsync(step, WorkflowPaths.Child(path, step.Name), stepInput);
            outputs.Add(new(step.Name, current));
        }
        return sequential.WithSteps ? WithSteps(current, outputs) : current;
    }

    /// <summary>A step's input taken from earlier steps: one's output, or several by name.</summary>
    private static SpellValue InputFrom(StepInput from, List<KeyValuePair<string, SpellValue>> outputs)
    {
        SpellValue Output(string name) => outputs.Find(o => o.Key == name).Value;
        return from.ByName
            ? SpellValue.Map(from.Steps.Select(name => new KeyValuePair<string, SpellValue>(name, Output(name))))
            : Output(from.Steps[0]);
    }

    private static SpellMap WithSteps(SpellValue output, IEnumerable<KeyValuePair<string, SpellValue>> steps) =>
        SpellValue.Map([new("output", output), new("steps", SpellValue.Map(steps))]);

    private async Task<SpellValue> RunParallelAsync(ParallelNode parallel, string path, SpellValue input)
    {
        var results = new SpellValue[parallel.Steps.Count];
        var errors = new Errors.SpellError?[parallel.Steps.Count];
        var collect = parallel.OnError == ParallelErrors.Collect;
        var running = new List<Task>();
        for (var i = 0; i < parallel.Steps.Count; i++)
        {
            if (running.Count >= parallel.MaxConcurrency)
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                await finished; // fail_fast: a failure seen here ends the fan-in before the next branch starts
            }
            running.Add(RunBranchAsync(parallel.Steps[i], WorkflowPaths.Child(path, parallel.Steps[i].Name), input, results, collect ? errors : null, i));
        }
        await Task.WhenAll(running);
        SpellValue merged = parallel.Merge == ParallelMerge.Map
            ? SpellValue.Map(parallel.Steps.Select((s, i) => new KeyValuePair<string, SpellValue>(s.Name, results[i])))
            : new SpellList(results);
        var output = collect ? SpellValue.Map([new("results", merged), new("errors", Collected(parallel, errors))]) : merged;
        return parallel.WithSteps
            ? WithSteps(output, parallel.Steps.Select((s, i) => new KeyValuePair<string, SpellValue>(s.Name, results[i])))
            : output;
    }

    /// <summary>What <c>collect</c> gives beside the results: <c>{ step, code, message }</c> for each failed branch, in declaration order.</summary>
    private static SpellList Collected(ParallelNode parallel, Errors.SpellError?[] errors)
    {
        var failed = new List<SpellValue>();
        for (var i = 0; i < errors.Length; i++)
        {
            if (errors[i] is { } error)
            {
                failed.Add(SpellValue.Map([new("step", SpellValue.From(parallel.Steps[i].Name)), new("code", SpellValue.From(error.Code)), new("message", SpellValue.From(error.Message))]));
            }
        }

        return new SpellList(failed);
    }

    /// <summary>Runs one branch into its slot; with <paramref name="errors"/> (collect) a failure is kept there instead of ending the workflow. Limits always end it.</summary>
    private async Task RunBranchAsync(WorkflowNode node, string path, SpellValue input, SpellValue[] results, Errors.SpellError?[]? errors, int index)
    {
        try
        {
            results[index] = await RunAsync(node, path, input);
        }
        catch (Errors.SpellException e) when (errors is not null && !e.Error.IsLimit)
        {
            results[index] = SpellValue.Null;
            errors[index] = WorkflowErrors.CauseOf(e);
        }
    }

    private async Task<SpellValue> RunConditionalAsync(ConditionalNode conditional, string path, SpellValue input)
    {
        var chosen = conditional.Condition is { } condition
            ? await runtime.RunStepAsync(condition, WorkflowPaths.Condition(path), input)
            : await runtime.ReadStateAsync(conditional.StateKey!);
        var key = BranchKey(chosen);
        if (key is not null && conditional.Branches.TryGetValue(key, out var branch))
        {
            return await RunAsync(branch, WorkflowPaths.Branch(path, key), input);
        }
        if (conditional.Default is { } fallback)
        {
            return await RunAsync(fallback, WorkflowPaths.Default(path), input);
        }
        throw WorkflowErrors.Failed(path, $"the condition gave {(key is null ? SpellValue.TypeName(chosen.Kind) : $"'{key}'")}, which names no branch (branches: {string.Join(", ", conditional.Branches.Keys)}) and there is no default");
    }

    /// <summary>Branches are named by text; booleans and whole numbers name them too.</summary>
    private static string? BranchKey(SpellValue value) => value switch
    {
        SpellString s => s.Value,
        SpellBool b => b.Value ? "true" : "false",
        SpellInt i => i.Value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsTruthy(SpellValue value) => value is not (SpellNull or SpellBool { Value: false });
}
