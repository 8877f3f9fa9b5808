namespace LlmSpell.Engines.Tengo.Language;

/// <summary>An array, mutable or (after <c>immutable()</c>) not; the two differ only in their type name and in refusing writes.</summary>
public sealed class TengoArray(List<TengoObject> items, bool immutable = false) : TengoObject
{
    public List<TengoObject> Items { get; } = items;

    public bool IsImmutable { get; } = immutable;

    public override string TypeName => IsImmutable ? "immutable-array" : "array";

    public override bool IsFalsy => Items.Count == 0;

    internal override bool ValueEquals(TengoObject other, int depth)
    {
        if (other is not TengoArray array || array.Items.Count != Items.Count) return false;
        if (ReferenceEquals(this, other)) return true;
        CheckDepth(depth);
        for (var i = 0; i < Items.Count; i++)
        {
            if (!Items[i].ValueEquals(array.Items[i], depth + 1)) return false;
        }

        return true;
    }

    internal override TengoObject Copy(int depth)
    {
        CheckDepth(depth);
        return new TengoArray(Items.Select(i => i.Copy(depth + 1)).ToList());
    }

    public override string ToString() => DescribeNested();

    internal override void AppendTo(System.Text.StringBuilder builder, int depth)
    {
        CheckDepth(depth);
        builder.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0) builder.Append(", ");
            Items[i].AppendTo(builder, depth + 1);
        }

        builder.Append(']');
    }

    public override bool CanIterate => true;

    internal override TengoIterator Iterate() => new ArrayIterator(Items);

    private sealed class ArrayIterator(List<TengoObject> items) : TengoIterator
    {
        private int _index = -1;

        public override bool Next() => ++_index < items.Count;

        public override TengoObject Key => TengoInt.From(_index);

        public override TengoObject Value => items[_index];
    }
}
