using System.Security.Cryptography;
using System.Text;
using LlmSpell.Orchestrations.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>
/// The context orchestrator code runs against during one execution (one replay plus new events).
/// It hands out tasks for the code's requests and completes them as history events are applied.
/// </summary>
internal sealed class ReplayContext : OrchestrationContext
{
    private const int MaxCustomStatusBytes = 16 * 1024;
    private static readonly Guid GuidNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    private readonly ExecutionStarted _started;
    private readonly ILoggerFactory _loggers;
    private readonly SortedDictionary<int, OrchestratorAction> _unmatched = [];
    private readonly Dictionary<int, (string Name, TaskCompletionSource<string?> Source)> _open = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaised> _buffered = [];
    private int _nextId;
    private int _guidCounter;
    private DateTime _now;

    public ReplayContext(string instanceId, ExecutionStarted started, ILoggerFactory? loggers)
    {
        InstanceId = instanceId;
        _started = started;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _now = started.Timestamp;
    }

    public override string InstanceId { get; }

    public override string Name => _started.Name;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => Replaying;

    internal bool Replaying { get; set; }

    internal string ExecutionId => _started.ExecutionId;

    internal string? CustomStatus { get; private set; }

    internal (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    /// <summary>Actions the code asked for that history does not hold yet, in the order they were asked for.</summary>
    internal IEnumerable<OrchestratorAction> NewActions => _unmatched.Values;

    /// <summary>True while some durable task the code was given can still complete.</summary>
    internal bool HasOpenTasks => _open.Count > 0 || _waiters.Values.Any(w => w.Count > 0);

    /// <summary>Events that arrived and were not taken by any wait, oldest first.</summary>
    internal IReadOnlyList<EventRaised> UnconsumedEvents => _buffered;

    public override T? GetInput<T>() where T : default => DataConverter.Deserialize<T>(_started.Input);

    public override Task<T?> CallActivityAsync<T>(string name, object? input = null, TaskOptions? options = null) where T : default
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = DataConverter.Serialize(input);
        return WithRetry<T>(options?.Retry, _ => Schedule(new ScheduleTaskAction(_nextId++, name, serialized), name));
    }

