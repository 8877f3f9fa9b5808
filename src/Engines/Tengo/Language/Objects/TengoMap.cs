namespace LlmSpell.Engines.Tengo.Language;

/// <summary>A map with string keys, mutable or (after <c>immutable()</c> or <c>export</c>) not. Keys keep insertion order.</summary>
public sealed class TengoMap(Dictionary<string, TengoObject> entries, bool immutable = false) : TengoObject
{
    public Dictionary<string, TengoObject> Entries { get; } = entries;

    public bool IsImmutable { get; } = immutable;

    public override string TypeName => IsImmutable ? "immutable-map" : "map";

    public override bool IsFalsy => Entries.Count == 0;

    internal override bool ValueEquals(TengoObject other, int depth)
    {
        if (other is not TengoMap map || map.Entries.Count != Entries.Count) return false;
        if (ReferenceEquals(this, other)) return true;
        CheckDepth(depth);
        foreach (var (key, value) in Entries)
        {
            if (!map.Entries.TryGetValue(key, out var theirs) || !value.ValueEquals(theirs, depth + 1)) return false;
        }

        return true;
    }

    internal override TengoObject Copy(int depth)
    {
        CheckDepth(depth);
        return new TengoMap(Entries.ToDictionary(e => e.Key, e => e.Value.Copy(depth + 1), StringComparer.Ordinal));
    }

    public override string ToString() => DescribeNested();

    internal override void AppendTo(System.Text.StringBuilder builder, int depth)
    {
        CheckDepth(depth);
        builder.Append('{');
        var first = true;
        foreach (var (key, value) in Entries)
        {
            if (!first) builder.Append(", ");
            first = false;
            builder.Append(key).Append(": ");
            value.AppendTo(builder, depth + 1);
        }

        builder.Append('}');
    }

    public override bool CanIterate => true;

    // Keys are taken up front so a loop body may add or delete entries safely.
    internal override TengoIterator Iterate() => new MapIterator(Entries, [.. Entries.Keys]);

    private sealed class MapIterator(Dictionary<string, TengoObject> entries, string[] keys) : TengoIterator
    {
        private int _index = -1;

        public override bool Next()
        {
            while (++_index < keys.Length)
            {
                if (entries.ContainsKey(keys[_index])) return true;
            }

            return false;
        }

        public override TengoObject Key => new TengoString(keys[_index]);

        public override TengoObject Value => entries.TryGetValue(keys[_index], out var value) ? value : TengoUndefined.Instance;
    }
}
