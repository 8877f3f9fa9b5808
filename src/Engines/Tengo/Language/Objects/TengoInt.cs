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

    // An int equals the float of the same value, as in the reference (d5/tengo#477).
    internal override bool ValueEquals(TengoObject other, int depth) => other switch
    {
        TengoInt i => i.Value == Value,
        TengoFloat f => Value == f.Value,
        _ => false,
    };

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
