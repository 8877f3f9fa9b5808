using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>A workflow declared by a running spell: its shape and the spell functions its steps call.</summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, StepNode> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SpellCallback> _functions = new(StringComparer.Ordinal);

    /// <param name="functionsByStep">The spell function of each function step, keyed by the step node itself.</param>
    public WorkflowDefinition(WorkflowNode root, IReadOnlyDictionary<StepNode, SpellCallback> functionsByStep)
    {
        Root = root;
        FunctionsByStep = functionsByStep;
        foreach (var (node, path) in WorkflowPaths.Walk(root, root.Name))
        {
            if (node is StepNode step)
            {
                _steps[path] = step;
                if (functionsByStep.TryGetValue(step, out var function))
                {
                    _functions[path] = function;
                }
            }
        }
    }

    public WorkflowNode Root { get; }

    public string Name => Root.Name;

    /// <summary>Keyed by node identity, so a workflow nested in another keeps its functions.</summary>
    public IReadOnlyDictionary<StepNode, SpellCallback> FunctionsByStep { get; }

    /// <summary>The step at <paramref name="path"/> (conditions and stop tests included), or null.</summary>
    public StepNode? FindStep(string path) => _steps.GetValueOrDefault(path);

    public SpellCallback? FindFunction(string path) => _functions.GetValueOrDefault(path);

    public IEnumerable<string> StepPaths => _steps.Keys;
}

/// <summary>The workflows of one run, by name.</summary>
public sealed class WorkflowSet
{
    private readonly Dictionary<string, WorkflowDefinition> _workflows = new(StringComparer.Ordinal);

    public WorkflowDefinition Add(WorkflowDefinition workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        lock (_workflows)
        {
            if (!_workflows.TryAdd(workflow.Name, workflow))
            {
                throw WorkflowErrors.Bad("workflow", $"a workflow named '{workflow.Name}' already exists in this run; give each workflow its own name");
            }
        }
        return workflow;
    }

    /// <summary>
    /// The name a workflow handle (the map <c>workflow.sequential</c> and friends return) carries, or
    /// null when <paramref name="value"/> is not such a handle.
    /// </summary>
    public static string? HandleName(SpellValue value) =>
        value is SpellMap map && map.Get("kind") is SpellString { Value: HandleKind } && map.Get("name") is SpellString name ? name.Value : null;

    /// <summary>The <c>kind</c> of a workflow handle.</summary>
    public const string HandleKind = "workflow";

    public WorkflowDefinition? Find(string name)
    {
        lock (_workflows)
        {
            return _workflows.GetValueOrDefault(name);
        }
    }
}
