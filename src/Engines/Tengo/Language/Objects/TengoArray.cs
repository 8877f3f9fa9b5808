using System.Runtime.InteropServices;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// An array, mutable or (after <c>immutable()</c>) not; the two differ only in their type name and in refusing writes.
/// </summary>
/// <remarks>
/// <c>a = append(a, x)</c> is how Tengo builds an array, so append must not copy. An array is a view
/// of the first <see cref="Count"/> slots of a list that later appends may share: appending to the
/// newest view (the one that reaches the list's end) extends the list in place and hands out a longer
/// view. Unlike Go's slices, the views keep value semantics: a write that another view could see
/// (any write through an older view, or through the newest one below the length it shares with the
/// view it came from) first copies the writer's slots into a list of its own.
/// </remarks>
public sealed class TengoArray : TengoObject
{
    private List<TengoObject> _slots;
    private int _count;

    // Slots below this index are seen by the view this one was appended from, so writing them in place would show through.
    private int _sharedPrefix;

    /// <summary>An array over <paramref name="items"/>, which it takes over: the caller must not change the list afterwards.</summary>
    public TengoArray(List<TengoObject> items, bool immutable = false)
        : this(items, items.Count, 0, immutable)
    {
    }

    private TengoArray(List<TengoObject> slots, int count, int sharedPrefix, bool immutable)
    {
        _slots = slots;
        _count = count;
        _sharedPrefix = sharedPrefix;
        IsImmutable = immutable;
    }

    public bool IsImmutable { get; }

    public int Count => _count;

    public TengoObject this[int index] => _slots[index];

    /// <summary>The elements, valid until the next write to this array.</summary>
    public ReadOnlySpan<TengoObject> AsSpan() => CollectionsMarshal.AsSpan(_slots)[.._count];

    public override string TypeName => IsImmutable ? "immutable-array" : "array";

    public override bool IsFalsy => _count == 0;

    private bool ReachesTheEnd => _count == _slots.Count;

    /// <summary>
    /// A new mutable array of these elements followed by <paramref name="values"/>, in amortised
    /// constant time per value; only the list's growth (and the new array itself) is charged.
    /// </summary>
    internal TengoArray Append(TengoVm vm, ReadOnlySpan<TengoObject> values)
    {
        if (!ReachesTheEnd)
        {
            // An older view: the slots past its end belong to a longer view, so it starts a list of its own.
            var copy = new List<TengoObject>(Math.Max(_count + values.Length, _count * 2));
            copy.AddRange(AsSpan());
            copy.AddRange(values);
            vm.Allocate(32 + 8L * copy.Capacity);
            return new TengoArray(copy, copy.Count, 0, immutable: false);
        }

        var capacity = _slots.Capacity;
        _slots.AddRange(values);
        vm.Allocate(32 + 8L * (_slots.Capacity - capacity));
        return new TengoArray(_slots, _slots.Count, _count, immutable: false);
    }

    /// <summary>Sets one element (the caller checked mutability and bounds), copying first if another array would see the write.</summary>
    internal void Set(TengoVm vm, int index, TengoObject value)
    {
        if (!ReachesTheEnd || index < _sharedPrefix) Detach(vm);
        _slots[index] = value;
    }

    /// <summary>Removes <paramref name="deleteCount"/> elements at <paramref name="start"/>, inserts <paramref name="inserted"/> there, and returns what it removed.</summary>
    internal List<TengoObject> Splice(TengoVm vm, int start, int deleteCount, ReadOnlySpan<TengoObject> inserted)
    {
        // Shrinking a shared list would make an older view look like its newest one, so splice only a list of its own.
        if (!ReachesTheEnd || _sharedPrefix > 0) Detach(vm);
        var removed = _slots.GetRange(start, deleteCount);
        _slots.RemoveRange(start, deleteCount);
        _slots.InsertRange(start, inserted.ToArray());
        _count = _slots.Count;
        return removed;
    }

    /// <summary>Elements <paramref name="start"/> up to (not including) <paramref name="end"/>, as a new list.</summary>
    internal List<TengoObject> Range(int start, int end) => _slots.GetRange(start, end - start);

    /// <summary>The same elements, read-only, sharing this array's storage as the reference's <c>immutable()</c> does.</summary>
    internal TengoArray AsImmutable() => new(_slots, _count, _sharedPrefix, immutable: true);

    private void Detach(TengoVm vm)
    {
        var own = new List<TengoObject>(_count);
        own.AddRange(AsSpan());
        vm.Allocate(8L * own.Capacity);
        _slots = own;
        _sharedPrefix = 0;
    }

    internal override bool ValueEquals(TengoObject other, int depth)
    {
        if (other is not TengoArray array || array._count != _count) return false;
        if (ReferenceEquals(this, other)) return true;
        CheckDepth(depth);
        for (var i = 0; i < _count; i++)
        {
            if (!_slots[i].ValueEquals(array._slots[i], depth + 1)) return false;
        }

        return true;
    }

    internal override TengoObject Copy(int depth)
    {
        CheckDepth(depth);
        var items = new List<TengoObject>(_count);
        foreach (var item in AsSpan()) items.Add(item.Copy(depth + 1));
        return new TengoArray(items);
    }

    public override string ToString() => DescribeNested();

    internal override void AppendTo(System.Text.StringBuilder builder, int depth)
    {
        CheckDepth(depth);
        builder.Append('[');
        for (var i = 0; i < _count; i++)
        {
            if (i > 0) builder.Append(", ");
            _slots[i].AppendTo(builder, depth + 1);
        }

        builder.Append(']');
    }

    public override bool CanIterate => true;

    // As the reference's iterator, the length is taken when the loop starts; writes during the loop show.
    internal override TengoIterator Iterate() => new ArrayIterator(this, _count);

    private sealed class ArrayIterator(TengoArray array, int length) : TengoIterator
    {
        private int _index = -1;

        public override bool Next() => ++_index < length && _index < array._count;

        public override TengoObject Key => TengoInt.From(_index);

        public override TengoObject Value => array._slots[_index];
    }
}
