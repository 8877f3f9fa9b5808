using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// A workflow as data: the shape a spell declared, without its functions. Nodes are addressed by
/// path (names joined by '/'), which is how a durable run finds a step again in a fresh sandbox of
/// the same spell (the run is pinned to the spell's content hash, so the paths cannot move).
/// </summary>
public abstract record WorkflowNode(string Name)
{
    public const char PathSeparator = '/';

    /// <summary>What this workflow and everything in it may spend on LLMs; null for no limit of its own.</summary>
    public WorkflowBudget? Budget { get; init; }
}

public enum StepTarget
{
    Function,
    Tool,
    Agent,

    /// <summary>Waits for an event raised to the durable run (<c>workflow.raise</c>); its data is the result.</summary>
    Event,

    /// <summary>Runs another spell of the project (any engine) with the step's input; its result is the step's.</summary>
    Spell,
}

/// <summary>How a failed step is tried again.</summary>
public sealed record StepRetry(int Attempts, TimeSpan Delay, double Backoff, TimeSpan MaxDelay)
{
    public TimeSpan DelayAfter(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(Delay.TotalMilliseconds * Math.Pow(Backoff, attempt - 1), MaxDelay.TotalMilliseconds));
}

/// <summary>
/// Where a step of a sequential workflow takes its input from instead of the step before: one
/// earlier step's output (<c>input = "fetch"</c>), or several by name (<c>input = { "fetch", "rank" }</c>).
/// </summary>
public sealed record StepInput(IReadOnlyList<string> Steps, bool ByName)
{
    /// <summary>As a spell writes it, and a stored spec keeps it: a name, or a list of names.</summary>
    public SpellValue ToValue() => ByName ? new SpellList(Steps.Select(SpellValue.From)) : SpellValue.From(Steps[0]);

    /// <summary>Reads <see cref="ToValue"/>'s form back; null for any other value.</summary>
    public static StepInput? From(SpellValue value) => value switch
    {
        SpellString name => new StepInput([name.Value], ByName: false),
        SpellList { Count: > 0 } names when names.All(n => n is SpellString) => new StepInput([.. names.Cast<SpellString>().Select(n => n.Value)], ByName: true),
        _ => null,
    };
}

/// <summary>One unit of work: a spell function, a tool or an agent, given the step's input.</summary>
public sealed record StepNode(string Name, StepTarget Target, string? TargetName, SpellMap? Arguments, StepRetry? Retry) : WorkflowNode(Name)
{
    /// <summary>For event steps: how long to wait before the step fails; null waits for ever.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Earlier steps whose outputs are this step's input; null takes the usual input.</summary>
    public StepInput? Input { get; init; }

    /// <summary>For spell steps on a durable run: the archived spell the run was pinned to when it started.</summary>
    public PinnedSpell? Pinned { get; init; }
}

/// <summary>A spell step's spell as a durable run keeps it: by content hash, so every replay runs the same source.</summary>
public sealed record PinnedSpell(string Hash, string File, string Id)
{
}

/// <summary>
/// Each child gets the previous child's output; the last output is the result — or, with
/// <see cref="WithSteps"/>, <c>{ output, steps = { name = output, ... } }</c>.
/// </summary>
public sealed record SequentialNode(string Name, IReadOnlyList<WorkflowNode> Steps) : WorkflowNode(Name)
{
    public bool WithSteps { get; init; }
}

/// <summary>What a parallel workflow does when a branch fails.</summary>
public enum ParallelErrors
{
    /// <summary>The first failure fails the workflow; branches not yet started never start.</summary>
    FailFast,

    /// <summary>Every branch runs; the result is <c>{ results, errors }</c>, a failed branch's result null.</summary>
    Collect,
}

public enum ParallelMerge
{
    /// <summary>A list of the children's results, in declaration order.</summary>
    List,

    /// <summary>A map from each child's name to its result.</summary>
    Map,
}

/// <summary>Every child gets the same input and runs at once, at most <see cref="MaxConcurrency"/> at a time.</summary>
public sealed record ParallelNode(string Name, IReadOnlyList<WorkflowNode> Steps, int MaxConcurrency, ParallelMerge Merge) : WorkflowNode(Name)
{
    /// <summary>The result is <c>{ output, steps = { name = output, ... } }</c>.</summary>
    public bool WithSteps { get; init; }

    public ParallelErrors OnError { get; init; }
}

/// <summary>
/// Runs the branch named by the condition step's result (or by a state value); the branch gets the
/// conditional's input. <see cref="Default"/> runs when no branch has that name.
/// </summary>
public sealed record ConditionalNode(string Name, StepNode? Condition, string? StateKey,
    IReadOnlyDictionary<string, WorkflowNode> Branches, WorkflowNode? Default) : WorkflowNode(Name);

/// <summary>
/// Runs the body again on its own output until the stop test says so (or the body returns a map with
/// done = true). Durable runs do one iteration per generation (continue-as-new), so history stays small.
/// </summary>
public sealed record LoopNode(string Name, WorkflowNode Body, int MaxIterations, StepNode? Until) : WorkflowNode(Name);
