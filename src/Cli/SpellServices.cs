using LlmSpell.Api;
using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Llm;
using LlmSpell.Running;
using LlmSpell.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Cli;

/// <summary>The composition root: which engines, providers and stores the CLI runs with.</summary>
public static class SpellServices
{
    /// <summary>The folder, under the working directory, where embedded defaults keep their data.</summary>
    public const string DataFolder = ".llmspell";

    public static ServiceProvider Build(TextWriter notices, LogLevel minimumLogLevel, string workingDirectory)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(minimumLogLevel)
            .AddSimpleConsole(options => options.SingleLine = true)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton<ISpellEngine, LuaEngine>();
        services.AddSingleton<ISpellEngine, JavaScriptEngine>();
        services.AddSingleton<ILlmProvider, MockLlmProvider>();
        services.AddSingleton(new LlmOptions());
        services.AddSingleton(sp => new LlmService(sp.GetServices<ILlmProvider>(), sp.GetRequiredService<LlmOptions>(), notices));
        services.AddSingleton<IStateStore>(new FileStateStore(Path.Combine(workingDirectory, DataFolder, "state")));
        services.AddSingleton(SpellApi.Standard);
        services.AddSingleton(sp => new SpellHost(sp.GetRequiredService<SpellApi>(), sp.GetRequiredService<LlmService>(), sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<SpellRunner>();
        return services.BuildServiceProvider();
    }
}
