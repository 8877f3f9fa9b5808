using LlmSpell.Api;
using LlmSpell.Configuration;
using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Tengo;
using LlmSpell.Engines.Lua;
using LlmSpell.Llm;
using LlmSpell.Mcp;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Providers;
using LlmSpell.Running;
using LlmSpell.State;
using LlmSpell.Tools.BuiltIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Cli;

/// <summary>What the CLI was asked for that shapes the services.</summary>
/// <param name="ConnectMcp">Start the configured MCP servers; only commands that call tools need them.</param>
/// <param name="Worker">How <c>llmspell worker</c> pulls work; defaults otherwise.</param>
public sealed record CliHostOptions(string WorkingDirectory, LogLevel MinimumLogLevel = LogLevel.Information, string? RecordTo = null, string? ReplayFrom = null, bool ConnectMcp = false,
    DurableWorkerOptions? Worker = null);

/// <summary>The composition root: which engines, providers and stores the CLI runs with.</summary>
public static class SpellServices
{
    /// <summary>The folder, under the working directory, where embedded defaults keep their data.</summary>
    public const string DataFolder = ".llmspell";

    /// <summary>
    /// <see cref="Build"/> for commands: a malformed llmspell.json is reported on stderr and gives
    /// null, which the command turns into <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public static async Task<ServiceProvider?> TryBuildAsync(CliConsole console, CliHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            return Build(console.Error, options);
        }
        catch (Errors.SpellException ex)
        {
            await console.Error.WriteLineAsync($"llmspell: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <exception cref="Errors.SpellException">With code <c>bad_argument</c> for a malformed llmspell.json.</exception>
    public static ServiceProvider Build(TextWriter notices, CliHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = SpellConfigFiles.Read(options.WorkingDirectory);
        var settings = LlmSettingsLoader.Load(files, Environment.GetEnvironmentVariable) with
        {
            RecordTo = options.RecordTo is null ? null : Path.GetFullPath(options.RecordTo, options.WorkingDirectory),
            ReplayFrom = options.ReplayFrom is null ? null : Path.GetFullPath(options.ReplayFrom, options.WorkingDirectory),
        };

        var tools = ToolSettingsLoader.Load(options.WorkingDirectory, files);
        var mcpServers = McpSettingsLoader.Load(files);
        var services = new ServiceCollection();
        services.AddSingleton(sp => options.ConnectMcp && mcpServers.Count > 0
            ? McpToolSource.ConnectAsync(mcpServers, notices, loggerFactory: null, CancellationToken.None).GetAwaiter().GetResult()
            : new McpToolSource());
        services.AddLogging(logging => logging
            .SetMinimumLevel(options.MinimumLogLevel)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton<ISpellEngine, LuaEngine>();
        services.AddSingleton<ISpellEngine, JavaScriptEngine>();
        services.AddSingleton<ISpellEngine, TengoEngine>();
        services.AddSingleton(settings);
        services.AddSingleton<ProviderFactory>();
        services.AddSingleton(sp => new LlmService(sp.GetRequiredService<ProviderFactory>().Create(settings), new LlmOptions { DefaultModel = settings.DefaultModel }, notices));
        services.AddSingleton(SpellApi.Standard);
        var durable = DurableSettingsLoader.Load(options.WorkingDirectory, files, Environment.GetEnvironmentVariable);
        services.AddSingleton(durable);
        services.AddSingleton(durable.CreateStateStore(options.WorkingDirectory));
        services.AddSingleton(_ => durable.CreateStore());
        services.AddSingleton(_ => durable.CreateArchive(options.WorkingDirectory));
        services.AddSingleton(sp => new DurableClient(sp.GetRequiredService<IOrchestrationStore>()));
        services.AddSingleton(sp => new DurableWorkflowService(sp.GetRequiredService<DurableClient>(), sp.GetRequiredService<ISpellArchive>()));
        services.AddSingleton(sp => new SpellHost(sp.GetRequiredService<SpellApi>(), sp.GetRequiredService<LlmService>(), sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<ILoggerFactory>(), tools: [.. BuiltInTools.Create(tools), .. sp.GetRequiredService<McpToolSource>().Tools])
        {
            Workflows = sp.GetRequiredService<DurableWorkflowService>(),
            ToolServer = new McpToolServer(),
        });
        services.AddSingleton<SpellRunner>();
        services.AddSingleton(sp => new OrchestrationRegistry().AddSpellWorkflows(
            sp.GetRequiredService<SpellRunner>(), sp.GetRequiredService<ISpellArchive>(), sp.GetRequiredService<IStateStore>()));
        services.AddSingleton(sp => new DurableWorker(sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<OrchestrationRegistry>(),
            options.Worker ?? new DurableWorkerOptions(), sp.GetRequiredService<ILoggerFactory>()));
        return services.BuildServiceProvider();
    }
}
