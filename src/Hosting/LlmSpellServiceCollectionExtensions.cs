using LlmSpell.Api;
using LlmSpell.Configuration;
using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Hosting;
using LlmSpell.Hosting.Application;
using LlmSpell.Hosting.Configuration;
using LlmSpell.Hosting.Durable;
using LlmSpell.Hosting.Http;
using LlmSpell.Hosting.Spells;
using LlmSpell.Hosting.Telemetry;
using LlmSpell.Hosting.Llm;
using LlmSpell.Hosting.Mcp;
using LlmSpell.Llm;
using LlmSpell.Mcp;
using LlmSpell.Providers;
using LlmSpell.Running;
using LlmSpell.State;
using LlmSpell.Tools;
using LlmSpell.Tools.BuiltIn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one composition root of LlmSpell: the CLI, <c>llmspell serve</c> and the Functions app all call it.</summary>
public static class LlmSpellServiceCollectionExtensions
{
    /// <summary>The host configuration key of the project's folder; else the generic host's <c>contentRoot</c>.</summary>
    public const string ContentRootKey = "LlmSpell:ContentRoot";

    /// <summary>
    /// LlmSpell with its defaults: all three engines, the built-in LLM vendors, MCP servers and
    /// durable workflows as configured. Add <c>.AddDurableWorker()</c> to run workflows in this host.
    /// </summary>
    public static LlmSpellBuilder AddLlmSpell(this IServiceCollection services, IConfiguration configuration) =>
        services.AddLlmSpell(configuration, spell => spell.AddLua().AddJavaScript().AddTengo().AddLlmProviders().AddMcp().AddDurableWorkflows());

    /// <summary>LlmSpell with only the parts <paramref name="configure"/> adds (with no engine added, all three).</summary>
    /// <param name="configuration">The host's configuration; it is layered over the project's settings files.</param>
    /// <exception cref="LlmSpell.Errors.SpellException">With code <c>bad_argument</c> for a settings file that is not JSON.</exception>
    public static LlmSpellBuilder AddLlmSpell(this IServiceCollection services, IConfiguration configuration, Action<LlmSpellBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        var contentRoot = Path.GetFullPath(configuration[ContentRootKey] ?? configuration[HostDefaults.ContentRootKey] ?? AppContext.BaseDirectory);
        var settings = SpellConfiguration.Build(contentRoot, configuration);
        var builder = new LlmSpellBuilder(services, settings, contentRoot);

        services.AddLogging();
        services.AddOptions<LlmSpellOptions>()
            .Configure(options => Read(options, settings, contentRoot))
            .ValidateOnStart();
        // One reading of the settings: IOptions shares the instance that start-up validation made.
        services.AddSingleton<IOptions<LlmSpellOptions>>(sp => Microsoft.Extensions.Options.Options.Create(sp.GetRequiredService<IOptionsMonitor<LlmSpellOptions>>().CurrentValue));
        services.TryAddSingleton(SpellApi.Standard);
        services.TryAddSingleton<IStateStore>(sp => Options(sp).Durable.CreateStateStore());
        services.TryAddSingleton(sp => Options(sp).Durable.CreateArtifactStore());
        services.TryAddSingleton(sp => new LlmService(LlmProviderRegistrations.All(sp), new LlmOptions { DefaultModel = Options(sp).Llm.DefaultModel, Prices = Options(sp).Llm.PriceTable, RecordPrompts = Options(sp).Telemetry.RecordPrompts }, sp.GetRequiredService<ILoggerFactory>().CreateLogger("llmspell")));
        services.TryAddSingleton(sp => new SpellHost(sp.GetRequiredService<SpellApi>(), sp.GetRequiredService<LlmService>(), sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<ILoggerFactory>(),
            tools: HostTools(sp))
        {
            Workflows = sp.GetService<LlmSpell.Workflows.IWorkflowService>(),
            Artifacts = sp.GetService<LlmSpell.Artifacts.IArtifactStore>(),
            ToolServer = sp.GetService<IToolServer>(),
            Spells = sp.GetService<LlmSpell.Spells.ISpellLibrary>(),
        });
        services.TryAddSingleton<LlmSpell.Spells.ISpellLibrary>(new LlmSpell.Spells.FileSpellLibrary(contentRoot, LlmSpell.Running.SandboxLimits.Default));
        services.TryAddSingleton(sp => new SpellRunner(Engines(sp), sp.GetRequiredService<SpellHost>()));
        services.TryAddSingleton<SpellRunService>();
        services.TryAddSingleton(sp => new SpellCatalog(Options(sp).Spells, sp.GetRequiredService<SpellRunner>(), SpellSources(sp), sp.GetRequiredService<ILogger<SpellCatalog>>()));
        services.TryAddSingleton<SpellHttpApi>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LlmSpell.Hosting.Schedules.SpellScheduler>();
        configure(builder);
        return builder;
    }

    internal static LlmSpellOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<LlmSpellOptions>>().Value;

    private static void Read(LlmSpellOptions options, IConfigurationRoot settings, string contentRoot)
    {
        options.ContentRoot = contentRoot;
        options.Llm = LlmSettingsLoader.Load(settings, Environment.GetEnvironmentVariable);
        options.Tools = ToolSettingsReader.Read(settings, Path.Combine(options.DataFolder, "workspace"));
        options.McpServers = McpSettingsLoader.Load(settings);
        options.Durable = DurableSettings.Read(settings, contentRoot, options.DataFolder, Environment.GetEnvironmentVariable);
        options.Spells = SpellsSettings.Read(settings, contentRoot);
        options.Telemetry = TelemetrySettings.Read(settings, Environment.GetEnvironmentVariable);
        if (options.Spells.Container is not null && options.Durable.Account is null)
        {
            throw SpellConfiguration.BadSetting(settings, "spells:container", "names a blob container, but no storage account is configured (durable.provider azure-storage with its account)");
        }
    }

    // Deferred: MCP tools exist once the host has started and connected its servers.
    private static IEnumerable<ISpellTool> HostTools(IServiceProvider services)
    {
        foreach (var tool in BuiltInTools.Create(Options(services).Tools))
        {
            yield return tool;
        }

        if (services.GetService<McpConnections>() is { } mcp)
        {
            foreach (var tool in mcp.Tools)
            {
                yield return tool;
            }
        }
    }

    private static IEnumerable<ISpellSource> SpellSources(IServiceProvider services)
    {
        var options = Options(services);
        if (options.Spells.Container is { } container && options.Durable.Account is { } account)
        {
            yield return new BlobSpellSource(account.Blobs().GetBlobContainerClient(container));
        }
        foreach (var source in services.GetServices<ISpellSource>())
        {
            yield return source;
        }
    }

    private static List<ISpellEngine> Engines(IServiceProvider services)
    {
        var chosen = services.GetServices<ISpellEngine>().ToList();
        return chosen.Count > 0 ? chosen : [new LuaEngine(), new JavaScriptEngine(), new TengoEngine()];
    }
}
