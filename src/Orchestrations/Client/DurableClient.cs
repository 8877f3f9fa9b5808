using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.Client;

/// <summary>Starts, inspects and controls orchestration instances in a store.</summary>
public sealed class DurableClient(IOrchestrationStore store, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IOrchestrationStore Store { get; } = store;

    /// <summary>Schedules a new instance and returns its id (a new GUID unless given).</summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string name, object? input = null, StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Any(char.IsControl))
        {
            throw new ArgumentException($"'{instanceId}' is not a usable instance id: it must be non-empty text without control characters.", nameof(options));
        }
        var now = _time.GetUtcNow().UtcDateTime;
        var startAt = options?.StartAt?.UtcDateTime;
        var start = new ExecutionStarted(name, Guid.NewGuid().ToString("N"), DataConverter.Serialize(input)) { Timestamp = startAt ?? now };
        await Store.CreateInstanceAsync(new OrchestrationMessage(instanceId, null, start, startAt), cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default) =>
        Store.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        Store.QueryInstancesAsync(query, cancellationToken);

    /// <summary>Every instance the query matches, page after page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> QueryAllInstancesAsync(InstanceQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = query;
        while (true)
        {
            var page = await Store.QueryInstancesAsync(next, cancellationToken).ConfigureAwait(false);
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

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Store.GetHistoryAsync(instanceId, cancellationToken);

    /// <summary>Raises an event; an instance that has finished ignores it.</summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return SendAsync(instanceId, new EventRaised(eventName, DataConverter.Serialize(eventData)), cancellationToken);
    }

    /// <summary>Ends the instance as Terminated. Activities already running finish, and their results are dropped.</summary>
    public Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionTerminated(reason), cancellationToken);

    /// <summary>Holds the instance: events keep arriving but the orchestrator sees none until resumed.</summary>
    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionSuspended(reason), cancellationToken);

    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionResumed(reason), cancellationToken);

    /// <summary>Deletes a finished instance and its history. Throws if it is still running.</summary>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await Store.GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return false;
        }
        if (!instance.Status.IsTerminal())
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {instance.Status}; only Completed, Failed or Terminated instances can be purged. Terminate it first.");
        }
        return await Store.PurgeInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until the instance is Completed, Failed or Terminated.</summary>
    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(instanceId, s => s.IsTerminal(), cancellationToken);

    /// <summary>Waits until the instance has left Pending.</summary>
    public Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(instanceId, s => s != OrchestrationStatus.Pending, cancellationToken);

    private async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationStatus, bool> done, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var instance = await Store.GetInstanceAsync(instanceId, true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
            if (done(instance.Status))
            {
                return instance;
            }
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken)
    {
        var sent = await Store.SendAsync(new OrchestrationMessage(instanceId, null, message with { Timestamp = _time.GetUtcNow().UtcDateTime }), cancellationToken).ConfigureAwait(false);
        if (!sent)
        {
            throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
        }
    }
}

/// <summary>Options for scheduling an instance.</summary>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
