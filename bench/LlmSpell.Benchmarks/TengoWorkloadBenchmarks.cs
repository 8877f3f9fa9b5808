using BenchmarkDotNet.Attributes;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Benchmarks;

/// <summary>
/// Tengo on the workloads it is timed on against the Go reference (the scripts in bench/tengo, which
/// bench/tengo-process.sh also runs whole-process beside Go's <c>tengo</c> when it is installed):
/// recursive fib(35), a 10 M-iteration loop, a string and map workload, 80,000 appends.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TengoWorkloadBenchmarks
{
    private readonly SpellHost _host = new Testing.SpellTestHost([]).Host;
    private readonly ISpellEngine _engine = BenchEngines.Create("tengo").Engine;

    [Params("fib35", "loop10m", "strings-maps", "append80k")]
    public string Workload { get; set; } = "fib35";

    private SpellScript _script = null!;

    [GlobalSetup]
    public void Setup() => _script = new SpellScript(Workload + ".tengo", File.ReadAllText(Path.Combine(TengoWorkloads.Folder(), Workload + ".tengo")));

    [Benchmark]
    public SpellValue Run() => BenchEngines.Run(_host, _engine, _script, TengoWorkloads.Unlimited);
}
