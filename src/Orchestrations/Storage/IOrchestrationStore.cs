using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Storage;

/// <summary>
/// Where a task hub of the embedded engine lives: instances, histories, and the messages between
/// them. A store (SQLite) implements this and nothing else; the worker and the client hold all
/// orchestration semantics. (Beyond one machine, runs go to DTFx's Azure Storage backend instead:
/// <see cref="DurableTaskFramework.AzureStorageBackend"/>.)
/// </summary>
public interface IOrchestrationStore : IAsyncDisposable, IDisposable
{
    /// <summary>Creates tables, queues and containers that do not exist yet.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a new instance and its start message. Throws <see cref="OrchestrationInstanceExistsException"/>
    /// when the id is taken by an instance that has not finished; a finished one is replaced.
    /// </summary>
    Task CreateInstanceAsync(OrchestrationMessage start, CancellationToken cancellationToken = default);

    /// <summary>Sends an event to an existing instance; false when there is no such instance.</summary>
    Task<bool> SendAsync(OrchestrationMessage message, CancellationToken cancellationToken = default);

    Task<OrchestrationWorkItem?> TryLockOrchestrationAsync(TimeSpan lockFor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a checkpoint: outbound messages, history, instance row, consumed messages. Throws
    /// <see cref="WorkItemLockLostException"/>, having committed nothing of the history, when
    /// another worker owns the instance now.
    /// </summary>
    Task CompleteOrchestrationAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Releases the instance; its messages become visible again after <paramref name="delay"/>.</summary>
    Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default);

    Task RenewOrchestrationLockAsync(OrchestrationWorkItem workItem, TimeSpan lockFor, CancellationToken cancellationToken = default);

    Task<ActivityWorkItem?> TryLockActivityAsync(TimeSpan lockFor, CancellationToken cancellationToken = default);

    /// <summary>Sends the activity's result to its instance and removes the activity message.</summary>
    Task CompleteActivityAsync(ActivityWorkItem workItem, OrchestrationMessage response, CancellationToken cancellationToken = default);

    Task AbandonActivityAsync(ActivityWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default);

    Task RenewActivityLockAsync(ActivityWorkItem workItem, TimeSpan lockFor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until this process enqueues work or <paramref name="maxWait"/> passes. Work from other
    /// processes is found by the next poll.
    /// </summary>
    Task WaitForWorkAsync(TimeSpan maxWait, CancellationToken cancellationToken);

    Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool fetchPayloads = true, CancellationToken cancellationToken = default);

    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance with its history; false when there was none to delete.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}
