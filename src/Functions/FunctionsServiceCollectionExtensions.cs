using LlmSpell.Hosting;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Functions app's composition: <c>AddLlmSpell</c>, with Durable Functions as the durable engine.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// All three engines, the LLM vendors and MCP servers, and the workflow steps. No embedded durable
    /// engine and no worker of ours: Durable Functions runs the workflow orchestrations
    /// (<see cref="LlmSpell.Functions.Workflows.WorkflowFunctions"/>).
    /// </summary>
    public static LlmSpellBuilder AddLlmSpellFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = LlmSpell.Functions.FunctionsStorageSettings.Apply(configuration);
        if (settings[LlmSpellServiceCollectionExtensions.ContentRootKey] is null)
        {
            // The published app's folder holds its spells and settings, whatever the host's working folder.
            settings = new ConfigurationBuilder().AddConfiguration(settings)
                .AddInMemoryCollection([new(LlmSpellServiceCollectionExtensions.ContentRootKey, AppContext.BaseDirectory)]).Build();
        }
        services.AddSingleton<Microsoft.Azure.Functions.Worker.Core.FunctionMetadata.IFunctionMetadataTransformer, LlmSpell.Functions.Queues.SpellQueueFunctionMetadata>();
        return services.AddLlmSpell(settings, spell => spell.AddLua().AddJavaScript().AddTengo().AddLlmProviders().AddMcp().AddWorkflowSteps().AddQueueAgents());
    }
}
