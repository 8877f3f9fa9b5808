using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// What the interpreter needs from where it runs: in the spell's own process, or inside a durable
/// orchestrator (where each step is an activity and a loop is a continue-as-new sub-orchestration).
/// Implementations for orchestrators must stay on the orchestrator's thread: no ConfigureAwait(false).
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Runs one step (with its retries) and returns its result.</summary>
    Task<SpellValue> RunStepAsync(StepNode stepNode, string path, SpellValue input);

    /// <summary>Reads a state key of the spell for a conditional.</summary>
    Task<SpellValue> ReadStateAsync(string key);

    /// <summary>Runs a loop to its end and returns the last body output.</summary>
    Task<SpellValue> RunLoopAsync(LoopNode loopNode, string path, SpellValue input);

    /// <summary>Runs <paramref name="run"/> (the workflow at <paramref name="path"/>) so that every LLM call in it counts against <paramref name="budget"/>.</summary>
    Task<SpellValue> RunWithinBudgetAsync(WorkflowBudget budget, string path, Func<Task<SpellValue>> run);
}
