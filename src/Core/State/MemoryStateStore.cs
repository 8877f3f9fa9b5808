using System.Collections.Concurrent;
using System.Globalization;
using LlmSpell.Values;

namespace LlmSpell.State;

/// <summary>State kept in process memory: for tests and for runs that must leave nothing behind.</summary>
public sealed class MemoryStateStore : IStateStore
{
    // Values are stored as JSON text so that what comes back is exactly what a durable store would
    // return; each write takes a new version number, the token of a conditional write.
    private readonly ConcurrentDictionary<(string Scope, string Key), Stored> _entries = new();
    private long _versions;

    public ValueTask<SpellValue?> GetAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        return ValueTask.FromResult(_entries.TryGetValue((scope, key), out var stored) ? SpellJson.Parse(stored.Json) : null);
    }

    public ValueTask SetAsync(string scope, string key, SpellValue value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        StateKeys.Validate(scope, key);
        StateKeys.RejectFunctions(value);
        _entries[(scope, key)] = NewVersion(value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        return ValueTask.FromResult(_entries.TryRemove((scope, key), out _));
    }

    public ValueTask<StateEntry> ReadAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        return ValueTask.FromResult(_entries.TryGetValue((scope, key), out var stored)
            ? new StateEntry(SpellJson.Parse(stored.Json), stored.Version.ToString(CultureInfo.InvariantCulture))
            : StateEntry.Absent);
    }

    public ValueTask<bool> TryReplaceAsync(string scope, string key, StateEntry expected, SpellValue? value, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        if (value is not null)
        {
            StateKeys.RejectFunctions(value);
        }

        var id = (scope, key);
        if (expected.Version is null)
        {
            return ValueTask.FromResult(value is null ? !_entries.ContainsKey(id) : _entries.TryAdd(id, NewVersion(value)));
        }

        if (!_entries.TryGetValue(id, out var current) || current.Version.ToString(CultureInfo.InvariantCulture) != expected.Version)
        {
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(value is null
            ? _entries.TryRemove(KeyValuePair.Create(id, current))
            : _entries.TryUpdate(id, NewVersion(value), current));
    }

    public ValueTask<IReadOnlyList<string>> KeysAsync(string scope, string prefix, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> keys = [.. _entries.Keys.Where(k => k.Scope == scope && k.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k.Key).Order(StringComparer.Ordinal)];
        return ValueTask.FromResult(keys);
    }

    private Stored NewVersion(SpellValue value) => new(SpellJson.Serialize(value), Interlocked.Increment(ref _versions));

    private sealed record Stored(string Json, long Version);
}
