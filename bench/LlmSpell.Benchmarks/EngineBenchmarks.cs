using BenchmarkDotNet.Attributes;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Benchmarks;

/// <summary>
/// What one run costs inside the process, per engine: a fresh sandbox with the whole API bound,
/// one host call across the bridge, and a JSON round trip through the json module.
/// Each benchmark runs the engine directly on the benchmark thread, which owns the sandbox.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int CallsPerScript = 1000;

    private readonly SpellHost _host = new Testing.SpellTestHost([]).Host;
    private ISpellEngine _engine = null!;
    private SpellScript _empty = null!;
    private SpellScript _bridgeCalls = null!;
    private SpellScript _plainLoop = null!;
    private SpellScript _jsonRoundTrip = null!;

    [Params("lua", "js", "tengo")]
    public string Engine { get; set; } = "lua";

    [GlobalSetup]
    public void Setup()
    {
        (_engine, var extension) = BenchEngines.Create(Engine);
        string Pick(string lua, string js, string tengo) => BenchEngines.Pick(Engine, lua, js, tengo);
        _empty = new SpellScript("empty" + extension, Pick("return 1", "return 1;", "export 1"));
        _bridgeCalls = new SpellScript("calls" + extension, Pick(
            $"local now = time.now\nlocal t = 0\nfor i = 1, {CallsPerScript} do t = now() end\nreturn t",
            $"let t = 0;\nfor (let i = 0; i < {CallsPerScript}; i++) {{ t = time.now(); }}\nreturn t;",
            $"time := import(\"time\")\nnow := time.now\nt := 0\nfor i := 0; i < {CallsPerScript}; i++ {{ t = now() }}\nexport t"));
        _plainLoop = new SpellScript("loop" + extension, Pick(
            $"local t = 0\nfor i = 1, {CallsPerScript} do t = i end\nreturn t",
            $"let t = 0;\nfor (let i = 0; i < {CallsPerScript}; i++) {{ t = i; }}\nreturn t;",
            $"t := 0\nfor i := 0; i < {CallsPerScript}; i++ {{ t = i }}\nexport t"));
        _jsonRoundTrip = new SpellScript("json" + extension, Pick(
            "local doc = { name = \"report\", items = {} }\nfor i = 1, 50 do doc.items[i] = { id = i, title = \"item \" .. i, tags = { \"a\", \"b\" }, score = i / 3 } end\nreturn #json.decode(json.encode(doc)).items",
            "const doc = { name: \"report\", items: [] };\nfor (let i = 1; i <= 50; i++) doc.items.push({ id: i, title: \"item \" + i, tags: [\"a\", \"b\"], score: i / 3 });\nreturn json.decode(json.encode(doc)).items.length;",
            "json := import(\"json\")\ndoc := {name: \"report\", items: []}\nfor i := 1; i <= 50; i++ { doc.items = append(doc.items, {id: i, title: \"item \" + i, tags: [\"a\", \"b\"], score: i / 3.0}) }\nexport len(json.decode(json.encode(doc)).items)"));
    }

    /// <summary>Create a sandbox, bind the API, run "return 1", tear it down.</summary>
    [Benchmark]
    public SpellValue SandboxAndApiCreation() => Run(_empty);

    /// <summary>1,000 calls of time.now(); subtract PlainLoop and divide by 1,000 for one call.</summary>
    [Benchmark(OperationsPerInvoke = CallsPerScript)]
    public SpellValue BridgeCall() => Run(_bridgeCalls);

    [Benchmark(OperationsPerInvoke = CallsPerScript)]
    public SpellValue PlainLoop() => Run(_plainLoop);

    /// <summary>Build a 50-item document, json.encode it and json.decode it back (includes sandbox creation).</summary>
    [Benchmark]
    public SpellValue JsonRoundTrip() => Run(_jsonRoundTrip);

    private SpellValue Run(SpellScript script) => BenchEngines.Run(_host, _engine, script, SandboxLimits.Default);
}
