namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>Builds the immutable map a standard module is.</summary>
internal sealed class ModuleBuilder(string module)
{
    private readonly Dictionary<string, TengoObject> _entries = new(StringComparer.Ordinal);

    public ModuleBuilder Function(string name, TengoNativeFunction function)
    {
        _entries[name] = new TengoBuiltin($"{module}.{name}", function);
        return this;
    }

    public ModuleBuilder Value(string name, TengoObject value)
    {
        _entries[name] = value;
        return this;
    }

    public ModuleBuilder Int(string name, long value) => Value(name, TengoInt.From(value));

    public ModuleBuilder Float(string name, double value) => Value(name, new TengoFloat(value));

    public TengoMap Build() => new(_entries, immutable: true);
}
