using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// Why a host runs a workflow spell. A durable run executes the spell's code once to capture the
/// workflow, then once per step in a fresh sandbox; in both cases the spell's own code runs up to
/// its <c>run</c>/<c>workflow.start</c> call, where the host takes over and ends the run.
/// </summary>
public abstract record WorkflowInvocation
{
    /// <summary>Capture the workflow and its input instead of running it; the run's result is { spec, input }.</summary>
    public sealed record Capture : WorkflowInvocation;

    /// <summary>Run the one step at <paramref name="Path"/> of workflow <paramref name="Workflow"/> on <paramref name="Input"/>; the run's result is the step's.</summary>
    public sealed record RunStep(string Workflow, string Path, SpellValue Input) : WorkflowInvocation;
}
