using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace LlmSpell.Values;

/// <summary>
/// A map from string keys to values. Keys keep their insertion order so that output (JSON, logs)
/// is stable and reads the way the script wrote it.
/// </summary>
public sealed class SpellMap : SpellValue, IReadOnlyDictionary<string, SpellValue>
{
    private readonly OrderedDictionary<string, SpellValue> _entries;

    public SpellMap(IEnumerable<KeyValuePair<string, SpellValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = new OrderedDictionary<string, SpellValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            _entries[key] = value;
        }
    }

    public static SpellMap Empty { get; } = new([]);

    public override SpellValueKind Kind => SpellValueKind.Map;

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Keys;

    public IEnumerable<SpellValue> Values => _entries.Values;

    public SpellValue this[string key] => _entries[key];

    /// <summary>The value under <paramref name="key"/>, or null when absent — the script-side meaning of a missing key.</summary>
    public SpellValue Get(string key) => _entries.TryGetValue(key, out var value) ? value : Null;

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out SpellValue value) => _entries.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, SpellValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(SpellValue? other)
    {
        if (other is not SpellMap map || map.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _entries)
        {
            if (!map._entries.TryGetValue(key, out var theirs) || !value.Equals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        // Order-independent, matching Equals.
        var hash = 0;
        foreach (var (key, value) in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value);
        }

        return hash;
    }
}
