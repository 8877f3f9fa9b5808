using LlmSpell.FakeProviders;
using LlmSpell.Providers;
using LlmSpell.Running;
using LlmSpell.Testing;

namespace LlmSpell.Integration;

/// <summary>One fake server per vendor and a spell host whose providers point at them.</summary>
public sealed class VendorFleet : IAsyncDisposable
{
    private readonly ProviderFactory _factory = new();

    private VendorFleet(Dictionary<string, FakeVendorServer> servers) => Servers = servers;

    public IReadOnlyDictionary<string, FakeVendorServer> Servers { get; }

    public static readonly string[] ProviderNames = ["openai", "azure-openai", "gemini", "anthropic", "ollama"];

    public static async Task<VendorFleet> StartAsync() => new(new Dictionary<string, FakeVendorServer>
    {
        ["openai"] = await OpenAiCompatibleServer.StartAsync("/v1/"),
        ["azure-openai"] = await OpenAiCompatibleServer.StartAsync("/openai/v1/"),
        ["gemini"] = await OpenAiCompatibleServer.StartAsync("/v1beta/openai/"),
        ["anthropic"] = await AnthropicServer.StartAsync(),
        ["ollama"] = await OllamaServer.StartAsync(),
    });

    public SpellTestHost Host(ISpellEngine engine, LlmSpell.Tools.BuiltIn.BuiltInToolOptions? toolOptions = null)
    {
        var settings = new LlmSettings
        {
            RetryDelay = TimeSpan.FromMilliseconds(20),
            Providers =
            [
                new() { Name = "openai", ApiKey = "k", BaseUrl = Servers["openai"].BaseUrl, DefaultModel = "gpt-4o-mini" },
                new() { Name = "azure-openai", Kind = ProviderKind.AzureOpenAI, ApiKey = "k", BaseUrl = Servers["azure-openai"].BaseUrl, DefaultModel = "deployment" },
                new() { Name = "gemini", Kind = ProviderKind.Gemini, ApiKey = "k", BaseUrl = Servers["gemini"].BaseUrl, DefaultModel = "gemini-2.5-flash" },
                new() { Name = "anthropic", Kind = ProviderKind.Anthropic, ApiKey = "k", BaseUrl = Servers["anthropic"].BaseUrl, DefaultModel = "claude-sonnet-4-5" },
                new() { Name = "ollama", Kind = ProviderKind.Ollama, KeyOptional = true, BaseUrl = Servers["ollama"].BaseUrl, DefaultModel = "llama3.2" },
            ],
        };
        return new SpellTestHost([engine], providers: _factory.Create(settings), toolOptions: toolOptions);
    }

    public async ValueTask DisposeAsync()
    {
        _factory.Dispose();
        foreach (var server in Servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
