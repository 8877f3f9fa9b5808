namespace LlmSpell.Orchestrations.Runtime;

/// <summary>An orchestrator as the engine sees it: the context in, the serialized output out.</summary>
public delegate Task<string?> OrchestratorFunction(OrchestrationContext context);

/// <summary>An activity as the engine sees it: the serialized input in, the serialized output out.</summary>
public delegate Task<string?> ActivityFunction(ActivityContext context, string? input);

/// <summary>What an activity knows about the call it is serving.</summary>
public sealed record ActivityContext(string Name, string InstanceId, int TaskId, CancellationToken CancellationToken);
