using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>
/// The scale-out provider: a task hub in an Azure Storage account (or Azurite). Instance messages
/// travel through partitioned control queues, activities through one work-item queue; histories
/// and instances live in tables; oversized payloads in blobs. Each history partition has a
/// sentinel row whose ETag is the instance's lease and guards every history write, so two workers
/// can never both commit a checkpoint: the second gets 412 and abandons.
/// </summary>
public sealed class AzureStorageOrchestrationStore : IOrchestrationStore
{
    private const int MaxBatch = 99;
    private const int MaxParallelRequests = 16;
    private const int ActivityReceiveBatch = 16;
    private static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(6);
    private static readonly TimeSpan ReleaseDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DeferDelay = TimeSpan.FromSeconds(1);

    private readonly AzureStorageOrchestrationOptions _options;
    private readonly AzureStorageNames _names;
    private readonly TableClient _instances;
    private readonly TableClient _history;
    private readonly QueueClient _workItems;
    private readonly QueueClient[] _control;
    private readonly BlobContainerClient _blobs;
    private readonly LargePayloads _large;
    private readonly TimeProvider _time;
    private readonly WorkSignal _signal = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ReceivedMessage>> _buffered = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lockedHere = new(StringComparer.Ordinal);
    private readonly HistoryCache _cache = new(capacity: 1000);
    private readonly System.Collections.Concurrent.ConcurrentQueue<(QueueMessage Message, DateTimeOffset ReceivedAt)> _activities = new();
    private int _nextPartition;

    public AzureStorageOrchestrationStore(AzureStorageOrchestrationOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var account = options.Account ?? throw new ArgumentException("AzureStorageOrchestrationOptions needs an Account (or a ConnectionString)", nameof(options));
        _options = options;
        _names = new AzureStorageNames(options.TaskHub, options.PartitionCount);
        _time = time ?? TimeProvider.System;
        var tables = account.Tables();
        _instances = tables.GetTableClient(_names.InstancesTable);
        _history = tables.GetTableClient(_names.HistoryTable);
        var queues = account.Queues();
        _workItems = queues.GetQueueClient(_names.WorkItemQueue);
        _control = [.. _names.ControlQueues.Select(queues.GetQueueClient)];
        _blobs = account.Blobs().GetBlobContainerClient(_names.LargeMessageContainer);
        _large = new LargePayloads(_blobs);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await _instances.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _history.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _workItems.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var queue in _control)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        await _blobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task CreateInstanceAsync(OrchestrationMessage start, CancellationToken cancellationToken = default)
    {
        if (!await TryCreateInstanceAsync(start, cancellationToken).ConfigureAwait(false))
        {
            var existing = await _instances.GetEntityIfExistsAsync<TableEntity>(start.InstanceId, "", cancellationToken: cancellationToken).ConfigureAwait(false);
            throw new OrchestrationInstanceExistsException(start.InstanceId, Enum.Parse<OrchestrationStatus>(existing.Value!.GetString("Status")));
        }
        _signal.Set();
    }

