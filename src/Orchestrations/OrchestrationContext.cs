using Microsoft.Extensions.Logging;

namespace LlmSpell.Orchestrations;

/// <summary>
/// What orchestrator code may do. Everything here is replay-safe: the code runs again from the top
/// on every new event, and each call finds its earlier result in history instead of repeating it.
/// Orchestrator code must therefore be deterministic: no clocks, random numbers, I/O or threads
/// except through this context.
/// </summary>
public abstract class OrchestrationContext
{
    public abstract string InstanceId { get; }

    public abstract string Name { get; }

    /// <summary>The time of the current episode, read from history.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code is re-running events it has already acted on.</summary>
    public abstract bool IsReplaying { get; }

    public abstract T? GetInput<T>();

    public abstract Task<T?> CallActivityAsync<T>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object>(name, input, options);

    public abstract Task<T?> CallSubOrchestratorAsync<T>(string name, object? input = null, SubOrchestrationOptions? options = null);

    /// <summary>A durable timer; cancelling the token abandons the wait (the timer itself may still fire and is ignored).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken = default);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken = default) =>
        CreateTimer(CurrentUtcDateTime + delay, cancellationToken);

    /// <summary>
    /// Waits for an event raised to this instance (names are case-insensitive). Events that arrive
    /// before the wait are buffered; each event completes exactly one wait.
    /// </summary>
    public abstract Task<T?> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="WaitForExternalEvent{T}(string, CancellationToken)"/>, failing with <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<T?> WaitForExternalEvent<T>(string name, TimeSpan timeout)
    {
        using var cancelTimer = new CancellationTokenSource();
        using var cancelWait = new CancellationTokenSource();
        var wait = WaitForExternalEvent<T>(name, cancelWait.Token);
        var timer = CreateTimer(CurrentUtcDateTime + timeout, cancelTimer.Token);
        // Cancel, not CancelAsync: the callbacks must run on the orchestrator's thread, in order.
#pragma warning disable CA1849
        if (await Task.WhenAny(wait, timer) == wait)
        {
            cancelTimer.Cancel();
            return await wait;
        }
        cancelWait.Cancel();
#pragma warning restore CA1849
        throw new TimeoutException($"Event '{name}' did not arrive within {timeout}.");
    }

    /// <summary>
    /// Ends this generation when the orchestrator function returns and starts a fresh one with
    /// <paramref name="newInput"/> and an empty history. Unprocessed events are carried over unless
    /// <paramref name="preserveUnprocessedEvents"/> is false.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true);

    /// <summary>A status any client can read while the instance runs; at most 16 KB as JSON.</summary>
    public abstract void SetCustomStatus(object? status);

    /// <summary>A GUID that is the same on every replay (name-based UUID v5).</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays silent while the code replays, so each message is written once.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);
}
