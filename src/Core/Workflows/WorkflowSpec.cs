using System.Globalization;
using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// The canonical, function-free form of a workflow: what a durable run stores with the spell's
/// hash. It round-trips exactly, so the orchestrator walks the same tree the spell declared.
/// </summary>
public static class WorkflowSpec
{
    public static SpellMap ToValue(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var shape = Shape(node);
        return node.Budget is { } budget ? SpellValue.Map([.. shape, new("budget", budget.ToValue())]) : shape;
    }

    public static WorkflowNode FromValue(SpellValue value)
    {
        var node = ShapeFrom(value);
        return WorkflowBudget.FromValue(((SpellMap)value).Get("budget")) is { } budget ? node with { Budget = budget } : node;
    }

    // The composition fields are written only when they differ from the defaults, so a workflow
    // that uses none keeps the form runs already stored have (and reads back from it).
    private static SpellMap Composed(SpellMap shape, params (string Key, SpellValue Value)[] fields) =>
        SpellValue.Map([.. shape, .. fields.Where(f => !f.Value.IsNull).Select(f => new KeyValuePair<string, SpellValue>(f.Key, f.Value))]);

    private static SpellValue Result(bool withSteps) => withSteps ? Text("steps") : SpellValue.Null;

    private static bool WithSteps(SpellMap map) => map.Get("result") is SpellString { Value: "steps" };

    private static SpellValue Pinned(PinnedSpell? pinned) => pinned is null ? SpellValue.Null :
        Map(("hash", Text(pinned.Hash)), ("file", Text(pinned.File)), ("id", Text(pinned.Id)));

    /// <summary>The spec with <paramref name="pin"/>'s answer for every spell step: how a durable run fixes the spells it will call.</summary>
    public static async Task<SpellValue> PinSpellsAsync(SpellValue spec, Func<string, Task<PinnedSpell>> pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var node = FromValue(spec);
        return ToValue(await PinAsync(node, pin).ConfigureAwait(false));
    }

    private static async Task<WorkflowNode> PinAsync(WorkflowNode node, Func<string, Task<PinnedSpell>> pin) => node switch
    {
        StepNode step => await PinStepAsync(step, pin).ConfigureAwait(false),
        SequentialNode s => s with { Steps = await PinAllAsync(s.Steps, pin).ConfigureAwait(false) },
        ParallelNode p => p with { Steps = await PinAllAsync(p.Steps, pin).ConfigureAwait(false) },
        ConditionalNode c => c with
        {
            Condition = c.Condition is null ? null : await PinStepAsync(c.Condition, pin).ConfigureAwait(false),
            Branches = await PinBranchesAsync(c.Branches, pin).ConfigureAwait(false),
            Default = c.Default is null ? null : await PinAsync(c.Default, pin).ConfigureAwait(false),
        },
        LoopNode l => l with
        {
            Body = await PinAsync(l.Body, pin).ConfigureAwait(false),
            Until = l.Until is null ? null : await PinStepAsync(l.Until, pin).ConfigureAwait(false),
        },
        _ => node,
    };

    // A condition or an until test may be a spell step too.
    private static async Task<StepNode> PinStepAsync(StepNode step, Func<string, Task<PinnedSpell>> pin) =>
        step is { Target: StepTarget.Spell, Pinned: null } ? step with { Pinned = await pin(step.TargetName!).ConfigureAwait(false) } : step;

    private static async Task<IReadOnlyDictionary<string, WorkflowNode>> PinBranchesAsync(IReadOnlyDictionary<string, WorkflowNode> branches, Func<string, Task<PinnedSpell>> pin)
    {
        var pinned = new Dictionary<string, WorkflowNode>(StringComparer.Ordinal);
        foreach (var (name, branch) in branches)
        {
            pinned[name] = await PinAsync(branch, pin).ConfigureAwait(false);
        }

        return pinned;
    }

    private static async Task<IReadOnlyList<WorkflowNode>> PinAllAsync(IReadOnlyList<WorkflowNode> nodes, Func<string, Task<PinnedSpell>> pin)
    {
        var pinned = new List<WorkflowNode>(nodes.Count);
        foreach (var node in nodes)
        {
            pinned.Add(await PinAsync(node, pin).ConfigureAwait(false));
        }

        return pinned;
    }

