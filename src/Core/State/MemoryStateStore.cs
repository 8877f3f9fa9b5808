using System.Collections.Concurrent;
using LlmSpell.Values;

namespace LlmSpell.State;

/// <summary>State kept in process memory: for tests and for runs that must leave nothing behind.</summary>
public sealed class MemoryStateStore : IStateStore
{
    // Values are stored as JSON text so that what comes back is exactly what a durable store would return.
    private readonly ConcurrentDictionary<(string Scope, string Key), string> _entries = new();

    public ValueTask<SpellValue?> GetAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        return ValueTask.FromResult(_entries.TryGetValue((scope, key), out var json) ? SpellJson.Parse(json) : null);
    }

    public ValueTask SetAsync(string scope, string key, SpellValue value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        StateKeys.Validate(scope, key);
        StateKeys.RejectFunctions(value);
        _entries[(scope, key)] = SpellJson.Serialize(value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        return ValueTask.FromResult(_entries.TryRemove((scope, key), out _));
    }

    public ValueTask<IReadOnlyList<string>> KeysAsync(string scope, string prefix, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> keys = [.. _entries.Keys.Where(k => k.Scope == scope && k.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k.Key).Order(StringComparer.Ordinal)];
        return ValueTask.FromResult(keys);
    }
}
