using System.Text.Json;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>The input of a durable workflow run: the pinned spell, its workflow and the input.</summary>
public sealed record WorkflowRequest(SpellReference Spell, JsonElement Workflow, JsonElement Input)
{
    /// <summary>What the spell ran with when it declared the workflow; its steps run it again on this. Absent in runs started before 0.5.</summary>
    public JsonElement? SpellInput { get; init; }

    /// <summary>The input each step's sandbox runs the spell on (earlier runs used the workflow's input).</summary>
    public JsonElement StepSpellInput => SpellInput ?? Input;
}

/// <summary>One iteration of a loop, as a sub-orchestration that continues as new per iteration.</summary>
public sealed record LoopRequest(SpellReference Spell, string Workflow, string Path, JsonElement Loop, JsonElement Input, int Iteration, JsonElement RunInput);

/// <summary>The input of the step activity: which step of which spell, on what.</summary>
public sealed record StepRequest(SpellReference Spell, string Workflow, string Path, JsonElement Input, JsonElement RunInput);

/// <summary>A state read for a conditional.</summary>
public sealed record StateRequest(SpellReference Spell, string Key);

/// <summary>What a workflow run reports while it runs (its custom status).</summary>
public sealed record WorkflowProgress(string Workflow, string? Step, int Completed);
