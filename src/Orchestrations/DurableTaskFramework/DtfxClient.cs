using DurableTask.AzureStorage;
using DurableTask.AzureStorage.Tracking;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;
using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>Our client verbs on a DTFx Azure Storage task hub: DTFx's <see cref="Dtfx.TaskHubClient"/>, and its service for queries, history and purges.</summary>
internal sealed class DtfxClient(AzureStorageOrchestrationService service, Func<CancellationToken, Task> ensureCreated) : IDurableClient
{
    // A run asked for by id while one of these stands is refused; a finished one is replaced.
    private static readonly Dtfx.OrchestrationStatus[] Unfinished =
        [Dtfx.OrchestrationStatus.Pending, Dtfx.OrchestrationStatus.Running, Dtfx.OrchestrationStatus.ContinuedAsNew, Dtfx.OrchestrationStatus.Suspended];

    private readonly Dtfx.TaskHubClient _client = new(service, PassThroughDataConverter.Instance);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => ensureCreated(cancellationToken);

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string name, object? input = null, StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var instanceId = InstanceErrors.NewInstanceId(options);
        var payload = new JsonText(DataConverter.Serialize(input));
        try
        {
            if (options?.StartAt is { } startAt)
            {
                await _client.CreateOrchestrationInstanceAsync(name, "", instanceId, payload, null, Unfinished, QueueVisibility.NotBefore(startAt.UtcDateTime)).ConfigureAwait(false);
            }
            else
            {
                await _client.CreateOrchestrationInstanceAsync(name, "", instanceId, payload, null, Unfinished).ConfigureAwait(false);
            }
        }
        catch (Dtfx.Exceptions.OrchestrationAlreadyExistsException)
        {
            var existing = await GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
            throw new OrchestrationInstanceExistsException(instanceId, existing?.Status ?? OrchestrationStatus.Running);
        }
        return instanceId;
    }

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default)
    {
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs).ConfigureAwait(false);
        return states.FirstOrDefault(s => s is not null) is { } state ? DtfxInstances.ToOurs(state, getInputsAndOutputs) : null;
    }

    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var condition = new OrchestrationInstanceStatusQueryCondition
        {
            RuntimeStatus = query.Statuses is { Count: > 0 } statuses ? statuses.SelectMany(DtfxInstances.ToDtfx).ToList() : null,
            CreatedTimeFrom = query.CreatedFrom ?? default,
            CreatedTimeTo = query.CreatedTo ?? default,
            InstanceIdPrefix = query.InstanceIdPrefix,
            FetchInput = query.FetchPayloads,
            FetchOutput = query.FetchPayloads,
        };
        var page = await service.GetOrchestrationStateAsync(condition, query.PageSize, ContinuationTokens.Read(query.ContinuationToken), cancellationToken).ConfigureAwait(false);
        var instances = page.OrchestrationState.Select(s => DtfxInstances.ToOurs(s, query.FetchPayloads)).OrderBy(i => i.CreatedAt).ThenBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
        return new InstancePage(instances, ContinuationTokens.Write(page.ContinuationToken));
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (await GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false) is not { } instance)
        {
            return [];
        }
        return DtfxHistory.Parse(await service.GetOrchestrationHistoryAsync(instanceId, instance.ExecutionId).ConfigureAwait(false));
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        await _client.RaiseEventAsync(await ExistingAsync(instanceId, cancellationToken).ConfigureAwait(false), eventName,
            new JsonText(DataConverter.Serialize(eventData))).ConfigureAwait(false);
    }

    public async Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        await _client.TerminateInstanceAsync(await ExistingAsync(instanceId, cancellationToken).ConfigureAwait(false), reason ?? "").ConfigureAwait(false);

    public async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        await _client.SuspendInstanceAsync(await ExistingAsync(instanceId, cancellationToken).ConfigureAwait(false), reason ?? "").ConfigureAwait(false);

    public async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        await _client.ResumeInstanceAsync(await ExistingAsync(instanceId, cancellationToken).ConfigureAwait(false), reason ?? "").ConfigureAwait(false);

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (await GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false) is not { } instance)
        {
            return false;
        }
        if (!instance.Status.IsTerminal())
        {
            throw InstanceErrors.NotFinished(instanceId, instance.Status);
        }
        return (await service.PurgeInstanceHistoryAsync(instanceId).ConfigureAwait(false)).InstancesDeleted > 0;
    }

    private async Task<Dtfx.OrchestrationInstance> ExistingAsync(string instanceId, CancellationToken cancellationToken) =>
        await GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false) is not null
            ? new Dtfx.OrchestrationInstance { InstanceId = instanceId }
            : throw InstanceErrors.NoSuchInstance(instanceId);
}
