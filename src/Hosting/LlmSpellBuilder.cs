using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Hosting;

/// <summary>
/// What <see cref="LlmSpellServiceCollectionExtensions.AddLlmSpell(IServiceCollection, IConfiguration)"/>
/// returns: the parts of LlmSpell a host chooses (<c>.AddLua()</c>, <c>.AddLlmProviders()</c>,
/// <c>.AddMcp()</c>, <c>.AddDurableWorkflows(...)</c>, <c>.AddDurableWorker()</c>).
/// </summary>
public sealed class LlmSpellBuilder
{
    internal LlmSpellBuilder(IServiceCollection services, IConfigurationRoot configuration, string contentRoot) =>
        (Services, Configuration, ContentRoot) = (services, configuration, contentRoot);

    public IServiceCollection Services { get; }

    /// <summary>The layered settings: files of the content root, LLMSPELL_ variables, the host's configuration.</summary>
    public IConfigurationRoot Configuration { get; }

    public string ContentRoot { get; }

    /// <summary>Changes the options after they are read from configuration (a command line's flags, a test's folders).</summary>
    public LlmSpellBuilder Configure(Action<LlmSpellOptions> configure)
    {
        Services.PostConfigure(configure);
        return this;
    }
}
