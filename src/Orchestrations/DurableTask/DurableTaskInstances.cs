using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.DurableTask.Client;

namespace LlmSpell.Orchestrations.DurableTask;

/// <summary>Microsoft.DurableTask's view of an instance in ours, so every face reports a run the same way.</summary>
public static class DurableTaskInstances
{
    public static WorkflowRunStatus ToStatus(Microsoft.DurableTask.Client.OrchestrationMetadata instance) =>
        WorkflowRunStatus.From(ToOurs(instance));

    public static Storage.OrchestrationMetadata ToOurs(Microsoft.DurableTask.Client.OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new Storage.OrchestrationMetadata(
            instance.InstanceId,
            instance.Name,
            "",
            ToOurs(instance.RuntimeStatus),
            instance.CreatedAt.UtcDateTime,
            instance.LastUpdatedAt.UtcDateTime,
            instance.IsCompleted ? instance.LastUpdatedAt.UtcDateTime : null,
            instance.SerializedInput,
            // A failed instance's "output" is its error message, not JSON, on some backends.
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? null : instance.SerializedOutput,
            instance.SerializedCustomStatus,
            instance.FailureDetails is { } failure ? new FailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace) : null,
            null);
    }

    public static OrchestrationStatus ToOurs(OrchestrationRuntimeStatus status) => status switch
    {
#pragma warning disable CS0618 // obsolete upstream, but older backends may still report them
        OrchestrationRuntimeStatus.Canceled => OrchestrationStatus.Terminated,
        OrchestrationRuntimeStatus.ContinuedAsNew => OrchestrationStatus.Running,
#pragma warning restore CS0618
        OrchestrationRuntimeStatus.Pending => OrchestrationStatus.Pending,
        OrchestrationRuntimeStatus.Running => OrchestrationStatus.Running,
        OrchestrationRuntimeStatus.Suspended => OrchestrationStatus.Suspended,
        OrchestrationRuntimeStatus.Completed => OrchestrationStatus.Completed,
        OrchestrationRuntimeStatus.Failed => OrchestrationStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => OrchestrationStatus.Terminated,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown orchestration status"),
    };
}
