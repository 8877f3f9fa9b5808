using LlmSpell.Hosting.Llm;
using LlmSpell.Llm;
using LlmSpell.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmSpell.Hosting;

/// <summary>Where spells' LLM calls go: the built-in vendors, and any chat client a host brings.</summary>
public static class LlmProviderBuilderExtensions
{
    /// <summary>OpenAI, Azure OpenAI, Anthropic, Gemini, Ollama and the providers of the "llm" settings.</summary>
    public static LlmSpellBuilder AddLlmProviders(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ProviderFactory>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILlmProviderCatalog, VendorCatalog>());
        return builder;
    }

    /// <summary>Registers <paramref name="client"/> as the provider <paramref name="name"/>.</summary>
    public static LlmSpellBuilder AddChatClient(this LlmSpellBuilder builder, string name, Func<IServiceProvider, IChatClient> client, string defaultModel = "default")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(client);
        builder.Services.AddSingleton<ILlmProvider>(sp => new ChatClientProvider(name, client(sp), defaultModel));
        return builder;
    }

    private sealed class VendorCatalog(ProviderFactory factory, Microsoft.Extensions.Options.IOptions<LlmSpellOptions> options) : ILlmProviderCatalog
    {
        private readonly Lazy<IReadOnlyList<ILlmProvider>> _providers = new(() => factory.Create(options.Value.Llm));

        public IEnumerable<ILlmProvider> Providers => _providers.Value;
    }
}
