using BenchmarkDotNet.Attributes;
using LlmSpell.Hosting.Application;
using LlmSpell.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Benchmarks;

/// <summary>
/// What the composition root costs a host that starts: <c>AddLlmSpell</c> with every part (three
/// engines, providers, MCP, durable workflows), the service provider built, and the services a
/// first request resolves (the run service, the spell host). Measured warm: the cold, JIT-bound
/// part of a process start is what bench/hello-process.sh times.
/// </summary>
[MemoryDiagnoser]
public class CompositionRootBenchmarks
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-bench-root-").FullName;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public async Task<SpellHost> ComposeAndResolve()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(LlmSpellServiceCollectionExtensions.ContentRootKey, _root)]).Build();
        var services = new ServiceCollection();
        services.AddLlmSpell(configuration);
        await using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<SpellRunService>();
        return provider.GetRequiredService<SpellHost>();
    }
}
