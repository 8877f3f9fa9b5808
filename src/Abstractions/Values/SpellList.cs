using System.Collections;

namespace LlmSpell.Values;

/// <summary>An ordered list; immutable once built so a value can be shared between a script and the host.</summary>
public sealed class SpellList : SpellValue, IReadOnlyList<SpellValue>
{
    private readonly SpellValue[] _items;

    public SpellList(IEnumerable<SpellValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
    }

    public static SpellList Empty { get; } = new([]);

    public override SpellValueKind Kind => SpellValueKind.List;

    public int Count => _items.Length;

    public SpellValue this[int index] => _items[index];

    public IEnumerator<SpellValue> GetEnumerator() => ((IEnumerable<SpellValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override bool Equals(SpellValue? other) =>
        other is SpellList list && list._items.AsSpan().SequenceEqual(_items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
