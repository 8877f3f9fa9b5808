namespace LlmSpell.Orchestrations.Runtime;

/// <summary>
/// Runs every continuation of orchestrator code on the executing thread, in the order posted, and
/// only when the executor pumps. That is what makes a replay deterministic: no continuation can
/// run on the thread pool, so the code sees events in exactly the order history holds them.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _pending = new();
    private int _runningOn = -1;

    /// <summary>
    /// Set when a continuation arrived from another thread: the code awaited something that is not
    /// a durable task (Task.Delay, I/O, CancelAsync), which can never be replayed.
    /// </summary>
    public bool SawForeignContinuation { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (Volatile.Read(ref _runningOn) != Environment.CurrentManagedThreadId)
        {
            SawForeignContinuation = true;
            return;
        }
        _pending.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) => Post(d, state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> under this context, then everything it posted, until quiet.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        Volatile.Write(ref _runningOn, Environment.CurrentManagedThreadId);
        try
        {
            action();
            while (_pending.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            Volatile.Write(ref _runningOn, -1);
            SetSynchronizationContext(previous);
        }
    }
}
