namespace LlmSpell.Engines.Tengo.Language;

/// <summary>A script function: compiled code plus the variables it captured.</summary>
public sealed class TengoClosure : TengoObject
{
    internal TengoClosure(CompiledFunction function, TengoCell[] free)
    {
        Function = function;
        Free = free;
    }

    internal CompiledFunction Function { get; }

    internal TengoCell[] Free { get; }

    public override string TypeName => "compiled-function";

    public override bool CanCall => true;

    public override string ToString() => "<compiled-function>";
}
