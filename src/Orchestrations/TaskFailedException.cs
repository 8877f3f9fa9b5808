using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations;

/// <summary>An activity or sub-orchestration the orchestrator awaited has failed.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, FailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails.Message}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public TaskFailedException() : this("unknown", -1, new FailureDetails("unknown", "unknown")) { }

    public TaskFailedException(string message) : this("unknown", -1, new FailureDetails("unknown", message)) { }

    public TaskFailedException(string message, Exception innerException) : base(message, innerException)
    {
        TaskName = "unknown";
        FailureDetails = FailureDetails.FromException(innerException);
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public FailureDetails FailureDetails { get; }
}

/// <summary>
/// Orchestrator code did something different on replay from what its history records; the
/// instance is failed with this rather than continuing on a history it no longer matches.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException(string message) : base(message) { }

    public NonDeterministicOrchestrationException() { }

    public NonDeterministicOrchestrationException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>An instance with this id is already pending or running.</summary>
public sealed class OrchestrationInstanceExistsException : Exception
{
    public OrchestrationInstanceExistsException(string instanceId, OrchestrationStatus status)
        : base($"An orchestration with instance id '{instanceId}' already exists and is {status}.")
    {
        InstanceId = instanceId;
    }

    public OrchestrationInstanceExistsException() => InstanceId = "";

    public OrchestrationInstanceExistsException(string message) : base(message) => InstanceId = "";

    public OrchestrationInstanceExistsException(string message, Exception innerException) : base(message, innerException) => InstanceId = "";

    public string InstanceId { get; }
}