    private static SpellMap Shape(WorkflowNode node) => node switch
    {
        StepNode s => Composed(Map(("kind", Text("step")), ("name", Text(s.Name)), ("target", Text(s.Target.ToString().ToLowerInvariant())),
            ("target_name", SpellValue.From(s.TargetName)), ("args", (SpellValue?)s.Arguments ?? SpellValue.Null), ("retry", Retry(s.Retry)),
            ("timeout_ms", s.Timeout is { } t ? SpellValue.From((long)t.TotalMilliseconds) : SpellValue.Null)), ("input", s.Input?.ToValue() ?? SpellValue.Null), ("pinned", Pinned(s.Pinned))),
        SequentialNode s => Composed(Map(("kind", Text("sequential")), ("name", Text(s.Name)), ("steps", new SpellList(s.Steps.Select(ToValue)))),
            ("result", Result(s.WithSteps))),
        ParallelNode p => Composed(Map(("kind", Text("parallel")), ("name", Text(p.Name)), ("steps", new SpellList(p.Steps.Select(ToValue))),
            ("max_concurrency", SpellValue.From(p.MaxConcurrency)), ("merge", Text(p.Merge.ToString().ToLowerInvariant()))),
            ("result", Result(p.WithSteps)), ("on_error", p.OnError == ParallelErrors.Collect ? Text("collect") : SpellValue.Null)),
        ConditionalNode c => Map(("kind", Text("conditional")), ("name", Text(c.Name)),
            ("condition", c.Condition is null ? SpellValue.Null : ToValue(c.Condition)), ("state", SpellValue.From(c.StateKey)),
            ("branches", SpellValue.Map(c.Branches.Select(b => new KeyValuePair<string, SpellValue>(b.Key, ToValue(b.Value))))),
            ("default", c.Default is null ? SpellValue.Null : ToValue(c.Default))),
        LoopNode l => Map(("kind", Text("loop")), ("name", Text(l.Name)), ("body", ToValue(l.Body)),
            ("max_iterations", SpellValue.From(l.MaxIterations)), ("until", l.Until is null ? SpellValue.Null : ToValue(l.Until))),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown workflow node"),
    };

    private static WorkflowNode ShapeFrom(SpellValue value)
    {
        var map = value as SpellMap ?? throw new FormatException("a workflow node is not a map");
        var name = Get<SpellString>(map, "name").Value;
        return Get<SpellString>(map, "kind").Value switch
        {
            "step" => new StepNode(name, Enum.Parse<StepTarget>(Get<SpellString>(map, "target").Value, ignoreCase: true),
                (map.Get("target_name") as SpellString)?.Value, map.Get("args") as SpellMap, ReadRetry(map.Get("retry")))
            {
                Timeout = map.Get("timeout_ms") is SpellInt ms ? TimeSpan.FromMilliseconds(ms.Value) : null,
                Input = StepInput.From(map.Get("input")),
                Pinned = map.Get("pinned") is SpellMap pinned ? new PinnedSpell(Get<SpellString>(pinned, "hash").Value, Get<SpellString>(pinned, "file").Value, Get<SpellString>(pinned, "id").Value) : null,
            },
            "sequential" => new SequentialNode(name, Get<SpellList>(map, "steps").Select(FromValue).ToList()) { WithSteps = WithSteps(map) },
            "parallel" => new ParallelNode(name, Get<SpellList>(map, "steps").Select(FromValue).ToList(),
                (int)Get<SpellInt>(map, "max_concurrency").Value, Enum.Parse<ParallelMerge>(Get<SpellString>(map, "merge").Value, ignoreCase: true))
            {
                WithSteps = WithSteps(map),
                OnError = map.Get("on_error") is SpellString { Value: "collect" } ? ParallelErrors.Collect : ParallelErrors.FailFast,
            },
            "conditional" => new ConditionalNode(name,
                map.Get("condition") is SpellNull ? null : (StepNode)FromValue(map.Get("condition")),
                (map.Get("state") as SpellString)?.Value,
                Get<SpellMap>(map, "branches").ToDictionary(b => b.Key, b => FromValue(b.Value), StringComparer.Ordinal),
                map.Get("default") is SpellNull ? null : FromValue(map.Get("default"))),
            "loop" => new LoopNode(name, FromValue(map.Get("body")), (int)Get<SpellInt>(map, "max_iterations").Value,
                map.Get("until") is SpellNull ? null : (StepNode)FromValue(map.Get("until"))),
            var kind => throw new FormatException($"unknown workflow node kind '{kind}'"),
        };
    }

    private static SpellValue Retry(StepRetry? retry) => retry is null ? SpellValue.Null : Map(
        ("attempts", SpellValue.From(retry.Attempts)), ("delay_ms", SpellValue.From((long)retry.Delay.TotalMilliseconds)),
        ("backoff", SpellValue.From(retry.Backoff)), ("max_delay_ms", SpellValue.From((long)retry.MaxDelay.TotalMilliseconds)));

    private static StepRetry? ReadRetry(SpellValue value) => value is not SpellMap map ? null : new StepRetry(
        (int)Get<SpellInt>(map, "attempts").Value,
        TimeSpan.FromMilliseconds(Get<SpellInt>(map, "delay_ms").Value),
        map.Get("backoff") switch { SpellFloat f => f.Value, SpellInt i => i.Value, _ => 1.0 },
        TimeSpan.FromMilliseconds(Get<SpellInt>(map, "max_delay_ms").Value));

    private static T Get<T>(SpellMap map, string key) where T : SpellValue =>
        map.Get(key) as T ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"workflow node field '{key}' is missing or of the wrong type"));

    private static SpellValue Text(string value) => SpellValue.From(value);

    private static SpellMap Map(params (string Key, SpellValue Value)[] entries) =>
        SpellValue.Map(entries.Select(e => new KeyValuePair<string, SpellValue>(e.Key, e.Value)));
}
