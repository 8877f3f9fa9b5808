using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.Client;

/// <summary>
/// Starts, inspects and controls orchestration instances, whichever engine keeps them: the
/// embedded one (<see cref="DurableClient"/>) or the Durable Task Framework on Azure Storage.
/// Everything comes back in our own types, so hosts and commands are written once.
/// </summary>
public interface IDurableClient
{
    /// <summary>Creates what the task hub needs (tables, queues, files) if it is not there yet.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Schedules a new instance and returns its id (a new GUID unless given). Throws
    /// <see cref="OrchestrationInstanceExistsException"/> when the id belongs to an instance that has
    /// not finished; a finished one is replaced.
    /// </summary>
    Task<string> ScheduleNewOrchestrationInstanceAsync(string name, object? input = null, StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default);

    Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default);

    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>The events of the instance's current generation, oldest first; empty when there is no such instance.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Raises an event; an instance that has finished ignores it. Throws <see cref="InvalidOperationException"/> when there is no such instance.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default);

    /// <summary>Ends the instance as Terminated. Activities already running finish, and their results are dropped.</summary>
    Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Holds the instance: events keep arriving but the orchestrator sees none until resumed.</summary>
    Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance and its history; false when there is none. Throws <see cref="InvalidOperationException"/> if it is still running.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance is Completed, Failed or Terminated.</summary>
    Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default) =>
        InstanceWaits.UntilAsync(this, instanceId, s => s.IsTerminal(), TimeProvider.System, cancellationToken);

    /// <summary>Waits until the instance has left Pending.</summary>
    Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, CancellationToken cancellationToken = default) =>
        InstanceWaits.UntilAsync(this, instanceId, s => s != OrchestrationStatus.Pending, TimeProvider.System, cancellationToken);

    /// <summary>Every instance the query matches, page after page.</summary>
    async IAsyncEnumerable<OrchestrationMetadata> QueryAllInstancesAsync(InstanceQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var next = query;
        while (true)
        {
            var page = await QueryInstancesAsync(next, cancellationToken).ConfigureAwait(false);
            foreach (var instance in page.Instances)
            {
                yield return instance;
            }
            if (page.ContinuationToken is null)
            {
                yield break;
            }
            next = next with { ContinuationToken = page.ContinuationToken };
        }
    }
}
