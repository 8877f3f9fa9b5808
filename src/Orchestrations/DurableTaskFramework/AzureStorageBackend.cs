using Azure;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using LlmSpell.Errors;
using LlmSpell.Orchestrations.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// Durable runs on Azure Storage through the standard stack: DTFx's <see cref="AzureStorageOrchestrationService"/>
/// (the backend of Durable Functions) with our orchestrators bound to its context. Each worker gets
/// a service of its own, with an id of its own, so several in one process own partitions apart.
/// </summary>
public sealed class AzureStorageBackend : IDurableBackend
{
    private static readonly TimeSpan MinimumControlQueueVisibility = TimeSpan.FromSeconds(30);
    private static int s_workers;
    private readonly AzureStorageTaskHubOptions _options;
    private readonly AzureStorageOrchestrationService _clientService;
    private readonly Threading.InitializeOnce _created;

    public AzureStorageBackend(AzureStorageTaskHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clientService = new AzureStorageOrchestrationService(Settings(new DurableWorkerOptions(), NullLoggerFactory.Instance, "client"));
        _created = new Threading.InitializeOnce(CreateAsync);
        Client = new DtfxClient(_clientService, _created.EnsureAsync);
    }

    public IDurableClient Client { get; }

    public string Description => $"Azure Storage task hub '{_options.TaskHub}'";

    public IHostedService CreateWorker(OrchestrationRegistry registry, DurableWorkerOptions options, ILoggerFactory loggers)
    {
        var workerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Interlocked.Increment(ref s_workers)}";
        return new DtfxWorker(new AzureStorageOrchestrationService(Settings(options, loggers, workerId)), registry, _created.EnsureAsync, loggers);
    }

    public ValueTask DisposeAsync()
    {
        _clientService.Dispose();
        return ValueTask.CompletedTask;
    }

    private AzureStorageOrchestrationServiceSettings Settings(DurableWorkerOptions worker, ILoggerFactory loggers, string workerId) => new()
    {
        StorageAccountClientProvider = _options.Account.ConnectionString is { } connection
            ? new StorageAccountClientProvider(connection)
            : new StorageAccountClientProvider(_options.Account.AccountName!, _options.Account.Credential!),
        TaskHubName = _options.TaskHub,
        PartitionCount = _options.PartitionCount,
        ControlQueueBatchSize = _options.ControlQueueBatchSize,
        MaxQueuePollingInterval = _options.MaxQueuePollingInterval,
        ExtendedSessionsEnabled = _options.ExtendedSessions,
        MaxConcurrentTaskOrchestrationWorkItems = worker.MaxConcurrentOrchestrations ?? 10 * Environment.ProcessorCount,
        MaxConcurrentTaskActivityWorkItems = worker.MaxConcurrentActivities,
        // A crashed worker's partitions and activities move on after the lock timeout, as on the embedded engine.
        LeaseInterval = worker.LockTimeout,
        LeaseRenewInterval = worker.LockTimeout / 3,
        LeaseAcquireInterval = worker.LockTimeout / 3,
        WorkItemQueueVisibilityTimeout = worker.LockTimeout,
        // Control-queue messages are taken in batches and wait in memory for a free slot, unrenewed: hidden
        // for less than that wait, they show again and are taken twice while the first copy waits, and a
        // backlog never drains (seen under load with a 3 s lock: no run of 200 finished in 6 minutes).
        // So they stay hidden at least 30 s, which is also how long a crashed worker's may wait to be seen.
        ControlQueueVisibilityTimeout = worker.LockTimeout > MinimumControlQueueVisibility ? worker.LockTimeout : MinimumControlQueueVisibility,
        WorkerId = workerId,
        // A start asked for under an id still in use is refused, not dropped in silence.
        ThrowExceptionOnInvalidDedupeStatus = true,
        LoggerFactory = loggers,
    };

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await RefuseEarlierStoreAsync(cancellationToken).ConfigureAwait(false);
        await _clientService.CreateIfNotExistsAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// LlmSpell's own earlier Azure Storage engine named its tables and queues as DTFx does but
    /// wrote another format; DTFx would fail on every one of its messages. Such a hub is refused with
    /// what to do, and nothing in it is touched.
    /// </summary>
    private async Task RefuseEarlierStoreAsync(CancellationToken cancellationToken)
    {
        var instances = _options.Account.Tables().GetTableClient(_options.TaskHub + "Instances");
        try
        {
            // Its instance rows have "Status"; DTFx's have "RuntimeStatus".
            await foreach (var _ in instances.QueryAsync<TableEntity>("Status ne ''", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                throw new SpellException(SpellErrorCode.BadArgument,
                    $"task hub '{_options.TaskHub}' holds runs of LlmSpell's earlier Azure Storage engine, which this version no longer runs: " +
                    "finish them with the earlier version, then delete that hub's tables and queues, or set durable.taskHub to a new name (README: \"Migrating from the earlier Azure Storage engine\")");
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A new hub.
        }
    }
}
