using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// Durable workflow runs, for spells that start them (<c>workflow.start</c> and friends). Core
/// defines it; the orchestration engine implements it, so Core knows nothing about storage.
/// </summary>
public interface IWorkflowService
{
    /// <summary>Stores the spell by its content hash and starts its workflow; returns the run id.</summary>
    /// <param name="input">The workflow's input (the argument of its run or start).</param>
    /// <param name="spellInput">
    /// The input the spell itself ran with. Each durable step runs the spell again on it, so the
    /// spell's top-level code sees in every step what it saw when it declared the workflow.
    /// </param>
    Task<string> StartAsync(SpellScript script, SpellValue spec, SpellValue input, SpellValue spellInput, string? runId, CancellationToken cancellationToken);

    /// <summary>{ id, name, status, output, error, progress, created_at, completed_at }, or null when there is no such run.</summary>
    Task<SpellValue> StatusAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Waits until the run has finished and returns its status.</summary>
    Task<SpellValue> WaitAsync(string runId, CancellationToken cancellationToken);

    Task RaiseAsync(string runId, string eventName, SpellValue data, CancellationToken cancellationToken);
}
