namespace LlmSpell.Engines.Tengo.Language;

/// <summary>The host side of a builtin or module function. Arguments live on the VM stack: copy what you keep.</summary>
public delegate TengoObject TengoNativeFunction(TengoVm vm, ReadOnlySpan<TengoObject> arguments);

/// <summary>A function written in C#: a builtin, a standard-module function or a spell API function.</summary>
public sealed class TengoBuiltin(string name, TengoNativeFunction function) : TengoObject
{
    public string Name { get; } = name;

    public TengoNativeFunction Function { get; } = function;

    public override string TypeName => "builtin-function:" + Name;

    public override bool CanCall => true;

    public override string ToString() => "<builtin-function>";
}
