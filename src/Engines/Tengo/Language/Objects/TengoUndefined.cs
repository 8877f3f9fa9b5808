namespace LlmSpell.Engines.Tengo.Language;

/// <summary>Tengo's absence of a value: a missing map key, an out-of-range index, a function without a result.</summary>
public sealed class TengoUndefined : TengoObject
{
    public static readonly TengoUndefined Instance = new();

    private TengoUndefined()
    {
    }

    public override string TypeName => "undefined";

    public override bool IsFalsy => true;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoUndefined;

    public override string ToString() => "<undefined>";
}
