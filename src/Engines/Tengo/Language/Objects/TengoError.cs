namespace LlmSpell.Engines.Tengo.Language;

/// <summary>An error value, made by <c>error(v)</c> or returned by a failing function; <c>.value</c> reads what it wraps.</summary>
public sealed class TengoError(TengoObject value) : TengoObject
{
    public TengoObject Value { get; } = value;

    public override string TypeName => "error";

    public override bool IsFalsy => true;

    public override TengoObject Copy() => new TengoError(Value.Copy());

    public override string ToString() => "error: " + Value;
}
