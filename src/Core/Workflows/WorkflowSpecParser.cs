using LlmSpell.Api;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// Reads the workflow a spell declares (<c>workflow.sequential{...}</c> and friends) into nodes.
/// Every error names the field, as a path from the workflow's name, so a spell author finds it.
/// </summary>
public sealed class WorkflowSpecParser(SpellContext context)
{
    private const int DefaultMaxIterations = 100;
    private const int MaxIterationsCeiling = 100_000;
    private static readonly string[] StepTargets = ["run", "tool", "agent", "event", "spell"];
    private readonly Dictionary<StepNode, SpellCallback> _functions = new(ReferenceEqualityComparer.Instance);

    public WorkflowDefinition Parse(string kind, SpellMap spec)
    {
        var name = Name(spec, $"workflow.{kind}", fallback: null);
        var root = ParseComposite(kind, spec, name);
        return new WorkflowDefinition(root, _functions);
    }

    /// <summary>A workflow's shape, and the budget it spends within (on any kind of workflow).</summary>
    private WorkflowNode ParseComposite(string kind, SpellMap spec, string where)
    {
        var budget = WorkflowBudget.Read(spec, where);
        var shape = ParseShape(kind, budget is null ? spec : SpellValue.Map(spec.Where(e => !WorkflowBudget.Fields.Contains(e.Key))), where);
        return budget is null ? shape : shape with { Budget = budget };
    }

    private WorkflowNode ParseShape(string kind, SpellMap spec, string where)
    {
        var name = Name(spec, where, fallback: null);
        switch (kind)
        {
            case "sequential":
                Reject(spec, where, "name", "steps", "result");
                return new SequentialNode(name, Children(spec, where, "steps", sequential: true)) { WithSteps = WithSteps(spec, where) };
            case "parallel":
            {
                Reject(spec, where, "name", "steps", "max_concurrency", "merge", "result", "on_error");
                var steps = Children(spec, where, "steps", sequential: false);
                var cap = Int(spec, where, "max_concurrency", 1, 10_000) ?? steps.Count;
                var merge = spec.Get("merge") switch
                {
                    SpellNull => ParallelMerge.List,
                    SpellString { Value: "list" } => ParallelMerge.List,
                    SpellString { Value: "map" } => ParallelMerge.Map,
                    var other => throw WorkflowErrors.Bad($"{where}.merge", $"expected \"list\" or \"map\", got {Describe(other)}"),
                };
                var onError = spec.Get("on_error") switch
                {
                    SpellNull or SpellString { Value: "fail_fast" } => ParallelErrors.FailFast,
                    SpellString { Value: "collect" } => ParallelErrors.Collect,
                    var other => throw WorkflowErrors.Bad($"{where}.on_error", $"expected \"fail_fast\" or \"collect\", got {Describe(other)}"),
                };
                return new ParallelNode(name, steps, Math.Max(cap, 1), merge) { WithSteps = WithSteps(spec, where), OnError = onError };
            }
            case "conditional":
            {
                Reject(spec, where, "name", "condition", "branches", "default");
                StepNode? condition = null;
                string? stateKey = null;
                switch (spec.Get("condition"))
                {
                    case SpellMap { Count: 1 } map when map.Get("state") is SpellString key:
                        stateKey = key.Value;
                        break;
                    case SpellNull:
                        throw WorkflowErrors.Bad($"{where}.condition", "missing: give a step (function, tool or agent) whose result names the branch, or { state = \"key\" }");
                    case var step:
                        condition = Step(step, $"{where}.condition", "condition");
                        CheckInput(condition, $"{where}.condition", earlier: null);
                        break;
                }
                if (spec.Get("branches") is not SpellMap { Count: > 0 } branchSpec)
                {
                    throw WorkflowErrors.Bad($"{where}.branches", "expected a map from branch name to step or workflow, with at least one branch");
                }
                var branches = new Dictionary<string, WorkflowNode>(StringComparer.Ordinal);
                foreach (var (key, value) in branchSpec)
                {
                    CheckName(key, $"{where}.branches");
                    branches[key] = Node(value, $"{where}.branches.{key}", key);
                    CheckInput(branches[key], $"{where}.branches.{key}", earlier: null);
                }
                var fallback = spec.Get("default") is SpellNull ? null : Node(spec.Get("default"), $"{where}.default", "default");
                if (fallback is not null)
                {
                    CheckInput(fallback, $"{where}.default", earlier: null);
                }
                return new ConditionalNode(name, condition, stateKey, branches, fallback);
            }
            case "loop":
            {
                Reject(spec, where, "name", "body", "max_iterations", "until");
                if (spec.Get("body") is SpellNull)
                {
                    throw WorkflowErrors.Bad($"{where}.body", "missing: give the step or workflow to repeat");
                }
                var body = Node(spec.Get("body"), $"{where}.body", "body");
                CheckInput(body, $"{where}.body", earlier: null);
                var max = Int(spec, where, "max_iterations", 1, MaxIterationsCeiling) ?? DefaultMaxIterations;
                var until = spec.Get("until") is SpellNull ? null : Step(spec.Get("until"), $"{where}.until", "until");
                if (until is not null)
                {
                    CheckInput(until, $"{where}.until", earlier: null);
                }
                return new LoopNode(name, body, max, until);
            }
            default:
                throw WorkflowErrors.Bad(where, $"unknown workflow kind '{kind}'");
        }
    }

