using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>
/// The events raised to one execution as orchestrator code takes them: each event completes exactly
/// one wait (the oldest of its name; names are case-insensitive), and an event no wait takes is kept
/// for the next wait of its name. Every binding of <see cref="OrchestrationContext"/> keeps these
/// rules through this one class.
/// </summary>
internal sealed class ExternalEvents
{
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaised> _buffered = [];

    /// <summary>Events that arrived and were not taken by any wait, oldest first.</summary>
    public IReadOnlyList<EventRaised> Unconsumed => _buffered;

    public bool HasWaiters => _waiters.Values.Any(w => w.Count > 0);

    public Task<string?> WaitAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var index = _buffered.FindIndex(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = _buffered[index];
            _buffered.RemoveAt(index);
            return Task.FromResult(buffered.Input);
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
        return source.Task;
    }

    public void Deliver(EventRaised raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var queue) && queue.First is { } first)
        {
            queue.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
            return;
        }
        _buffered.Add(raised);
    }
}
