namespace LlmSpell.Engines.Tengo.Language;

public sealed class TengoBool : TengoObject
{
    public static readonly TengoBool True = new(true);
    public static readonly TengoBool False = new(false);

    private TengoBool(bool value) => Value = value;

    public bool Value { get; }

    public static TengoBool From(bool value) => value ? True : False;

    public override string TypeName => "bool";

    public override bool IsFalsy => !Value;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoBool b && b.Value == Value;

    public override string ToString() => Value ? "true" : "false";
}
