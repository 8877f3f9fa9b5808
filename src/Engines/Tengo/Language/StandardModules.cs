using System.Collections.Frozen;
using LlmSpell.Engines.Tengo.Language.Stdlib;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// Tengo's standard library except <c>os</c> (a spell reaches the world only through the spell API).
/// Builtin modules are immutable maps of stateless functions, so they are built once per process.
/// </summary>
public static class StandardModules
{
    private static readonly FrozenDictionary<string, Lazy<TengoMap>> BuiltinModules = new Dictionary<string, Lazy<TengoMap>>
    {
        ["fmt"] = new(FmtModule.Create),
        ["math"] = new(MathModule.Create),
        ["text"] = new(TextModule.Create),
        ["times"] = new(TimesModule.Create),
        ["rand"] = new(RandModule.Create),
        ["json"] = new(JsonModule.Create),
        ["base64"] = new(EncodingModules.Base64),
        ["hex"] = new(EncodingModules.Hex),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Lazy<TengoProgram>> SourceModules = new Dictionary<string, Lazy<TengoProgram>>
    {
        ["enum"] = new(() => TengoProgram.CompileModule("enum.tengo", ReadResource("enum.tengo"), new HashSet<string>())),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every standard module name.</summary>
    public static IReadOnlySet<string> Names { get; } = BuiltinModules.Keys.Concat(SourceModules.Keys).ToFrozenSet(StringComparer.Ordinal);

    internal static TengoMap? Builtin(string name) => BuiltinModules.TryGetValue(name, out var module) ? module.Value : null;

    internal static TengoProgram? Source(string name) => SourceModules.TryGetValue(name, out var module) ? module.Value : null;

    private static string ReadResource(string name)
    {
        using var stream = typeof(StandardModules).Assembly.GetManifestResourceStream("LlmSpell.Engines.Tengo." + name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
