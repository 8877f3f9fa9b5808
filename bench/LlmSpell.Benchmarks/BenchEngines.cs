using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Benchmarks;

/// <summary>The engines the benchmarks compare, by name, and one run of a spell on the benchmark thread.</summary>
internal static class BenchEngines
{
    public static (ISpellEngine Engine, string Extension) Create(string name) => name switch
    {
        "lua" => (new LuaEngine(), ".lua"),
        "js" => (new JavaScriptEngine(), ".js"),
        "tengo" => (new TengoEngine(), ".tengo"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "lua, js or tengo"),
    };

    /// <summary>The same spell in each language, picked by engine name.</summary>
    public static string Pick(string name, string lua, string js, string tengo) => name switch
    {
        "lua" => lua,
        "js" => js,
        _ => tengo,
    };

    /// <summary>Runs the spell directly on this thread, which owns the sandbox, with output discarded.</summary>
    public static SpellValue Run(SpellHost host, ISpellEngine engine, SpellScript script, SandboxLimits limits)
    {
        var context = new SpellContext(host, script, SpellMap.Empty, limits, new SpellOutput(TextWriter.Null, 1 << 20), "bench", CancellationToken.None, CancellationToken.None);
        return engine.Execute(script, context);
    }
}