    public override Task<T?> CallSubOrchestratorAsync<T>(string name, object? input = null, SubOrchestrationOptions? options = null) where T : default
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = DataConverter.Serialize(input);
        return WithRetry<T>(options?.Retry, attempt =>
        {
            var id = _nextId++;
            // A retry gets its own instance: the failed one keeps its history for diagnosis.
            var childId = options?.InstanceId switch
            {
                null => $"{InstanceId}:{id:x4}",
                var chosen when attempt == 1 => chosen,
                var chosen => $"{chosen}:{attempt}",
            };
            return Schedule(new CreateSubOrchestrationAction(id, name, childId, serialized), name);
        });
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken = default)
    {
        var fireAtUtc = fireAt.Kind == DateTimeKind.Utc ? fireAt : DateTime.SpecifyKind(fireAt.ToUniversalTime(), DateTimeKind.Utc);
        var task = Schedule(new CreateTimerAction(_nextId++, fireAtUtc), "timer");
        if (!cancellationToken.CanBeCanceled)
        {
            return task;
        }
        var cancellable = new TaskCompletionSource(TaskCreationOptions.None);
        var registration = cancellationToken.Register(() => cancellable.TrySetCanceled(cancellationToken));
        task.ContinueWith(t =>
        {
            registration.Dispose();
            if (t.IsFaulted)
            {
                cancellable.TrySetException(t.Exception!.InnerExceptions);
            }
            else
            {
                cancellable.TrySetResult();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return cancellable.Task;
    }

    public override Task<T?> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default) where T : default
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var index = _buffered.FindIndex(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = _buffered[index];
            _buffered.RemoveAt(index);
            return Task.FromResult(DataConverter.Deserialize<T>(buffered.Input));
        }

        var source = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(name, out var queue))
        {
            _waiters[name] = queue = new LinkedList<TaskCompletionSource<string?>>();
        }
        var node = queue.AddLast(source);
        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled wait must leave the queue, or it would swallow the next event of this name.
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    queue.Remove(node);
                }
                source.TrySetCanceled(cancellationToken);
            });
        }
        return Deserialized<T>(source.Task);
    }

    public override void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (DataConverter.Serialize(newInput), preserveUnprocessedEvents);

    public override void SetCustomStatus(object? status)
    {
        var serialized = DataConverter.Serialize(status);
        if (serialized is not null && Encoding.UTF8.GetByteCount(serialized) > MaxCustomStatusBytes)
        {
            throw new ArgumentException($"The custom status is {Encoding.UTF8.GetByteCount(serialized)} bytes as JSON; at most {MaxCustomStatusBytes} are allowed.", nameof(status));
        }
        CustomStatus = serialized;
    }

    public override Guid NewGuid()
    {
        var name = $"{InstanceId}_{_now:O}_{_guidCounter++}";
        return NameBasedGuid(GuidNamespace, name);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(_loggers.CreateLogger(categoryName), this);

    /// <summary>Applies one history event: clock, matching of recorded actions, completions, events.</summary>
    internal void Apply(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case OrchestratorStarted started:
                _now = started.Timestamp;
                break;
            case TaskScheduled or SubOrchestrationCreated or TimerCreated:
                Match(historyEvent);
                break;
            case TaskCompleted completed:
                Complete(completed.TaskScheduledId, completed.Result, null);
                break;
            case TaskFailed failed:
                Complete(failed.TaskScheduledId, null, failed.Failure);
                break;
            case SubOrchestrationCompleted completed:
                Complete(completed.TaskScheduledId, completed.Result, null);
                break;
            case SubOrchestrationFailed failed:
                Complete(failed.TaskScheduledId, null, failed.Failure);
                break;
            case TimerFired fired:
                Complete(fired.TimerId, null, null);
                break;
            case EventRaised raised:
                Deliver(raised);
                break;
        }
    }

    private void Match(HistoryEvent recorded)
    {
        var id = recorded.ScheduledId()!.Value;
        if (!_unmatched.Remove(id, out var action))
        {
            throw new NonDeterministicOrchestrationException(
                $"Orchestration '{Name}' ({InstanceId}) is not deterministic: its history says step #{id} was to {recorded.Describe()}, but on replay the code did not ask for step #{id}. Orchestrator code must make the same calls in the same order on every replay.");
        }
        if (!action.Matches(recorded))
        {
            throw new NonDeterministicOrchestrationException(
                $"Orchestration '{Name}' ({InstanceId}) is not deterministic: its history says step #{id} was to {recorded.Describe()}, but on replay the code asked to {action.ToHistoryEvent(default).Describe()}. Orchestrator code must make the same calls in the same order on every replay.");
        }
    }

    private void Complete(int id, string? result, FailureDetails? failure)
    {
        // Completions of cancelled timers, or duplicates the dispatcher let through, find no open task.
        if (!_open.Remove(id, out var open))
        {
            return;
        }
        if (failure is null)
        {
            open.Source.TrySetResult(result);
        }
        else
        {
            open.Source.TrySetException(new TaskFailedException(open.Name, id, failure));
        }
    }

    private void Deliver(EventRaised raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var queue) && queue.First is { } first)
        {
            queue.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
            return;
        }
        _buffered.Add(raised);
    }

    private Task<string?> Schedule(OrchestratorAction action, string name)
    {
        var source = new TaskCompletionSource<string?>();
        _unmatched[action.Id] = action;
        _open[action.Id] = (name, source);
        return source.Task;
    }

    private async Task<T?> WithRetry<T>(RetryPolicy? retry, Func<int, Task<string?>> attempt)
    {
        if (retry is null)
        {
            return DataConverter.Deserialize<T>(await attempt(1));
        }
        var firstAttemptAt = CurrentUtcDateTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return DataConverter.Deserialize<T>(await attempt(number));
            }
            catch (TaskFailedException failed) when (number < retry.MaxAttempts && retry.Handle(failed)
                && (retry.RetryTimeout == Timeout.InfiniteTimeSpan || CurrentUtcDateTime - firstAttemptAt < retry.RetryTimeout))
            {
                await CreateTimer(CurrentUtcDateTime + retry.DelayAfter(number));
            }
        }
    }

    private static async Task<T?> Deserialized<T>(Task<string?> raw) => DataConverter.Deserialize<T>(await raw);

    private static Guid NameBasedGuid(Guid namespaceId, string name)
    {
        // RFC 4122 §4.3, version 5: SHA-1 of namespace (network order) + name.
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
#pragma warning disable CA5350 // RFC 4122 defines version 5 on SHA-1; the hash names an id, it protects nothing.
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