    /// <summary><c>result = "output"</c> (the default) or <c>"steps"</c>: <c>{ output, steps = { name = output } }</c>.</summary>
    private static bool WithSteps(SpellMap spec, string where) => spec.Get("result") switch
    {
        SpellNull or SpellString { Value: "output" } => false,
        SpellString { Value: "steps" } => true,
        var other => throw WorkflowErrors.Bad($"{where}.result", $"expected \"output\" or \"steps\", got {Describe(other)}"),
    };

    /// <summary>A step's <c>input</c> may name only steps before it in the same sequential workflow.</summary>
    private static void CheckInput(WorkflowNode child, string where, List<string>? earlier)
    {
        if (child is not StepNode { Input: { } input })
        {
            return;
        }

        if (earlier is null)
        {
            throw WorkflowErrors.Bad($"{where}.input", "only a step of a sequential workflow takes its input from earlier steps; here every step gets the workflow's input");
        }

        if (input.Steps.FirstOrDefault(n => !earlier.Contains(n)) is { } unknown)
        {
            throw WorkflowErrors.Bad($"{where}.input", $"names '{unknown}', which is not a step before this one ({(earlier.Count == 0 ? "there is none" : "earlier steps: " + string.Join(", ", earlier))})");
        }
    }

    private List<WorkflowNode> Children(SpellMap spec, string where, string field, bool sequential)
    {
        var list = spec.Get(field) switch
        {
            SpellList l => l,
            SpellMap { Count: 0 } => SpellList.Empty,
            var other => throw WorkflowErrors.Bad($"{where}.{field}", $"expected a list of steps, got {Describe(other)}"),
        };
        if (list.Count == 0)
        {
            throw WorkflowErrors.Bad($"{where}.{field}", "the list is empty; a workflow needs at least one step");
        }
        var children = new List<WorkflowNode>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var child = Node(list[i], $"{where}.{field}[{i + 1}]", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!names.Add(child.Name))
            {
                throw WorkflowErrors.Bad($"{where}.{field}[{i + 1}]", $"two steps are named '{child.Name}'; step names must differ within a workflow");
            }
            CheckInput(child, $"{where}.{field}[{i + 1}]", sequential ? children.Select(c => c.Name).ToList() : null);
            children.Add(child);
        }
        return children;
    }

    /// <summary>A step, or a workflow object declared earlier in the run (nested).</summary>
    private WorkflowNode Node(SpellValue value, string where, string fallbackName)
    {
        if (WorkflowSet.HandleName(value) is { } nested)
        {
            var definition = context.Workflows.Find(nested)
                ?? throw WorkflowErrors.Bad(where, $"no workflow named '{nested}' in this run");
            foreach (var (step, function) in definition.FunctionsByStep)
            {
                _functions[step] = function;
            }
            return definition.Root;
        }
        return Step(value, where, fallbackName);
    }

    private StepNode Step(SpellValue value, string where, string fallbackName)
    {
        var step = StepOf(value, where, fallbackName);
        if (value is not SpellMap spec || spec.Get("input") is SpellNull)
        {
            return step;
        }

        var input = StepInput.From(spec.Get("input"))
            ?? throw WorkflowErrors.Bad($"{where}.input", $"expected the name of an earlier step, or a list of names, got {Describe(spec.Get("input"))}");
        var named = step with { Input = input };
        if (_functions.Remove(step, out var function))
        {
            _functions[named] = function;
        }

        return named;
    }

    private StepNode StepOf(SpellValue value, string where, string fallbackName)
    {
        if (value is SpellCallback bare)
        {
            var step = new StepNode(fallbackName, StepTarget.Function, null, null, null);
            _functions[step] = bare;
            return step;
        }
        if (value is not SpellMap spec)
        {
            throw WorkflowErrors.Bad(where, $"expected a step (a function, or {{ name, run | tool | agent }}) or a workflow, got {Describe(value)}");
        }
        Reject(spec, where, "name", "run", "tool", "agent", "event", "spell", "args", "retry", "timeout_ms", "input");
        var targets = StepTargets.Where(t => spec.Get(t) is not SpellNull).ToList();
        if (targets.Count != 1)
        {
            throw WorkflowErrors.Bad(where, targets.Count == 0
                ? "a step needs one of run = function, tool = \"name\", agent = \"name\", event = \"name\" or spell = \"file\""
                : $"a step has one target, but this one has {string.Join(" and ", targets)}");
        }
        var retry = Retry(spec.Get("retry"), $"{where}.retry");
        var args = spec.Get("args") switch
        {
            SpellNull => null,
            SpellMap m => m,
            var other => throw WorkflowErrors.Bad($"{where}.args", $"expected a map of tool arguments, got {Describe(other)}"),
        };
        switch (targets[0])
        {
            case "run":
            {
                if (spec.Get("run") is not SpellCallback function)
                {
                    throw WorkflowErrors.Bad($"{where}.run", $"expected a function, got {Describe(spec.Get("run"))}");
                }
                var step = new StepNode(Name(spec, where, fallbackName), StepTarget.Function, null, args, retry);
                _functions[step] = function;
                return step;
            }
            case "tool":
            {
                var tool = Text(spec, where, "tool");
                _ = context.Tools.Find(tool) ?? throw WorkflowErrors.Bad($"{where}.tool", $"no tool named '{tool}' (known: {string.Join(", ", context.Tools.All.Select(t => t.Name))})");
                return new StepNode(Name(spec, where, tool), StepTarget.Tool, tool, args, retry);
            }
            case "spell":
            {
                var spell = Text(spec, where, "spell");
                return new StepNode(Name(spec, where, Path.GetFileNameWithoutExtension(spell)), StepTarget.Spell, spell, null, retry);
            }
            case "event":
            {
                var eventName = Text(spec, where, "event");
                var timeout = Int(spec, where, "timeout_ms", 1, int.MaxValue);
                return new StepNode(Name(spec, where, eventName), StepTarget.Event, eventName, null, null)
                {
                    Timeout = timeout is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                };
            }
            default:
            {
                var agent = Text(spec, where, "agent");
                _ = context.Agents.Find(agent) ?? throw WorkflowErrors.Bad($"{where}.agent", $"no agent named '{agent}'; create it with agent.create before declaring the workflow");
                return new StepNode(Name(spec, where, agent), StepTarget.Agent, agent, args, retry);
            }
        }
    }

    private static StepRetry? Retry(SpellValue value, string where)
    {
        if (value is SpellNull)
        {
            return null;
        }
        if (value is not SpellMap spec)
        {
            throw WorkflowErrors.Bad(where, $"expected {{ attempts, delay_ms, backoff, max_delay_ms }}, got {Describe(value)}");
        }
        Reject(spec, where, "attempts", "delay_ms", "backoff", "max_delay_ms");
        var options = new SpellOptions(where, spec);
        var backoff = options.GetNumber("backoff") ?? 2.0;
        if (backoff < 1.0)
        {
            throw WorkflowErrors.Bad($"{where}.backoff", $"must be at least 1.0, got {backoff}");
        }
        return new StepRetry(
            options.GetInt("attempts", 1, 100) ?? 3,
            TimeSpan.FromMilliseconds(options.GetInt("delay_ms", 1, 86_400_000) ?? 1000),
            backoff,
            TimeSpan.FromMilliseconds(options.GetInt("max_delay_ms", 1, 86_400_000) ?? 3_600_000));
    }

    private static string Name(SpellMap spec, string where, string? fallback)
    {
        var name = spec.Get("name") switch
        {
            SpellString s => s.Value,
            SpellNull when fallback is not null => fallback,
            SpellNull => throw WorkflowErrors.Bad($"{where}.name", "missing: a workflow needs a name (it names the durable run and its steps)"),
            var other => throw WorkflowErrors.Bad($"{where}.name", $"expected a string, got {Describe(other)}"),
        };
        CheckName(name, $"{where}.name");
        return name;
    }

    private static void CheckName(string name, string where)
    {
        if (name.Length == 0 || name.Length > 100 || name.Contains(WorkflowNode.PathSeparator, StringComparison.Ordinal) || name.StartsWith('@') || name.Any(char.IsControl))
        {
            throw WorkflowErrors.Bad(where, $"'{name}' is not a usable name: 1 to 100 characters, no '/', no leading '@'");
        }
    }

    private static string Text(SpellMap spec, string where, string field) => spec.Get(field) switch
    {
        SpellString { Value.Length: > 0 } s => s.Value,
        var other => throw WorkflowErrors.Bad($"{where}.{field}", $"expected a name, got {Describe(other)}"),
    };

    private static int? Int(SpellMap spec, string where, string field, int min, int max) =>
        new SpellOptions($"{where}", spec).GetInt(field, min, max);

    private static void Reject(SpellMap spec, string where, params string[] known)
    {
        foreach (var key in spec.Keys)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                throw WorkflowErrors.Bad(where, $"unknown field '{key}' (known: {string.Join(", ", known)})");
            }
        }
    }

    internal static string Describe(SpellValue value) => value is SpellString s ? $"\"{s.Value}\"" : SpellValue.TypeName(value.Kind);
}
