using LlmSpell.Llm;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Hosting.Llm;

/// <summary>
/// A set of providers known only once the options are read (the built-in vendors, one per
/// configured entry), registered beside single <see cref="ILlmProvider"/>s.
/// </summary>
public interface ILlmProviderCatalog
{
    IEnumerable<ILlmProvider> Providers { get; }
}

internal static class LlmProviderRegistrations
{
    /// <summary>Every provider of the host: single registrations first, then the catalogs'.</summary>
    public static IEnumerable<ILlmProvider> All(IServiceProvider services) =>
        [.. services.GetServices<ILlmProvider>(), .. services.GetServices<ILlmProviderCatalog>().SelectMany(c => c.Providers)];
}
