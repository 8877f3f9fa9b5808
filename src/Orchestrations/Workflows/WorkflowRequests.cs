using System.Text.Json;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>The input of a durable workflow run: the pinned spell, its workflow and the input.</summary>
public sealed record WorkflowRequest(SpellReference Spell, JsonElement Workflow, JsonElement Input)
{
    /// <summary>A new run's request, joined to the current trace.</summary>
    public static WorkflowRequest For(SpellReference spell, Values.SpellValue workflow, Values.SpellValue input, Values.SpellValue spellInput) =>
        new(spell, Values.SpellJson.ToElement(workflow), Values.SpellJson.ToElement(input))
        {
            SpellInput = Values.SpellJson.ToElement(spellInput),
            TraceParent = WorkflowTracing.CurrentTraceParent(),
        };

    /// <summary>What the spell ran with when it declared the workflow; its steps run it again on this. Absent in runs started before 0.5.</summary>
    public JsonElement? SpellInput { get; init; }

    /// <summary>The input each step's sandbox runs the spell on (earlier runs used the workflow's input).</summary>
    public JsonElement StepSpellInput => SpellInput ?? Input;

    /// <summary>The W3C trace context of the span that started the run, so every step joins the caller's trace.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>One iteration of a loop, as a sub-orchestration that continues as new per iteration.</summary>
public sealed record LoopRequest(SpellReference Spell, string Workflow, string Path, JsonElement Loop, JsonElement Input, int Iteration, JsonElement RunInput)
{
    /// <inheritdoc cref="WorkflowRequest.TraceParent"/>
    public string? TraceParent { get; init; }

    /// <summary>The budgets open where the loop runs, with what was spent when this generation began; null when none is.</summary>
    public IReadOnlyList<BudgetState>? Budgets { get; init; }

    /// <summary>What the loop's earlier generations spent, returned to the parent with the loop's output.</summary>
    public BudgetSpend Spent { get; init; } = new();
}

/// <summary>The input of the step activity: which step of which spell, on what.</summary>
public sealed record StepRequest(SpellReference Spell, string Workflow, string Path, JsonElement Input, JsonElement RunInput)
{
    /// <inheritdoc cref="WorkflowRequest.TraceParent"/>
    public string? TraceParent { get; init; }

    /// <summary>
    /// The budgets the step counts against, with what the workflow had spent when it was scheduled.
    /// When set, the step answers with a <see cref="BudgetedOutput"/> so the orchestrator can count it.
    /// </summary>
    public IReadOnlyList<BudgetState>? Budgets { get; init; }

    /// <summary>A spell step: <see cref="Spell"/> is the spell the step calls, run whole on the step's input (not one step of the workflow).</summary>
    public bool WholeSpell { get; init; }
}

/// <summary>A workflow budget as it travels to a step or a loop generation: its limits and what was spent.</summary>
public sealed record BudgetState(string Path, long? Tokens, decimal? CostUsd, BudgetSpend Spent);

/// <summary>Tokens and cost spent, as durable messages carry them.</summary>
public sealed record BudgetSpend(long InputTokens = 0, long OutputTokens = 0, decimal CostUsd = 0, long UnpricedCalls = 0)
{
    public static BudgetSpend Of(Llm.LlmUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return new(usage.InputTokens, usage.OutputTokens, usage.CostUsd, usage.UnpricedCalls);
    }

    public BudgetSpend Plus(BudgetSpend other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, CostUsd + other.CostUsd, UnpricedCalls + other.UnpricedCalls);
    }

    /// <summary>As one turn for a budget's account, which counts tokens and dollars.</summary>
    public Llm.LlmTurn AsTurn() => new(InputTokens, OutputTokens, CostUsd);
}

/// <summary>A budgeted step's or loop's answer: its output and what it spent.</summary>
public sealed record BudgetedOutput(JsonElement Output, BudgetSpend Spent);

/// <summary>A state read for a conditional.</summary>
public sealed record StateRequest(SpellReference Spell, string Key);

/// <summary>What a workflow run reports while it runs (its custom status).</summary>
public sealed record WorkflowProgress(string Workflow, string? Step, int Completed);
