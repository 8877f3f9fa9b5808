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
    private readonly ExecutionStarted _started;
    private readonly ILoggerFactory _loggers;
    private readonly SortedDictionary<int, OrchestratorAction> _unmatched = [];
    private readonly Dictionary<int, (string Name, TaskCompletionSource<string?> Source)> _open = [];
    private readonly ExternalEvents _events = new();
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
    internal bool HasOpenTasks => _open.Count > 0 || _events.HasWaiters;

    /// <summary>Events that arrived and were not taken by any wait, oldest first.</summary>
    internal IReadOnlyList<EventRaised> UnconsumedEvents => _events.Unconsumed;

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

    public override Task<T?> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default) where T : default =>
        Deserialized<T>(_events.WaitAsync(name, cancellationToken));

    public override void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (DataConverter.Serialize(newInput), preserveUnprocessedEvents);

    public override void SetCustomStatus(object? status) => CustomStatus = Runtime.CustomStatus.Serialize(status);

    public override Guid NewGuid() => DeterministicGuid.For(InstanceId, _now, _guidCounter++);

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

    private void Deliver(EventRaised raised) => _events.Deliver(raised);

    private Task<string?> Schedule(OrchestratorAction action, string name)
    {
        var source = new TaskCompletionSource<string?>();
        _unmatched[action.Id] = action;
        _open[action.Id] = (name, source);
        return source.Task;
    }

    private async Task<T?> WithRetry<T>(RetryPolicy? retry, Func<int, Task<string?>> attempt) =>
        DataConverter.Deserialize<T>(await Retries.RunAsync(this, retry, attempt));

    private static async Task<T?> Deserialized<T>(Task<string?> raw) => DataConverter.Deserialize<T>(await raw);
}