    public async Task<bool> SendAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
    {
        var exists = await _instances.GetEntityIfExistsAsync<TableEntity>(message.InstanceId, "", ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        if (!exists.HasValue)
        {
            return false;
        }
        await EnqueueAsync(message, cancellationToken).ConfigureAwait(false);
        _signal.Set();
        return true;
    }

    public async Task<OrchestrationWorkItem?> TryLockOrchestrationAsync(TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        var received = false;
        while (true)
        {
            var next = TakeBuffered();
            if (next is null)
            {
                if (received)
                {
                    return null;
                }
                await ReceiveControlMessagesAsync(lockFor, cancellationToken).ConfigureAwait(false);
                received = true;
                continue;
            }

            var (instanceId, messages) = next.Value;
            try
            {
                var lease = await TryLeaseAsync(instanceId, lockFor, cancellationToken).ConfigureAwait(false);
                switch (lease)
                {
                    case null:
                        // No such instance (purged or never created): nobody will ever read these.
                        await DeleteMessagesAsync(messages, cancellationToken).ConfigureAwait(false);
                        Release(instanceId);
                        continue;
                    case { Locked: false }:
                        // Another worker holds the instance; it picks these up once they are visible again.
                        await SetVisibilityAsync(messages, ReleaseDelay, cancellationToken).ConfigureAwait(false);
                        Release(instanceId);
                        continue;
                }
                var held = new InstanceLease(lease.Token, lease.ETag, lease.History.Count, messages);
                return new OrchestrationWorkItem(instanceId, lease.History, [.. messages.Select(m => m.Message)], held);
            }
            catch
            {
                Release(instanceId);
                throw;
            }
        }
    }

    public async Task CompleteOrchestrationAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var held = (InstanceLease)workItem.LockToken;
        try
        {
            // 1. Outbound messages first: a crash after this sends them again (receivers drop the
            //    duplicates); a crash before the history commit must not lose them.
            //    Sent side by side: a fan-out of a thousand is a thousand requests.
            await InParallelAsync(checkpoint.Activities, (activity, token) =>
                SendEnvelopeAsync(_workItems, activity.InstanceId, activity.ExecutionId, activity.Event, null, token), cancellationToken).ConfigureAwait(false);
            await InParallelAsync(checkpoint.Messages, (message, token) => message.Event is ExecutionStarted && message.InstanceId != workItem.InstanceId
                ? TryCreateInstanceAsync(message, token)
                : EnqueueAsync(message, token), cancellationToken).ConfigureAwait(false);

            // 2. The checkpoint: history rows and the sentinel, ETag-guarded in every batch.
            var first = checkpoint.StartsNewGeneration ? 0 : held.HistoryCount;
            var rows = new List<TableEntity>();
            var executionId = checkpoint.Instance?.ExecutionId ?? workItem.History.OfType<ExecutionStarted>().FirstOrDefault()?.ExecutionId ?? "";
            for (var i = 0; i < checkpoint.NewHistory.Count; i++)
            {
                rows.Add(await HistoryRowAsync(workItem.InstanceId, first + i, executionId, checkpoint.NewHistory[i], cancellationToken).ConfigureAwait(false));
            }
            var total = first + rows.Count;
            var chunks = rows.Chunk(MaxBatch).ToList();
            if (chunks.Count == 0)
            {
                chunks.Add([]);
            }
            for (var c = 0; c < chunks.Count; c++)
            {
                var last = c == chunks.Count - 1;
                var sentinel = Sentinel(workItem.InstanceId, last ? total : held.HistoryCount, last ? null : held.Token, last ? null : _time.GetUtcNow() + TimeSpan.FromMinutes(1));
                var actions = chunks[c].Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)).ToList();
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, sentinel, held.ETag));
                try
                {
                    var response = await _history.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                    held.ETag = response.Value[^1].Headers.ETag ?? held.ETag;
                }
                catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
                {
                    _cache.Remove(workItem.InstanceId);
                    throw new WorkItemLockLostException($"Instance '{workItem.InstanceId}' was taken over by another worker (history ETag changed); its checkpoint was not committed.");
                }
            }

            _cache.Put(workItem.InstanceId, held.ETag, [.. checkpoint.StartsNewGeneration ? [] : workItem.History, .. checkpoint.NewHistory]);

            // 3. The instance row, after the history (readers of status may lag the history, never lead it).
            if (checkpoint.Instance is { } update)
            {
                await UpdateInstanceRowAsync(workItem.InstanceId, update, cancellationToken).ConfigureAwait(false);
            }

            // 4. The consumed messages go; deferred ones come back later.
            var deferred = checkpoint.DeferredMessages.ToHashSet();
            await DeleteMessagesAsync([.. held.Messages.Where(m => !deferred.Contains(m.Message))], cancellationToken).ConfigureAwait(false);
            await SetVisibilityAsync([.. held.Messages.Where(m => deferred.Contains(m.Message))], DeferDelay, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(workItem.InstanceId);
        }
        _signal.Set();
    }

    public async Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var held = (InstanceLease)workItem.LockToken;
        try
        {
            try
            {
                await _history.UpdateEntityAsync(Sentinel(workItem.InstanceId, held.HistoryCount, null, null), held.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Someone else holds it already.
            }
            await SetVisibilityAsync(held.Messages, delay, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(workItem.InstanceId);
        }
    }

    public async Task RenewOrchestrationLockAsync(OrchestrationWorkItem workItem, TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        var held = (InstanceLease)workItem.LockToken;
        try
        {
            var response = await _history.UpdateEntityAsync(Sentinel(workItem.InstanceId, held.HistoryCount, held.Token, _time.GetUtcNow() + lockFor), held.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            held.ETag = response.Headers.ETag ?? held.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new WorkItemLockLostException($"Instance '{workItem.InstanceId}' is no longer leased by this worker.");
        }
        await SetVisibilityAsync(held.Messages, lockFor, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ActivityWorkItem?> TryLockActivityAsync(TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        // Received in batches and handed out one by one; a message that waited here for half its
        // lock is left to reappear rather than run with little lock left.
        var now = _time.GetUtcNow();
        QueueMessage? message = null;
        while (message is null && _activities.TryDequeue(out var waiting))
        {
            if (now - waiting.ReceivedAt < lockFor / 2)
            {
                message = waiting.Message;
            }
        }
        if (message is null)
        {
            var received = await _workItems.ReceiveMessagesAsync(ActivityReceiveBatch, lockFor, cancellationToken).ConfigureAwait(false);
            if (received.Value.Length == 0)
            {
                return null;
            }
            message = received.Value[0];
            foreach (var extra in received.Value.Skip(1))
            {
                _activities.Enqueue((extra, now));
            }
        }
        var decoded = await DecodeAsync(message.MessageText, cancellationToken).ConfigureAwait(false);
        var request = new ActivityMessage(decoded.InstanceId, decoded.ExecutionId ?? "", (TaskScheduled)decoded.Event);
        return new ActivityWorkItem(request, (int)message.DequeueCount, new ReceivedMessage(-1, message.MessageId, message.PopReceipt, decoded));
    }

    public async Task CompleteActivityAsync(ActivityWorkItem workItem, OrchestrationMessage response, CancellationToken cancellationToken = default)
    {
        var held = (ReceivedMessage)workItem.LockToken;
        await EnqueueAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            await _workItems.DeleteMessageAsync(held.MessageId, held.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The lock ran out and another worker has the message; its duplicate result is dropped on arrival.
        }
        _signal.Set();
    }

    public Task AbandonActivityAsync(ActivityWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default) =>
        UpdateActivityAsync(workItem, delay, cancellationToken);

    public Task RenewActivityLockAsync(ActivityWorkItem workItem, TimeSpan lockFor, CancellationToken cancellationToken = default) =>
        UpdateActivityAsync(workItem, lockFor, cancellationToken);

    public Task WaitForWorkAsync(TimeSpan maxWait, CancellationToken cancellationToken) => _signal.WaitAsync(maxWait, cancellationToken);

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool fetchPayloads = true, CancellationToken cancellationToken = default)
    {
        var row = await _instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "", cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? await ToMetadataAsync(row.Value!, fetchPayloads, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        var filters = new List<string>();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            filters.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        }
        if (query.CreatedFrom is { } from)
        {
            filters.Add(TableClient.CreateQueryFilter($"CreatedAt ge {new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc))}"));
        }
        if (query.CreatedTo is { } to)
        {
            filters.Add(TableClient.CreateQueryFilter($"CreatedAt le {new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc))}"));
        }
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var prefix = query.InstanceIdPrefix;
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}"));
        }
        string? continuation = null;
        if (query.ContinuationToken is { } token)
        {
            continuation = token.StartsWith("az:", StringComparison.Ordinal) ? token[3..]
                : throw new ArgumentException($"'{token}' is not a continuation token returned by this store.", nameof(query));
        }
        IEnumerable<string>? select = query.FetchPayloads ? null : InstanceColumns;
        var filter = filters.Count == 0 ? null : string.Join(" and ", filters);
        await foreach (var page in _instances.QueryAsync<TableEntity>(filter, query.PageSize, select, cancellationToken).AsPages(continuation, query.PageSize).ConfigureAwait(false))
        {
            var instances = new List<OrchestrationMetadata>();
            foreach (var row in page.Values)
            {
                instances.Add(await ToMetadataAsync(row, query.FetchPayloads, cancellationToken).ConfigureAwait(false));
            }
            return new InstancePage(instances, page.ContinuationToken is { } next ? "az:" + next : null);
        }
        return new InstancePage([], null);
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var (sentinel, rows) = await ReadPartitionAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return sentinel is null ? [] : await ReadHistoryAsync(sentinel, rows, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var row = await _instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "", ["Status"], cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || !Enum.Parse<OrchestrationStatus>(row.Value!.GetString("Status")).IsTerminal())
        {
            return false;
        }
        await DeletePartitionAsync(instanceId, cancellationToken).ConfigureAwait(false);
        await _instances.DeleteEntityAsync(instanceId, "", cancellationToken: cancellationToken).ConfigureAwait(false);
        await _large.DeleteInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // The SDK clients hold no resources of their own: their HTTP pipeline is shared.
    public void Dispose()
    {
    }

    private static readonly string[] InstanceColumns =
        ["PartitionKey", "Name", "ExecutionId", "Status", "CreatedAt", "LastUpdatedAt", "CompletedAt", "Failure", "ParentInstanceId"];

    private async Task<bool> TryCreateInstanceAsync(OrchestrationMessage start, CancellationToken cancellationToken)
    {
        var started = (ExecutionStarted)start.Event;
        if (start.InstanceId.IndexOfAny(['/', '\\', '#', '?']) >= 0 || start.InstanceId.Length > 500)
        {
            throw new ArgumentException($"Instance id '{start.InstanceId}' cannot be stored in Azure Tables: it may not contain / \\ # ? and must be at most 500 characters.");
        }
        var existing = await _instances.GetEntityIfExistsAsync<TableEntity>(start.InstanceId, "", ["Status"], cancellationToken).ConfigureAwait(false);
        if (existing.HasValue)
        {
            if (!Enum.Parse<OrchestrationStatus>(existing.Value!.GetString("Status")).IsTerminal())
            {
                return false;
            }
            // A finished instance is replaced by a new run with the same id.
            await DeletePartitionAsync(start.InstanceId, cancellationToken).ConfigureAwait(false);
            await _large.DeleteInstanceAsync(start.InstanceId, cancellationToken).ConfigureAwait(false);
        }
        await _history.UpsertEntityAsync(Sentinel(start.InstanceId, 0, null, null), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var row = new TableEntity(start.InstanceId, "")
        {
            ["Name"] = started.Name,
            ["ExecutionId"] = started.ExecutionId,
            ["Status"] = nameof(OrchestrationStatus.Pending),
            ["ParentInstanceId"] = started.Parent?.InstanceId,
            ["CreatedAt"] = now,
            ["LastUpdatedAt"] = now,
        };
        await SetTextAsync(row, "Input", started.Input, start.InstanceId, cancellationToken).ConfigureAwait(false);
        await _instances.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(start, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task UpdateInstanceRowAsync(string instanceId, InstanceUpdate update, CancellationToken cancellationToken)
    {
        var row = new TableEntity(instanceId, "")
        {
            ["Status"] = update.Status.ToString(),
            ["LastUpdatedAt"] = _time.GetUtcNow(),
            ["CompletedAt"] = update.CompletedAt is { } completed ? new DateTimeOffset(DateTime.SpecifyKind(completed, DateTimeKind.Utc)) : null,
            ["Failure"] = update.Failure is { } failure ? HistorySerializer.Serialize(failure) : null,
        };
        if (update.ExecutionId is not null)
        {
            row["ExecutionId"] = update.ExecutionId;
        }
        if (update.Input is not null)
        {
            await SetTextAsync(row, "Input", update.Input, instanceId, cancellationToken).ConfigureAwait(false);
        }
        await SetTextAsync(row, "Output", update.Output, instanceId, cancellationToken).ConfigureAwait(false);
        await SetTextAsync(row, "CustomStatus", update.CustomStatus, instanceId, cancellationToken).ConfigureAwait(false);
        await _instances.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LeaseResult?> TryLeaseAsync(string instanceId, TimeSpan lockFor, CancellationToken cancellationToken)
    {
        // The history this process last committed is reused while the sentinel's ETag says nobody
        // has written since: one point read instead of reading the whole, growing partition.
        TableEntity? sentinel = null;
        List<TableEntity> rows = [];
        List<HistoryEvent>? cached = null;
        if (_cache.Contains(instanceId))
        {
            var point = await _history.GetEntityIfExistsAsync<TableEntity>(instanceId, AzureStorageNames.SentinelKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            sentinel = point.HasValue ? point.Value : null;
            cached = sentinel is null ? null : _cache.TryGet(instanceId, sentinel.ETag);
        }
        if (cached is null)
        {
            (sentinel, rows) = await ReadPartitionAsync(instanceId, cancellationToken).ConfigureAwait(false);
        }
        if (sentinel is null)
        {
            return null;
        }
        var now = _time.GetUtcNow();
        if (sentinel.GetString("LockedBy") is not null && sentinel.GetDateTimeOffset("LockExpiresAt") > now)
        {
            return new LeaseResult(false, "", default, []);
        }
        var token = Guid.NewGuid().ToString("N");
        var count = sentinel.GetInt32("HistoryCount") ?? 0;
        try
        {
            var response = await _history.UpdateEntityAsync(Sentinel(instanceId, count, token, now + lockFor), sentinel.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new LeaseResult(true, token, response.Headers.ETag ?? default, cached ?? await ReadHistoryAsync(sentinel, rows, cancellationToken).ConfigureAwait(false));
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return new LeaseResult(false, "", default, []);
        }
    }

    private async Task<(TableEntity? Sentinel, List<TableEntity> Rows)> ReadPartitionAsync(string instanceId, CancellationToken cancellationToken)
    {
        TableEntity? sentinel = null;
        var rows = new List<TableEntity>();
        await foreach (var row in _history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == AzureStorageNames.SentinelKey)
            {
                sentinel = row;
            }
            else
            {
                rows.Add(row);
            }
        }
        return (sentinel, rows);
    }

    /// <summary>The committed history: rows past the sentinel's count are leftovers of an unfinished checkpoint.</summary>
    private async Task<List<HistoryEvent>> ReadHistoryAsync(TableEntity sentinel, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        var count = sentinel.GetInt32("HistoryCount") ?? 0;
        var history = new List<HistoryEvent>(count);
        foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Take(count))
        {
            history.Add(HistorySerializer.Deserialize((await GetTextAsync(row, "Payload", cancellationToken).ConfigureAwait(false))!));
        }
        if (history.Count != count)
        {
            throw new InvalidOperationException($"History of instance '{sentinel.PartitionKey}' has {history.Count} of its {count} committed events.");
        }
        return history;
    }

    private async Task<TableEntity> HistoryRowAsync(string instanceId, int sequence, string executionId, HistoryEvent historyEvent, CancellationToken cancellationToken)
    {
        var row = new TableEntity(instanceId, AzureStorageNames.SequenceKey(sequence))
        {
            ["ExecutionId"] = executionId,
            ["EventType"] = historyEvent.GetType().Name,
        };
        await SetTextAsync(row, "Payload", HistorySerializer.Serialize(historyEvent), instanceId, cancellationToken).ConfigureAwait(false);
        return row;
    }

    private static TableEntity Sentinel(string instanceId, int historyCount, string? lockedBy, DateTimeOffset? lockExpiresAt) =>
        new(instanceId, AzureStorageNames.SentinelKey)
        {
            ["HistoryCount"] = historyCount,
            ["LockedBy"] = lockedBy,
            ["LockExpiresAt"] = lockExpiresAt,
        };

    private async Task DeletePartitionAsync(string instanceId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in _history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }
        foreach (var chunk in keys.Chunk(100))
        {
            await _history.SubmitTransactionAsync(chunk.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, key), ETag.All)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(TableEntity row, bool fetchPayloads, CancellationToken cancellationToken) => new(
        row.PartitionKey,
        row.GetString("Name"),
        row.GetString("ExecutionId"),
        Enum.Parse<OrchestrationStatus>(row.GetString("Status")),
        row.GetDateTimeOffset("CreatedAt")!.Value.UtcDateTime,
        row.GetDateTimeOffset("LastUpdatedAt")!.Value.UtcDateTime,
        row.GetDateTimeOffset("CompletedAt")?.UtcDateTime,
        fetchPayloads ? await GetTextAsync(row, "Input", cancellationToken).ConfigureAwait(false) : null,
        fetchPayloads ? await GetTextAsync(row, "Output", cancellationToken).ConfigureAwait(false) : null,
        fetchPayloads ? await GetTextAsync(row, "CustomStatus", cancellationToken).ConfigureAwait(false) : null,
        HistorySerializer.DeserializeFailure(row.GetString("Failure")),
        row.GetString("ParentInstanceId"));

    /// <summary>Sets a text property, or (too big for a property) a blob reference in "{name}Blob".</summary>
    private async Task SetTextAsync(TableEntity row, string name, string? text, string instanceId, CancellationToken cancellationToken)
    {
        if (text is not null && text.Length > LargePayloads.MaxPropertyChars)
        {
            row[name] = null;
            row[name + "Blob"] = await _large.UploadAsync(instanceId, text, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            row[name] = text;
            row[name + "Blob"] = null;
        }
    }

    private async Task<string?> GetTextAsync(TableEntity row, string name, CancellationToken cancellationToken) =>
        row.GetString(name + "Blob") is { } blob ? await _large.DownloadAsync(blob, cancellationToken).ConfigureAwait(false) : row.GetString(name);

    private Task EnqueueAsync(OrchestrationMessage message, CancellationToken cancellationToken) =>
        SendEnvelopeAsync(_control[_names.PartitionOf(message.InstanceId)], message.InstanceId, message.ExecutionId, message.Event, message.VisibleAt, cancellationToken);

    private async Task SendEnvelopeAsync(QueueClient queue, string instanceId, string? executionId, HistoryEvent historyEvent, DateTime? visibleAt, CancellationToken cancellationToken)
    {
        var payload = HistorySerializer.Serialize(historyEvent);
        var envelope = payload.Length > LargePayloads.MaxQueueChars
            ? new QueueEnvelope(instanceId, executionId, visibleAt, null, await _large.UploadAsync(instanceId, payload, cancellationToken).ConfigureAwait(false))
            : new QueueEnvelope(instanceId, executionId, visibleAt, payload, null);
        var delay = visibleAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) - _time.GetUtcNow() : TimeSpan.Zero;
        // Queues count visibility in whole seconds: round up, so nothing arrives before it is due.
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : delay > MaxQueueDelay ? MaxQueueDelay : TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));
        await queue.SendMessageAsync(JsonSerializer.Serialize(envelope), visibility, TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
    }

    private async Task<OrchestrationMessage> DecodeAsync(string text, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize<QueueEnvelope>(text) ?? throw new JsonException("empty queue message");
        var payload = envelope.Event ?? await _large.DownloadAsync(envelope.EventBlob!, cancellationToken).ConfigureAwait(false);
        return new OrchestrationMessage(envelope.InstanceId, envelope.ExecutionId, HistorySerializer.Deserialize(payload), envelope.VisibleAt);
    }

    private async Task ReceiveControlMessagesAsync(TimeSpan lockFor, CancellationToken cancellationToken)
    {
        for (var tries = 0; tries < _control.Length; tries++)
        {
            var partition = (int)((uint)Interlocked.Increment(ref _nextPartition) % (uint)_control.Length);
            var received = await _control[partition].ReceiveMessagesAsync(_options.ReceiveBatchSize, lockFor, cancellationToken).ConfigureAwait(false);
            if (received.Value.Length == 0)
            {
                continue;
            }
            var now = _time.GetUtcNow().UtcDateTime;
            foreach (var message in received.Value)
            {
                var decoded = await DecodeAsync(message.MessageText, cancellationToken).ConfigureAwait(false);
                if (decoded.VisibleAt is { } due && due > now)
                {
                    // Not due yet (a timer further out than a queue can hide a message, or a delay
                    // rounded down): hide it again for the rest of its wait.
                    var remaining = due - now;
                    if (remaining > MaxQueueDelay)
                    {
                        await EnqueueAsync(decoded, cancellationToken).ConfigureAwait(false);
                        await _control[partition].DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await _control[partition].UpdateMessageAsync(message.MessageId, message.PopReceipt,
                            visibilityTimeout: TimeSpan.FromSeconds(Math.Ceiling(remaining.TotalSeconds)), cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                    continue;
                }
                lock (_gate)
                {
                    if (!_buffered.TryGetValue(decoded.InstanceId, out var list))
                    {
                        _buffered[decoded.InstanceId] = list = [];
                    }
                    list.Add(new ReceivedMessage(partition, message.MessageId, message.PopReceipt, decoded));
                }
            }
            return;
        }
    }

    private (string InstanceId, List<ReceivedMessage> Messages)? TakeBuffered()
    {
        lock (_gate)
        {
            foreach (var (instanceId, messages) in _buffered)
            {
                if (_lockedHere.Add(instanceId))
                {
                    _buffered.Remove(instanceId);
                    return (instanceId, messages);
                }
            }
            return null;
        }
    }

    private void Release(string instanceId)
    {
        lock (_gate)
        {
            _lockedHere.Remove(instanceId);
        }
    }

    // Queues have no batch delete or update: the requests go side by side instead.
    private Task DeleteMessagesAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken) =>
        InParallelAsync(messages, async (message, token) =>
        {
            try
            {
                await _control[message.Partition].DeleteMessageAsync(message.MessageId, message.PopReceipt, token).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Its visibility ran out and another worker received it; the duplicate is dropped there.
            }
        }, cancellationToken);

    private Task SetVisibilityAsync(IReadOnlyList<ReceivedMessage> messages, TimeSpan delay, CancellationToken cancellationToken) =>
        InParallelAsync(messages, async (message, token) =>
        {
            try
            {
                var updated = await _control[message.Partition].UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: token).ConfigureAwait(false);
                message.PopReceipt = updated.Value.PopReceipt;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Already received by someone else.
            }
        }, cancellationToken);

    private static Task InParallelAsync<T>(IReadOnlyCollection<T> items, Func<T, CancellationToken, Task> send, CancellationToken cancellationToken) =>
        items.Count switch
        {
            0 => Task.CompletedTask,
            1 => send(items.First(), cancellationToken),
            _ => Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelRequests, CancellationToken = cancellationToken },
                async (item, token) => await send(item, token).ConfigureAwait(false)),
        };

    private async Task UpdateActivityAsync(ActivityWorkItem workItem, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var held = (ReceivedMessage)workItem.LockToken;
        try
        {
            var updated = await _workItems.UpdateMessageAsync(held.MessageId, held.PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
            held.PopReceipt = updated.Value.PopReceipt;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new WorkItemLockLostException($"Activity '{workItem.Message.Event.Name}' of instance '{workItem.Message.InstanceId}' is no longer held by this worker.");
        }
    }

    private sealed class ReceivedMessage(int partition, string messageId, string popReceipt, OrchestrationMessage message)
    {
        public int Partition { get; } = partition;

        public string MessageId { get; } = messageId;

        public string PopReceipt { get; set; } = popReceipt;

        public OrchestrationMessage Message { get; } = message;
    }

    private sealed class InstanceLease(string token, ETag etag, int historyCount, List<ReceivedMessage> messages)
    {
        public string Token { get; } = token;

        public ETag ETag { get; set; } = etag;

        public int HistoryCount { get; } = historyCount;

        public List<ReceivedMessage> Messages { get; } = messages;
    }

    private sealed record LeaseResult(bool Locked, string Token, ETag ETag, List<HistoryEvent> History);
}
