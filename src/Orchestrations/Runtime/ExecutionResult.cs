using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>What one execution of orchestrator code produced.</summary>
internal sealed record ExecutionResult(
    IReadOnlyList<OrchestratorAction> NewActions,
    string? CustomStatus,
    bool IsSuspended,
    ExecutionCompleted? Completion,
    ContinueAsNewResult? ContinueAsNew);

/// <summary>The next generation: its input and the events carried over into it.</summary>
internal sealed record ContinueAsNewResult(string? Input, IReadOnlyList<EventRaised> CarriedEvents);
