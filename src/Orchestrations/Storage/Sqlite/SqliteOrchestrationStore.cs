using System.Globalization;
using LlmSpell.Orchestrations.History;
using Microsoft.Data.Sqlite;

namespace LlmSpell.Orchestrations.Storage.Sqlite;

/// <summary>
/// The embedded provider: a task hub in one SQLite file (by default <c>.llmspell/llmspell.db</c>).
/// Several worker processes may share the file; SQLite's write lock serializes their checkpoints
/// and instance locks with expiry hand an abandoned instance to the next worker.
/// </summary>
public sealed class SqliteOrchestrationStore : IOrchestrationStore
{
    private const int MaxMessagesPerWorkItem = 5000;
    private static readonly TimeSpan DeferDelay = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly WorkSignal _signal = new();

    public SqliteOrchestrationStore(string databasePath, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Pooling = true,
            // Waits for another process's write transaction instead of failing with SQLITE_BUSY.
            DefaultTimeout = 60,
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
    }

    public async Task CreateInstanceAsync(OrchestrationMessage start, CancellationToken cancellationToken = default)
    {
        await InTransactionAsync(async (connection, transaction) =>
        {
            if (!await TryCreateInstanceAsync(connection, transaction, start, cancellationToken).ConfigureAwait(false))
            {
                var status = await ScalarAsync<string>(connection, transaction,
                    "SELECT Status FROM Instances WHERE InstanceId = $id", cancellationToken, ("$id", start.InstanceId)).ConfigureAwait(false);
                throw new OrchestrationInstanceExistsException(start.InstanceId, Enum.Parse<OrchestrationStatus>(status!));
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _signal.Set();
    }

    public async Task<bool> SendAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
    {
        var sent = await InTransactionAsync(
            (connection, transaction) => InsertMessageAsync(connection, transaction, message, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        _signal.Set();
        return sent;
    }

    public async Task<OrchestrationWorkItem?> TryLockOrchestrationAsync(TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var token = Guid.NewGuid().ToString("N");
        return await InTransactionAsync(async (connection, transaction) =>
        {
            var instanceId = await ScalarAsync<string>(connection, transaction, """
                SELECT m.InstanceId FROM Messages m JOIN Instances i ON i.InstanceId = m.InstanceId
                WHERE m.VisibleAt <= $now AND (i.LockExpiresAt IS NULL OR i.LockExpiresAt <= $now)
                ORDER BY m.VisibleAt, m.Id LIMIT 1
                """, cancellationToken, ("$now", now)).ConfigureAwait(false);
            if (instanceId is null)
            {
                return null;
            }
            await ExecuteAsync(connection, transaction,
                "UPDATE Instances SET LockedBy = $token, LockExpiresAt = $until WHERE InstanceId = $id",
                cancellationToken, ("$token", token), ("$until", now + (long)lockFor.TotalMilliseconds), ("$id", instanceId)).ConfigureAwait(false);

            var history = await ReadHistoryAsync(connection, transaction, instanceId, cancellationToken).ConfigureAwait(false);

            var messages = new List<OrchestrationMessage>();
            var messageIds = new List<long>();
            await using (var read = Command(connection, transaction,
                "SELECT Id, ExecutionId, Payload, VisibleAt FROM Messages WHERE InstanceId = $id AND VisibleAt <= $now ORDER BY Id LIMIT $max",
                ("$id", instanceId), ("$now", now), ("$max", MaxMessagesPerWorkItem)))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    messageIds.Add(reader.GetInt64(0));
                    messages.Add(new OrchestrationMessage(instanceId, reader.IsDBNull(1) ? null : reader.GetString(1),
                        HistorySerializer.Deserialize(reader.GetString(2)), FromUnixMs(reader.GetInt64(3))));
                }
            }
            return new OrchestrationWorkItem(instanceId, history, messages, new InstanceLock(token, history.Count, messageIds));
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteOrchestrationAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var held = (InstanceLock)workItem.LockToken;
        var now = Now();
        await InTransactionAsync(async (connection, transaction) =>
        {
            // The lock is the optimistic-concurrency guard: if another worker took the instance
            // after our lock expired, LockedBy no longer names us and nothing below is written.
            var update = checkpoint.Instance;
            var owned = await ExecuteAsync(connection, transaction, update is null
                ? "UPDATE Instances SET LockedBy = NULL, LockExpiresAt = NULL WHERE InstanceId = $id AND LockedBy = $token"
                : """
                  UPDATE Instances SET LockedBy = NULL, LockExpiresAt = NULL, Status = $status, ExecutionId = COALESCE($execution, ExecutionId),
                      Input = COALESCE($input, Input), Output = $output, CustomStatus = $custom, Failure = $failure,
                      LastUpdatedAt = $now, CompletedAt = $completed
                  WHERE InstanceId = $id AND LockedBy = $token
                  """,
                cancellationToken,
                ("$id", workItem.InstanceId), ("$token", held.Token), ("$status", update?.Status.ToString()),
                ("$execution", update?.ExecutionId), ("$input", update?.Input), ("$output", update?.Output),
                ("$custom", update?.CustomStatus), ("$failure", update?.Failure is { } f ? HistorySerializer.Serialize(f) : null),
                ("$now", now), ("$completed", update?.CompletedAt is { } c ? ToUnixMs(c) : null)).ConfigureAwait(false);
            if (owned == 0)
            {
                throw new WorkItemLockLostException($"Instance '{workItem.InstanceId}' is no longer locked by this worker; its checkpoint was not written.");
            }

            var sequence = held.HistoryCount;
            if (checkpoint.StartsNewGeneration)
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM History WHERE InstanceId = $id", cancellationToken, ("$id", workItem.InstanceId)).ConfigureAwait(false);
                sequence = 0;
            }
            var executionId = checkpoint.Instance?.ExecutionId ?? workItem.History.OfType<ExecutionStarted>().FirstOrDefault()?.ExecutionId ?? "";
            foreach (var historyEvent in checkpoint.NewHistory)
            {
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO History (InstanceId, Sequence, ExecutionId, EventType, Payload) VALUES ($id, $seq, $execution, $type, $payload)",
                    cancellationToken, ("$id", workItem.InstanceId), ("$seq", sequence++), ("$execution", executionId),
                    ("$type", historyEvent.GetType().Name), ("$payload", HistorySerializer.Serialize(historyEvent))).ConfigureAwait(false);
            }

            var deferred = checkpoint.DeferredMessages.ToHashSet();
            for (var i = 0; i < workItem.Messages.Count; i++)
            {
                var consumed = !deferred.Contains(workItem.Messages[i]);
                var changed = await ExecuteAsync(connection, transaction, consumed
                    ? "DELETE FROM Messages WHERE Id = $mid"
                    : "UPDATE Messages SET VisibleAt = $later WHERE Id = $mid",
                    cancellationToken, ("$mid", held.MessageIds[i]), ("$later", now + (long)DeferDelay.TotalMilliseconds)).ConfigureAwait(false);
                if (changed == 0)
                {
                    throw new WorkItemLockLostException($"A message for instance '{workItem.InstanceId}' was consumed by another worker; the checkpoint was not written.");
                }
            }

            foreach (var activity in checkpoint.Activities)
            {
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO Activities (InstanceId, ExecutionId, Payload, VisibleAt) VALUES ($id, $execution, $payload, $now)",
                    cancellationToken, ("$id", activity.InstanceId), ("$execution", activity.ExecutionId),
                    ("$payload", HistorySerializer.Serialize(activity.Event)), ("$now", now)).ConfigureAwait(false);
            }
            foreach (var message in checkpoint.Messages)
            {
                if (message.Event is ExecutionStarted && message.InstanceId != workItem.InstanceId)
                {
                    await TryCreateInstanceAsync(connection, transaction, message, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await InsertMessageAsync(connection, transaction, message, cancellationToken).ConfigureAwait(false);
                }
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _signal.Set();
    }

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var held = (InstanceLock)workItem.LockToken;
        var later = Now() + (long)delay.TotalMilliseconds;
        return InTransactionAsync(async (connection, transaction) =>
        {
            var owned = await ExecuteAsync(connection, transaction,
                "UPDATE Instances SET LockedBy = NULL, LockExpiresAt = NULL WHERE InstanceId = $id AND LockedBy = $token",
                cancellationToken, ("$id", workItem.InstanceId), ("$token", held.Token)).ConfigureAwait(false);
            if (owned > 0 && delay > TimeSpan.Zero)
            {
                foreach (var id in held.MessageIds)
                {
                    await ExecuteAsync(connection, transaction, "UPDATE Messages SET VisibleAt = $later WHERE Id = $mid",
                        cancellationToken, ("$later", later), ("$mid", id)).ConfigureAwait(false);
                }
            }
            return true;
        }, cancellationToken);
    }

    public async Task RenewOrchestrationLockAsync(OrchestrationWorkItem workItem, TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        var held = (InstanceLock)workItem.LockToken;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var renewed = await ExecuteAsync(connection, null,
            "UPDATE Instances SET LockExpiresAt = $until WHERE InstanceId = $id AND LockedBy = $token",
            cancellationToken, ("$until", Now() + (long)lockFor.TotalMilliseconds), ("$id", workItem.InstanceId), ("$token", held.Token)).ConfigureAwait(false);
        if (renewed == 0)
        {
            throw new WorkItemLockLostException($"Instance '{workItem.InstanceId}' is no longer locked by this worker.");
        }
    }

    public async Task<ActivityWorkItem?> TryLockActivityAsync(TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var token = Guid.NewGuid().ToString("N");
        return await InTransactionAsync(async (connection, transaction) =>
        {
            await using var read = Command(connection, transaction,
                "SELECT Id, InstanceId, ExecutionId, Payload, DequeueCount FROM Activities WHERE VisibleAt <= $now ORDER BY VisibleAt, Id LIMIT 1",
                ("$now", now));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            var id = reader.GetInt64(0);
            var message = new ActivityMessage(reader.GetString(1), reader.GetString(2), (TaskScheduled)HistorySerializer.Deserialize(reader.GetString(3)));
            var dequeueCount = reader.GetInt32(4) + 1;
            await reader.DisposeAsync().ConfigureAwait(false);
            // A locked activity is simply invisible until its lock runs out, like a queue message.
            await ExecuteAsync(connection, transaction,
                "UPDATE Activities SET VisibleAt = $until, LockedBy = $token, DequeueCount = $count WHERE Id = $aid",
                cancellationToken, ("$until", now + (long)lockFor.TotalMilliseconds), ("$token", token), ("$count", dequeueCount), ("$aid", id)).ConfigureAwait(false);
            return new ActivityWorkItem(message, dequeueCount, new ActivityLock(id, token));
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteActivityAsync(ActivityWorkItem workItem, OrchestrationMessage response, CancellationToken cancellationToken = default)
    {
        var held = (ActivityLock)workItem.LockToken;
        await InTransactionAsync(async (connection, transaction) =>
        {
            var owned = await ExecuteAsync(connection, transaction, "DELETE FROM Activities WHERE Id = $aid AND LockedBy = $token",
                cancellationToken, ("$aid", held.Id), ("$token", held.Token)).ConfigureAwait(false);
            if (owned == 0)
            {
                throw new WorkItemLockLostException($"Activity '{workItem.Message.Event.Name}' of instance '{workItem.Message.InstanceId}' was taken over by another worker; its result is left to that worker.");
            }
            return await InsertMessageAsync(connection, transaction, response, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        _signal.Set();
    }

    public Task AbandonActivityAsync(ActivityWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default) =>
        UpdateActivityVisibilityAsync(workItem, delay, cancellationToken);

    public Task RenewActivityLockAsync(ActivityWorkItem workItem, TimeSpan lockFor, CancellationToken cancellationToken = default) =>
        UpdateActivityVisibilityAsync(workItem, lockFor, cancellationToken);

    public Task WaitForWorkAsync(TimeSpan maxWait, CancellationToken cancellationToken) => _signal.WaitAsync(maxWait, cancellationToken);

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool fetchPayloads = true, CancellationToken cancellationToken = default)
    {
        var page = await QueryAsync(connection => Command(connection, null,
            $"SELECT {Columns(fetchPayloads)} FROM Instances WHERE InstanceId = $id", ("$id", instanceId)), fetchPayloads, cancellationToken).ConfigureAwait(false);
        return page.Count == 0 ? null : page[0];
    }

    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var names = statuses.Select((s, i) => ($"$s{i}", (object?)s.ToString())).ToList();
            conditions.Add($"Status IN ({string.Join(", ", names.Select(n => n.Item1))})");
            parameters.AddRange(names);
        }
        if (query.CreatedFrom is { } from)
        {
            conditions.Add("CreatedAt >= $from");
            parameters.Add(("$from", ToUnixMs(from)));
        }
        if (query.CreatedTo is { } to)
        {
            conditions.Add("CreatedAt <= $to");
            parameters.Add(("$to", ToUnixMs(to)));
        }
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            conditions.Add("substr(InstanceId, 1, length($prefix)) = $prefix");
            parameters.Add(("$prefix", query.InstanceIdPrefix));
        }
        if (query.ContinuationToken is { } continuation)
        {
            var (created, afterId) = ParseContinuation(continuation);
            conditions.Add("(CreatedAt, InstanceId) > ($afterCreated, $afterId)");
            parameters.Add(("$afterCreated", created));
            parameters.Add(("$afterId", afterId));
        }
        parameters.Add(("$take", query.PageSize + 1));
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var sql = $"SELECT {Columns(query.FetchPayloads)} FROM Instances {where} ORDER BY CreatedAt, InstanceId LIMIT $take";
        var rows = await QueryAsync(connection => Command(connection, null, sql, [.. parameters]), query.FetchPayloads, cancellationToken).ConfigureAwait(false);
        if (rows.Count <= query.PageSize)
        {
            return new InstancePage(rows, null);
        }
        var page = rows.Take(query.PageSize).ToList();
        var last = page[^1];
        return new InstancePage(page, string.Create(CultureInfo.InvariantCulture, $"{ToUnixMs(last.CreatedAt)}|{last.InstanceId}"));
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadHistoryAsync(connection, null, instanceId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<HistoryEvent>> ReadHistoryAsync(SqliteConnection connection, SqliteTransaction? transaction, string instanceId, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, transaction, "SELECT Payload FROM History WHERE InstanceId = $id ORDER BY Sequence", ("$id", instanceId));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var history = new List<HistoryEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(HistorySerializer.Deserialize(reader.GetString(0)));
        }
        return history;
    }

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            var deleted = await ExecuteAsync(connection, transaction,
                "DELETE FROM Instances WHERE InstanceId = $id AND Status IN ('Completed', 'Failed', 'Terminated')",
                cancellationToken, ("$id", instanceId)).ConfigureAwait(false);
            if (deleted == 0)
            {
                return false;
            }
            await ExecuteAsync(connection, transaction, "DELETE FROM History WHERE InstanceId = $id", cancellationToken, ("$id", instanceId)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM Messages WHERE InstanceId = $id", cancellationToken, ("$id", instanceId)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM Activities WHERE InstanceId = $id", cancellationToken, ("$id", instanceId)).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // Pooled connections keep the file open (and on Windows locked) after the last use.
    public void Dispose() => SqliteConnection.ClearAllPools();

    private async Task<bool> TryCreateInstanceAsync(SqliteConnection connection, SqliteTransaction transaction, OrchestrationMessage start, CancellationToken cancellationToken)
    {
        var started = (ExecutionStarted)start.Event;
        var existing = await ScalarAsync<string>(connection, transaction,
            "SELECT Status FROM Instances WHERE InstanceId = $id", cancellationToken, ("$id", start.InstanceId)).ConfigureAwait(false);
        if (existing is not null)
        {
            if (!Enum.Parse<OrchestrationStatus>(existing).IsTerminal())
            {
                return false;
            }
            // A finished instance is replaced by a new run with the same id.
            foreach (var table in new[] { "History", "Messages", "Activities", "Instances" })
            {
                await ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE InstanceId = $id", cancellationToken, ("$id", start.InstanceId)).ConfigureAwait(false);
            }
        }
        var now = Now();
        await ExecuteAsync(connection, transaction, """
            INSERT INTO Instances (InstanceId, Name, ExecutionId, Status, Input, ParentInstanceId, CreatedAt, LastUpdatedAt)
            VALUES ($id, $name, $execution, 'Pending', $input, $parent, $now, $now)
            """, cancellationToken, ("$id", start.InstanceId), ("$name", started.Name), ("$execution", started.ExecutionId),
            ("$input", started.Input), ("$parent", started.Parent?.InstanceId), ("$now", now)).ConfigureAwait(false);
        await InsertMessageAsync(connection, transaction, start, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> InsertMessageAsync(SqliteConnection connection, SqliteTransaction transaction, OrchestrationMessage message, CancellationToken cancellationToken)
    {
        // Messages to instances that do not exist (purged, never created) have nobody to read them.
        var inserted = await ExecuteAsync(connection, transaction, """
            INSERT INTO Messages (InstanceId, ExecutionId, Payload, VisibleAt)
            SELECT $id, $execution, $payload, $visible WHERE EXISTS (SELECT 1 FROM Instances WHERE InstanceId = $id)
            """, cancellationToken, ("$id", message.InstanceId), ("$execution", message.ExecutionId),
            ("$payload", HistorySerializer.Serialize(message.Event)),
            ("$visible", message.VisibleAt is { } at ? ToUnixMs(at) : Now())).ConfigureAwait(false);
        return inserted > 0;
    }

    private async Task UpdateActivityVisibilityAsync(ActivityWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken)
    {
        var held = (ActivityLock)workItem.LockToken;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await ExecuteAsync(connection, null, "UPDATE Activities SET VisibleAt = $until WHERE Id = $aid AND LockedBy = $token",
            cancellationToken, ("$until", Now() + (long)delay.TotalMilliseconds), ("$aid", held.Id), ("$token", held.Token)).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new WorkItemLockLostException($"Activity '{workItem.Message.Event.Name}' of instance '{workItem.Message.InstanceId}' is no longer locked by this worker.");
        }
    }

    private async Task<List<OrchestrationMetadata>> QueryAsync(Func<SqliteConnection, SqliteCommand> command, bool fetchPayloads, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = command(connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<OrchestrationMetadata>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new OrchestrationMetadata(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Enum.Parse<OrchestrationStatus>(reader.GetString(3)),
                FromUnixMs(reader.GetInt64(4)), FromUnixMs(reader.GetInt64(5)), reader.IsDBNull(6) ? null : FromUnixMs(reader.GetInt64(6)),
                fetchPayloads ? Text(9) : null, fetchPayloads ? Text(10) : null, fetchPayloads ? Text(11) : null,
                HistorySerializer.DeserializeFailure(Text(7)), Text(8)));
        }
        return rows;
    }

    private static string Columns(bool fetchPayloads) =>
        "InstanceId, Name, ExecutionId, Status, CreatedAt, LastUpdatedAt, CompletedAt, Failure, ParentInstanceId"
        + (fetchPayloads ? ", Input, Output, CustomStatus" : "");

    private static (long Created, string InstanceId) ParseContinuation(string token)
    {
        var separator = token.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0 || !long.TryParse(token.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var created))
        {
            throw new ArgumentException($"'{token}' is not a continuation token returned by this store.", nameof(token));
        }
        return (created, token[(separator + 1)..]);
    }

    private async Task<T> InTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Immediate: take the write lock up front, so two processes never deadlock upgrading a read.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T?> ScalarAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? default : (T)value;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long ToUnixMs(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static DateTime FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    private sealed record InstanceLock(string Token, int HistoryCount, IReadOnlyList<long> MessageIds);

    private sealed record ActivityLock(long Id, string Token);
}
