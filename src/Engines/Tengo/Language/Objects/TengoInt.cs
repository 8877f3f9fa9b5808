namespace LlmSpell.Engines.Tengo.Language;

public sealed class TengoInt : TengoObject
{
    private const int CacheLow = -128;
    private const int CacheHigh = 1024;
    private static readonly TengoInt[] Cache = Enumerable.Range(CacheLow, CacheHigh - CacheLow + 1).Select(i => new TengoInt(i)).ToArray();

    private TengoInt(long value) => Value = value;

    public long Value { get; }

    // Loop counters and small results are the most common values; sharing them avoids most allocations.
    public static TengoInt From(long value) => value is >= CacheLow and <= CacheHigh ? Cache[value - CacheLow] : new TengoInt(value);

    public override string TypeName => "int";

    public override bool IsFalsy => Value == 0;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoInt i && i.Value == Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
