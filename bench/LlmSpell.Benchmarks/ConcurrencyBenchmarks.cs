using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LlmSpell.FakeProviders;
using LlmSpell.Hosting;
using LlmSpell.Llm;
using LlmSpell.Providers;
using LlmSpell.Running;
using LlmSpell.State;
using LlmSpell.Values;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Benchmarks;

/// <summary>
/// Calls side by side: a spell makes <see cref="Calls"/> LLM calls at once — through
/// <c>async.all</c> and as the branches of a parallel workflow — to a local fake OpenAI server
/// that answers each after 500 ms. Run side by side, four calls should take about one call's time
/// (Calls = 1 is the measure) on every engine.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class ConcurrencyBenchmarks
{
    private static readonly TimeSpan ModelLatency = TimeSpan.FromMilliseconds(500);

    private OpenAiCompatibleServer _server = null!;
    private ServiceProvider _services = null!;
    private SpellHost _host = null!;
    private ISpellEngine _engine = null!;
    private SpellScript _asyncAll = null!;
    private SpellScript _parallelWorkflow = null!;

    [Params("lua", "js", "tengo")]
    public string Engine { get; set; } = "lua";

    [Params(1, 4)]
    public int Calls { get; set; } = 4;

    [GlobalSetup]
    public void Setup()
    {
        _server = OpenAiCompatibleServer.StartAsync().GetAwaiter().GetResult();
        _server.KeepRequests = false;
        _server.Latency = ModelLatency;
        _services = BenchHosts.OnOpenAi(_server.BaseUrl, spell => spell.AddLlmProviders());
        _host = _services.GetRequiredService<SpellHost>();

        (_engine, var extension) = BenchEngines.Create(Engine);
        var n = Calls;
        _asyncAll = new SpellScript("all" + extension, BenchEngines.Pick(Engine,
            $"local fns = {{}}\nfor i = 1, {n} do fns[i] = function() return llm.complete(\"q\" .. i) end end\nreturn #async.all(fns)",
            $"const fns = [];\nfor (let i = 1; i <= {n}; i++) fns.push(() => llm.complete(\"q\" + i));\nreturn (await async.all(fns)).length;",
            $"async := import(\"async\")\nllm := import(\"llm\")\nfns := []\nfor i := 1; i <= {n}; i++ {{ q := \"q\" + i; fns = append(fns, func() {{ return llm.complete(q) }}) }}\nexport len(async.all(fns))"));
        _parallelWorkflow = new SpellScript("parallel" + extension, BenchEngines.Pick(Engine,
            $"local steps = {{}}\nfor i = 1, {n} do steps[i] = function() return llm.complete(\"q\" .. i) end end\nreturn #workflow.parallel({{ name = \"p\", steps = steps, max_concurrency = {n} }}).run()",
            $"const steps = [];\nfor (let i = 1; i <= {n}; i++) steps.push(() => llm.complete(\"q\" + i));\nreturn (await workflow.parallel({{ name: \"p\", steps, max_concurrency: {n} }}).run()).length;",
            $"workflow := import(\"workflow\")\nllm := import(\"llm\")\nsteps := []\nfor i := 1; i <= {n}; i++ {{ q := \"q\" + i; steps = append(steps, func() {{ return llm.complete(q) }}) }}\nexport len(workflow.parallel({{name: \"p\", steps: steps, max_concurrency: {n}}}).run())"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public SpellValue AsyncAll() => Run(_asyncAll);

    [Benchmark]
    public SpellValue ParallelWorkflow() => Run(_parallelWorkflow);

    private SpellValue Run(SpellScript script)
    {
        var result = BenchEngines.Run(_host, _engine, script, SandboxLimits.Default);
        return result is SpellInt { Value: var count } && count == Calls
            ? result
            : throw new InvalidOperationException($"{script.Name} on {Engine} answered {result} instead of {Calls} replies");
    }
}
