using Azure;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>
/// The histories this process committed last, each valid only for the sentinel ETag its commit
/// produced. A busy instance (a fan-out of a thousand) is then leased with one point read instead
/// of a read of its whole history per episode. Bounded; the oldest entries go first.
/// </summary>
internal sealed class HistoryCache(int capacity)
{
    private readonly Dictionary<string, (ETag ETag, IReadOnlyList<HistoryEvent> History, LinkedListNode<string> Age)> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _ages = new();
    private readonly Lock _gate = new();

    public bool Contains(string instanceId)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(instanceId);
        }
    }

    public List<HistoryEvent>? TryGet(string instanceId, ETag current)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(instanceId, out var entry) && entry.ETag == current ? [.. entry.History] : null;
        }
    }

    public void Put(string instanceId, ETag etag, IReadOnlyList<HistoryEvent> history)
    {
        lock (_gate)
        {
            Remove(instanceId);
            _entries[instanceId] = (etag, history, _ages.AddLast(instanceId));
            if (_entries.Count > capacity && _ages.First is { } oldest)
            {
                Remove(oldest.Value);
            }
        }
    }

    public void Remove(string instanceId)
    {
        lock (_gate)
        {
            if (_entries.Remove(instanceId, out var entry))
            {
                _ages.Remove(entry.Age);
            }
        }
    }
}
