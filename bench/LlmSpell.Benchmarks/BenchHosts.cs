using LlmSpell.Hosting;
using LlmSpell.Providers;
using LlmSpell.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Benchmarks;

/// <summary>The host the benchmarks that call a model run on: the composition root, in-memory state, one OpenAI-compatible provider.</summary>
internal static class BenchHosts
{
    /// <summary>Services with <paramref name="parts"/>, whose only provider is the server at <paramref name="baseUrl"/>.</summary>
    public static ServiceProvider OnOpenAi(Uri baseUrl, Action<LlmSpellBuilder> parts)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStateStore>(new MemoryStateStore());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(LlmSpellServiceCollectionExtensions.ContentRootKey, Path.GetTempPath())]).Build();
        services.AddLlmSpell(configuration, parts)
            .Configure(options => options.Llm = new LlmSettings { Providers = [new() { Name = "openai", ApiKey = "k", BaseUrl = baseUrl, DefaultModel = "gpt-4o-mini" }] });
        return services.BuildServiceProvider();
    }
}
