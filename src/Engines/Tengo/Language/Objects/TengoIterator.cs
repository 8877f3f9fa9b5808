namespace LlmSpell.Engines.Tengo.Language;

/// <summary>The state of one for-in loop; lives on the VM stack only, never in a script variable.</summary>
internal abstract class TengoIterator : TengoObject
{
    public override string TypeName => "iterator";

    public abstract bool Next();

    public abstract TengoObject Key { get; }

    public abstract TengoObject Value { get; }

    public override string ToString() => "<iterator>";
}
