using System.IO.Enumeration;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Events;

/// <summary>
/// A run's own events (<c>events.emit/on/wait</c>): pub/sub among the pieces of one run — the spell,
/// its async tasks, its workflow branches and steps. Every event emitted is kept for the run's
/// report (the first <see cref="MaxRecorded"/>).
/// </summary>
/// <remarks>Called from the sandbox thread and from host continuations alike, so all state is locked.</remarks>
public sealed class SpellEventBus
{
    /// <summary>How many events a run's report keeps; later ones are still delivered and counted.</summary>
    public const int MaxRecorded = 1000;

    /// <summary>Handlers that emit events may nest this deep; deeper is a handler loop.</summary>
    public const int MaxEmitDepth = 32;

    /// <summary>Subscriptions one run may hold at once.</summary>
    public const int MaxSubscriptions = 10_000;

    private static readonly AsyncLocal<int> EmitDepth = new();

    private readonly object _gate = new();
    private readonly List<SpellEvent> _recorded = [];
    private readonly List<Subscription> _subscriptions = [];
    private readonly List<Waiter> _waiters = [];

    // Events no event step has taken yet, by name: a workflow's event step takes the oldest, as a
    // durable run's does with events raised before it waits.
    private readonly Dictionary<string, Queue<SpellEvent>> _unclaimed = new(StringComparer.Ordinal);
    private long _lastSubscription;
    private int _dropped;
    private int _unclaimedCount;

    private sealed record Subscription(long Id, string Pattern, SpellCallback Handler);

    /// <summary>Someone waiting for an event: <c>events.wait</c> (a pattern, sees the next event) or an event step (a name, takes one).</summary>
    private sealed record Waiter(string Pattern, bool Exact, TaskCompletionSource<SpellEvent> Arrived);

    /// <summary>The events emitted so far, in order (at most <see cref="MaxRecorded"/>).</summary>
    public IReadOnlyList<SpellEvent> Recorded
    {
        get
        {
            lock (_gate)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>Events emitted beyond <see cref="MaxRecorded"/>, which the report counts but does not hold.</summary>
    public int Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Delivers an event to the waiters it matches, then runs the matching handlers side by side and waits for them.</summary>
    /// <returns>How many handlers ran.</returns>
    public async Task<int> EmitAsync(SpellEvent spellEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spellEvent);
        if (EmitDepth.Value >= MaxEmitDepth)
        {
            throw new SpellException(SpellErrorCode.RuntimeError, $"events.emit: handlers emitted events {MaxEmitDepth} deep (at '{spellEvent.Name}'); a handler that emits the event it handles loops forever");
        }

        List<Subscription> handlers;
        List<Waiter> woken;
        lock (_gate)
        {
            Record(spellEvent);
            handlers = _subscriptions.Where(s => Matches(s.Pattern, spellEvent.Name)).ToList();
            woken = _waiters.Where(w => !w.Exact && Matches(w.Pattern, spellEvent.Name)).ToList();

            // One event step takes the event; with none waiting it waits for one.
            if (_waiters.Find(w => w.Exact && w.Pattern == spellEvent.Name) is { } step)
            {
                woken.Add(step);
            }
            else if (_unclaimedCount < MaxRecorded)
            {
                // Kept for an event step that may come; past the limit the event is only recorded and delivered.
                Unclaimed(spellEvent.Name).Enqueue(spellEvent);
                _unclaimedCount++;
            }

            _waiters.RemoveAll(woken.Contains);
        }

        foreach (var waiter in woken)
        {
            waiter.Arrived.TrySetResult(spellEvent);
        }

        if (handlers.Count == 0)
        {
            return 0;
        }

        EmitDepth.Value++;
        try
        {
            var value = spellEvent.ToValue();
            await Task.WhenAll(handlers.Select(h => h.Handler.InvokeAsync([value], cancellationToken).AsTask())).ConfigureAwait(false);
        }
        finally
        {
            EmitDepth.Value--;
        }

        return handlers.Count;
    }

    /// <summary>Keeps an event for the report without delivering it here (it went to a durable run).</summary>
    public void Record(SpellEvent spellEvent)
    {
        ArgumentNullException.ThrowIfNull(spellEvent);
        lock (_gate)
        {
            if (_recorded.Count < MaxRecorded)
            {
                _recorded.Add(spellEvent);
            }
            else
            {
                _dropped++;
            }
        }
    }

    /// <summary>Calls <paramref name="handler"/> with every event whose name matches <paramref name="pattern"/>; returns the subscription's id.</summary>
    public long Subscribe(string pattern, SpellCallback handler)
    {
        lock (_gate)
        {
            if (_subscriptions.Count >= MaxSubscriptions)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"events.on: this run already holds {MaxSubscriptions} subscriptions; end some with events.off");
            }

            var id = ++_lastSubscription;
            _subscriptions.Add(new Subscription(id, pattern, handler));
            return id;
        }
    }

    /// <summary>Ends a subscription; false when there was none with that id.</summary>
    public bool Unsubscribe(long id)
    {
        lock (_gate)
        {
            return _subscriptions.RemoveAll(s => s.Id == id) > 0;
        }
    }

    /// <summary>The next event whose name matches <paramref name="pattern"/>; null when <paramref name="timeout"/> passes first.</summary>
    public Task<SpellEvent?> WaitAsync(string pattern, TimeSpan? timeout, TimeProvider time, CancellationToken cancellationToken) =>
        WaitAsync(new Waiter(pattern, Exact: false, NewArrival()), timeout, time, cancellationToken);

    /// <summary>
    /// For a workflow's event step: the oldest event named <paramref name="name"/> that no step has
    /// taken, waiting for one if there is none; null when <paramref name="timeout"/> passes first.
    /// </summary>
    public Task<SpellEvent?> TakeAsync(string name, TimeSpan? timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_unclaimed.TryGetValue(name, out var queue) && queue.TryDequeue(out var waiting))
            {
                _unclaimedCount--;
                if (queue.Count == 0)
                {
                    _unclaimed.Remove(name);
                }

                return Task.FromResult<SpellEvent?>(waiting);
            }
        }

        return WaitAsync(new Waiter(name, Exact: true, NewArrival()), timeout, time, cancellationToken);
    }

    private static TaskCompletionSource<SpellEvent> NewArrival() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Queue<SpellEvent> Unclaimed(string name)
    {
        if (!_unclaimed.TryGetValue(name, out var queue))
        {
            queue = new Queue<SpellEvent>();
            _unclaimed[name] = queue;
        }

        return queue;
    }

    private async Task<SpellEvent?> WaitAsync(Waiter waiter, TimeSpan? timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _waiters.Add(waiter);
        }

        try
        {
            var arrived = waiter.Arrived.Task;
            return timeout is { } limit
                ? await arrived.WaitAsync(limit, time, cancellationToken).ConfigureAwait(false)
                : await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Glob patterns: <c>*</c> is any text, <c>?</c> one character; <c>order.*</c> matches <c>order.paid</c>.</summary>
    public static bool Matches(string pattern, string name) => FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: false);
}
