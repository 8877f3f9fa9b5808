using System.Text.Json.Serialization;

namespace LlmSpell.Orchestrations.History;

/// <summary>
/// One fact in an orchestration's event-sourced history. Orchestrator code is replayed against
/// these in order, so they are immutable and carry everything replay needs; payloads stay as the
/// JSON text they were written as, so replay never depends on a type still deserializing the same.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecutionStarted), nameof(ExecutionStarted))]
[JsonDerivedType(typeof(OrchestratorStarted), nameof(OrchestratorStarted))]
[JsonDerivedType(typeof(TaskScheduled), nameof(TaskScheduled))]
[JsonDerivedType(typeof(TaskCompleted), nameof(TaskCompleted))]
[JsonDerivedType(typeof(TaskFailed), nameof(TaskFailed))]
[JsonDerivedType(typeof(SubOrchestrationCreated), nameof(SubOrchestrationCreated))]
[JsonDerivedType(typeof(SubOrchestrationCompleted), nameof(SubOrchestrationCompleted))]
[JsonDerivedType(typeof(SubOrchestrationFailed), nameof(SubOrchestrationFailed))]
[JsonDerivedType(typeof(TimerCreated), nameof(TimerCreated))]
[JsonDerivedType(typeof(TimerFired), nameof(TimerFired))]
[JsonDerivedType(typeof(EventRaised), nameof(EventRaised))]
[JsonDerivedType(typeof(ExecutionSuspended), nameof(ExecutionSuspended))]
[JsonDerivedType(typeof(ExecutionResumed), nameof(ExecutionResumed))]
[JsonDerivedType(typeof(ExecutionTerminated), nameof(ExecutionTerminated))]
[JsonDerivedType(typeof(ExecutionCompleted), nameof(ExecutionCompleted))]
public abstract record HistoryEvent
{
    public DateTime Timestamp { get; init; }
}

/// <summary>Where a sub-orchestration reports back to.</summary>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskScheduledId);

public sealed record ExecutionStarted(
    string Name, string ExecutionId, string? Input, ParentInstance? Parent = null) : HistoryEvent;

/// <summary>Opens each episode; its timestamp is the orchestrator's replay-safe clock.</summary>
public sealed record OrchestratorStarted : HistoryEvent;

public sealed record TaskScheduled(int EventId, string Name, string? Input) : HistoryEvent;

public sealed record TaskCompleted(int TaskScheduledId, string? Result) : HistoryEvent;

public sealed record TaskFailed(int TaskScheduledId, FailureDetails Failure) : HistoryEvent;

public sealed record SubOrchestrationCreated(int EventId, string Name, string InstanceId, string? Input) : HistoryEvent;

public sealed record SubOrchestrationCompleted(int TaskScheduledId, string? Result) : HistoryEvent;

public sealed record SubOrchestrationFailed(int TaskScheduledId, FailureDetails Failure) : HistoryEvent;

public sealed record TimerCreated(int EventId, DateTime FireAt) : HistoryEvent;

public sealed record TimerFired(int TimerId, DateTime FireAt) : HistoryEvent;

public sealed record EventRaised(string Name, string? Input) : HistoryEvent;

public sealed record ExecutionSuspended(string? Reason) : HistoryEvent;

public sealed record ExecutionResumed(string? Reason) : HistoryEvent;

public sealed record ExecutionTerminated(string? Reason) : HistoryEvent;

public sealed record ExecutionCompleted(OrchestrationStatus Status, string? Result, FailureDetails? Failure) : HistoryEvent;
