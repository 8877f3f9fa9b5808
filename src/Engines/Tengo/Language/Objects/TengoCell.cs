namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// A captured variable. A local slot turns into a cell the first time a closure captures it, so the
/// closure and the enclosing function go on sharing one variable; scripts never see a cell.
/// </summary>
internal sealed class TengoCell(TengoObject value) : TengoObject
{
    public TengoObject Value { get; set; } = value;

    public override string TypeName => "cell";

    public override string ToString() => Value.ToString();
}
