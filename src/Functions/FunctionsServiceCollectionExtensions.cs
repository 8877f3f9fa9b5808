using LlmSpell.Hosting;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Functions app's composition: <c>AddLlmSpell</c>, with Durable Functions as the durable engine.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Where the published app keeps its spells, beside its assemblies.</summary>
    public const string PublishedSpellsFolder = "spells";

    /// <summary>
    /// All three engines, the LLM vendors and MCP servers, the workflow steps and the queue agents.
    /// No embedded durable engine and no worker of ours: Durable Functions runs the workflow
    /// orchestrations (<see cref="LlmSpell.Functions.Workflows.WorkflowFunctions"/>). With the app's
    /// storage account, state, artifacts, pinned spells and queue results are blobs; the app's own
    /// folder is read-only when it runs from a package.
    /// </summary>
    public static LlmSpellBuilder AddLlmSpellFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = LlmSpell.Functions.FunctionsStorageSettings.Apply(configuration);
        // The published app's folder holds its settings and, under spells/, the spells published
        // with it (the project's LlmSpellSpells), whatever the host's working folder.
        var defaults = new Dictionary<string, string?>();
        if (settings[LlmSpellServiceCollectionExtensions.ContentRootKey] is null)
        {
            defaults[LlmSpellServiceCollectionExtensions.ContentRootKey] = AppContext.BaseDirectory;
        }
        if (settings["spells:folder"] is null)
        {
            defaults["spells:folder"] = Path.Combine(AppContext.BaseDirectory, PublishedSpellsFolder);
        }
        if (defaults.Count > 0)
        {
            settings = new ConfigurationBuilder().AddInMemoryCollection(defaults).AddConfiguration(settings).Build();
        }
        services.AddSingleton<Microsoft.Azure.Functions.Worker.Core.FunctionMetadata.IFunctionMetadataTransformer, LlmSpell.Functions.Queues.SpellQueueFunctionMetadata>();
        return services.AddLlmSpell(settings, spell => spell.AddLua().AddJavaScript().AddTengo().AddLlmProviders().AddMcp().AddWorkflowSteps().AddQueueAgents()
            // The worker's defaults join each invocation to the host's trace (W3C context from the
            // trigger), so orchestrations, activities and LLM calls land in one trace.
            .AddTelemetry("llmspell-functions", otel => otel.WithTracing(tracing => tracing.AddSource("Microsoft.DurableTask")).UseFunctionsWorkerDefaults()));
    }
}
