using System.Text;
using BenchmarkDotNet.Attributes;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Benchmarks;

/// <summary>
/// The three engines side by side on pure script work: recursive fib(35), its tail-call form
/// repeated, compiling a 2,000-line spell, and an empty run (sandbox creation with the API bound).
/// Limits are lifted so the engines, not the budgets, are measured.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LanguageBenchmarks
{
    private const int TailCallRepeats = 100_000;
    private const int GeneratedFunctions = 200;

    private static readonly SandboxLimits Unlimited = SandboxLimits.Default with
    {
        Timeout = TimeSpan.FromMinutes(10),
        MaxInstructions = long.MaxValue / 2,
        MaxMemoryBytes = 1L << 30,
        MaxRecursionDepth = 10_000,
    };

    private readonly SpellHost _host = new Testing.SpellTestHost([]).Host;
    private ISpellEngine _engine = null!;
    private SpellScript _fib = null!;
    private SpellScript _tailCall = null!;
    private SpellScript _empty = null!;
    private string _generated = "";
    private string _extension = "";
    private int _compiles;

    [Params("lua", "js", "tengo")]
    public string Engine { get; set; } = "tengo";

    [GlobalSetup]
    public void Setup()
    {
        (_engine, _extension) = BenchEngines.Create(Engine);
        _fib = Script("fib", Engine switch
        {
            "lua" => "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\nreturn fib(35)",
            "js" => "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nreturn fib(35);",
            _ => "fib := func(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }\nexport fib(35)",
        });
        _tailCall = Script("tail", Engine switch
        {
            "lua" => $"local function fib(n, a, b) if n == 0 then return a end return fib(n - 1, b, a + b) end\nlocal r = 0\nfor i = 1, {TailCallRepeats} do r = fib(35, 0, 1) end\nreturn r",
            "js" => $"function fib(n, a, b) {{ return n === 0 ? a : fib(n - 1, b, a + b); }}\nlet r = 0;\nfor (let i = 0; i < {TailCallRepeats}; i++) r = fib(35, 0, 1);\nreturn r;",
            _ => $"fib := func(n, a, b) {{ if n == 0 {{ return a }}; return fib(n - 1, b, a + b) }}\nr := 0\nfor i := 0; i < {TailCallRepeats}; i++ {{ r = fib(35, 0, 1) }}\nexport r",
        });
        _empty = Script("empty", Engine switch { "lua" => "return 1", "js" => "return 1;", _ => "export 1" });
        _generated = Generate(Engine);
    }

    /// <summary>fib(35) by plain recursion: about 30 million calls.</summary>
    [Benchmark]
    public SpellValue Fib35() => Run(_fib);

    /// <summary>fib(35) written tail-recursively (36 calls), 100,000 times: calls and arithmetic without deep stacks.</summary>
    [Benchmark]
    public SpellValue TailCallFib35() => Run(_tailCall);

    /// <summary>Parse and compile a 2,000-line spell that defines 200 functions (includes one empty run; subtract EmptyRun).</summary>
    [Benchmark]
    public SpellValue Compile2000Lines() => Run(Script($"generated{_compiles++}", _generated));

    /// <summary>A fresh sandbox with the whole spell API bound, running a one-line spell.</summary>
    [Benchmark]
    public SpellValue EmptyRun() => Run(_empty);

    private SpellScript Script(string name, string source) => new(name + _extension, source);

    private SpellValue Run(SpellScript script) => BenchEngines.Run(_host, _engine, script, Unlimited);

    /// <summary>Ten lines per function, 200 functions: the same program in each language.</summary>
    internal static string Generate(string engine)
    {
        var source = new StringBuilder(engine == "lua" ? "local F = {}\n" : "");
        for (var i = 0; i < GeneratedFunctions; i++)
        {
            source.Append(engine switch
            {
                // Lua allows 200 locals per function, so the 200 functions live in one table.
                "lua" => $$"""
                    function F.f{{i}}(a, b)
                      local total = 0
                      for j = 0, a - 1 do
                        if j % 2 == 0 then total = total + j * b else total = total - b end
                      end
                      local m = { name = "f{{i}}", values = { a, b, total } }
                      return m.values[3] + #m.name
                    end
                    F.x{{i}} = { id = {{i}}, label = "item {{i}}", tags = { "a", "b" } }
                    -- function {{i}} done

                    """,
                "js" => $$"""
                    function f{{i}}(a, b) {
                      let total = 0;
                      for (let j = 0; j < a; j++) {
                        if (j % 2 === 0) { total += j * b; } else { total -= b; }
                      }
                      const m = { name: "f{{i}}", values: [a, b, total] };
                      return m.values[2] + m.name.length;
                    }
                    const x{{i}} = { id: {{i}}, label: "item {{i}}", tags: ["a", "b"] };
                    // function {{i}} done

                    """,
                _ => $$"""
                    f{{i}} := func(a, b) {
                        total := 0
                        for j := 0; j < a; j++ {
                            if j % 2 == 0 { total += j * b } else { total -= b }
                        }
                        m := {name: "f{{i}}", values: [a, b, total]}
                        return m.values[2] + len(m.name)
                    }
                    x{{i}} := {id: {{i}}, label: "item {{i}}", tags: ["a", "b"]}
                    // function {{i}} done

                    """,
            });
        }

        source.Append(engine switch { "lua" => "return 1", "js" => "return 1;", _ => "export 1" });
        return source.ToString();
    }
}
