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
        foreach (var step in sequential.Steps)
        {
            current = await RunAsync(step, WorkflowPaths.Child(path, step.Name), current);
        }
        return current;
    }

    private async Task<SpellValue> RunParallelAsync(ParallelNode parallel, string path, SpellValue input)
    {
        var results = new SpellValue[parallel.Steps.Count];
        var running = new List<Task>();
        for (var i = 0; i < parallel.Steps.Count; i++)
        {
            if (running.Count >= parallel.MaxConcurrency)
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                await finished; // the first failure ends the fan-in
            }
            running.Add(RunBranchAsync(parallel.Steps[i], WorkflowPaths.Child(path, parallel.Steps[i].Name), input, results, i));
        }
        await Task.WhenAll(running);
        return parallel.Merge == ParallelMerge.Map
            ? SpellValue.Map(parallel.Steps.Select((s, i) => new KeyValuePair<string, SpellValue>(s.Name, results[i])))
            : new SpellList(results);
    }

    private async Task RunBranchAsync(WorkflowNode node, string path, SpellValue input, SpellValue[] results, int index) =>
        results[index] = await RunAsync(node, path, input);

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
