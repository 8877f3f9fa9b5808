using BenchmarkDotNet.Attributes;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Benchmarks;
/// <summary>
/// <c>a = append(a, i)</c> for growing N: the time per append stays flat when append is amortised
/// constant time, so building the array is linear overall (a copy per call made it quadratic).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TengoAppendBenchmarks
{
    private readonly SpellHost _host = new Testing.SpellTestHost([]).Host;
    private readonly ISpellEngine _engine = BenchEngines.Create("tengo").Engine;
    private SpellScript _script = null!;

    [Params(10_000, 40_000, 160_000, 640_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _script = new SpellScript("append.tengo", $"a := []\nfor i := 0; i < {N}; i++ {{ a = append(a, i) }}\nexport len(a)");

    [Benchmark]
    public SpellValue AppendN() => BenchEngines.Run(_host, _engine, _script, TengoWorkloads.Unlimited);
}
