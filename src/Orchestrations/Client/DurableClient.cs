using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.Client;

/// <summary>Starts, inspects and controls orchestration instances in a store of the embedded engine.</summary>
public sealed class DurableClient(IOrchestrationStore store, TimeProvider? time = null) : IDurableClient
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IOrchestrationStore Store { get; } = store;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => Store.EnsureCreatedAsync(cancellationToken);

    /// <summary>Schedules a new instance and returns its id (a new GUID unless given).</summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string name, object? input = null, StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var instanceId = InstanceErrors.NewInstanceId(options);
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

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Store.GetHistoryAsync(instanceId, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return SendAsync(instanceId, new EventRaised(eventName, DataConverter.Serialize(eventData)), cancellationToken);
    }

    public Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionTerminated(reason), cancellationToken);

    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionSuspended(reason), cancellationToken);

    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionResumed(reason), cancellationToken);

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await Store.GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return false;
        }
        if (!instance.Status.IsTerminal())
        {
            throw InstanceErrors.NotFinished(instanceId, instance.Status);
        }
        return await Store.PurgeInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default) =>
        InstanceWaits.UntilAsync(this, instanceId, s => s.IsTerminal(), _time, cancellationToken);

    public Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, CancellationToken cancellationToken = default) =>
        InstanceWaits.UntilAsync(this, instanceId, s => s != OrchestrationStatus.Pending, _time, cancellationToken);

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken)
    {
        var sent = await Store.SendAsync(new OrchestrationMessage(instanceId, null, message with { Timestamp = _time.GetUtcNow().UtcDateTime }), cancellationToken).ConfigureAwait(false);
        if (!sent)
        {
            throw InstanceErrors.NoSuchInstance(instanceId);
        }
    }
}

/// <summary>Options for scheduling an instance.</summary>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
