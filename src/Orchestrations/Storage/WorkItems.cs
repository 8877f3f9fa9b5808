using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Storage;

/// <summary>
/// An instance locked by this worker: its history and the messages waiting for it. The lock is
/// the store's to interpret; it is what lets a completion notice that another worker took over.
/// </summary>
public sealed class OrchestrationWorkItem(string instanceId, IReadOnlyList<HistoryEvent> history, IReadOnlyList<OrchestrationMessage> messages, object lockToken)
{
    public string InstanceId { get; } = instanceId;

    public IReadOnlyList<HistoryEvent> History { get; } = history;

    public IReadOnlyList<OrchestrationMessage> Messages { get; } = messages;

    public object LockToken { get; } = lockToken;
}

/// <summary>
/// The checkpoint of one work item. <see cref="DeferredMessages"/> could not be applied yet (a
/// reply that overtook its own scheduling) and go back to wait; every other message is consumed.
/// </summary>
public sealed record OrchestrationCheckpoint(
    IReadOnlyList<HistoryEvent> NewHistory,
    bool StartsNewGeneration,
    IReadOnlyList<ActivityMessage> Activities,
    IReadOnlyList<OrchestrationMessage> Messages,
    IReadOnlyList<OrchestrationMessage> DeferredMessages,
    InstanceUpdate? Instance);

/// <summary>The instance row after a checkpoint; null fields keep their stored values.</summary>
public sealed record InstanceUpdate(
    OrchestrationStatus Status,
    string? ExecutionId,
    string? Input,
    string? Output,
    string? CustomStatus,
    FailureDetails? Failure,
    DateTime? CompletedAt);

/// <summary>An activity locked by this worker.</summary>
public sealed class ActivityWorkItem(ActivityMessage message, int dequeueCount, object lockToken)
{
    public ActivityMessage Message { get; } = message;

    public int DequeueCount { get; } = dequeueCount;

    public object LockToken { get; } = lockToken;
}

/// <summary>The lock on a work item expired and another worker may have taken it; nothing was committed.</summary>
public sealed class WorkItemLockLostException : Exception
{
    public WorkItemLockLostException(string message) : base(message) { }

    public WorkItemLockLostException() { }

    public WorkItemLockLostException(string message, Exception innerException) : base(message, innerException) { }
}
